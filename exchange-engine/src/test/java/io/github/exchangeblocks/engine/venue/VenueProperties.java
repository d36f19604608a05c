package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.instrument.Instrument;
import it.unimi.dsi.fastutil.longs.LongIterator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VenueProperties {

    @Property(tries = 60)
    void shouldKeepInvariantsAndContinueIdenticallyFromASnapshotWhenDrivenByRandomCommands(
            @ForAll long seed) {
        List<int[]> commands = VenueDriver.commands(seed, 400);
        RecordingListener liveEvents = new RecordingListener();
        VenueSettings settings = VenueSettings.builder().selfTradePrevention(seed % 2 == 0
                ? SelfTradePrevention.DECREMENT_AND_CANCEL : SelfTradePrevention.CANCEL_INCOMING).build();
        Venue live = VenueDriver.newVenue(settings, liveEvents);
        int cut = Math.floorMod(seed, commands.size());
        Venue restored = null;
        RecordingListener restoredEvents = new RecordingListener();
        for (int step = 0; step < commands.size(); step++) {
            if (step == cut) {
                restored = Venue.restore(settings, live.writeSnapshot(), restoredEvents);
                assertThat(restored.stateHash()).isEqualTo(live.stateHash());
                liveEvents.events.clear();
            }
            int day = live.tradingDay();
            VenueDriver.applyWithRateUpdates(live, step, commands.get(step));
            if (restored != null) {
                VenueDriver.applyWithRateUpdates(restored, step, commands.get(step));
                assertThat(restored.stateHash()).as("step %d", step).isEqualTo(live.stateHash());
            }
            checkInvariants(live);
            if (live.tradingDay() != day) {
                checkRemarginedAtTheSettlement(live);
            }
        }
        assertThat(restoredEvents.events).isEqualTo(liveEvents.events);
    }

    @Property(tries = 30)
    void shouldGiveTheSameEventsAndHashWhenTheSameCommandsRunTwice(@ForAll long seed) {
        List<int[]> commands = VenueDriver.commands(seed, 300);
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        Venue a = VenueDriver.newVenue(first);
        Venue b = VenueDriver.newVenue(second);
        for (int step = 0; step < commands.size(); step++) {
            VenueDriver.applyWithRateUpdates(a, step, commands.get(step));
            VenueDriver.applyWithRateUpdates(b, step, commands.get(step));
        }
        assertThat(second.events).isEqualTo(first.events);
        assertThat(b.stateHash()).isEqualTo(a.stateHash());
    }

    /**
     * Right after a settlement every position is history volume margined at the rates now in force (scheduled
     * ones included) and the settlement price: no margin from an earlier rate survives it.
     */
    static void checkRemarginedAtTheSettlement(Venue venue) {
        for (int i = 0; i < venue.instrumentCount(); i++) {
            Instrument instrument = venue.registry().get(i);
            assertThat(instrument.marginRatesPending()).as("scheduled rates applied").isFalse();
            for (int a = 0; a < venue.accountCount(); a++) {
                Position p = venue.position(a, i);
                if (p == null) {
                    continue;
                }
                long price = instrument.preSettlementPriceTicks();
                var rounding = venue.settings().conventions().marginRounding();
                assertThat(p.volumeLongToday() + p.volumeShortToday()).isZero();
                assertThat(p.marginLong()).as("long margin of account %d in %d", a, i)
                        .isEqualTo(p.volumeLongHis() == 0 ? 0
                                : instrument.margin(true, price, p.volumeLongHis(), rounding));
                assertThat(p.marginShort()).as("short margin of account %d in %d", a, i)
                        .isEqualTo(p.volumeShortHis() == 0 ? 0
                                : instrument.margin(false, price, p.volumeShortHis(), rounding));
            }
        }
    }

    static void checkInvariants(Venue venue) {
        long pnl = 0;
        for (int a = 0; a < venue.accountCount(); a++) {
            AccountView account = venue.account(a);
            assertThat(account.balance()).isEqualTo(account.staticBalance() + account.closeProfit()
                    - account.commission() + account.positionProfit());
            assertThat(account.available()).isEqualTo(account.balance() - account.margin()
                    - account.frozenMargin() - account.frozenCommission());
            pnl += account.balance() - venue.lifetimeNetDeposits(a) + venue.lifetimeFees(a);
        }
        // Every long lot has a short lot, marked at the same price: profits and losses cancel across accounts.
        assertThat(pnl).as("money conserved: sum of balance - net deposits + fees").isZero();
        for (int i = 0; i < venue.instrumentCount(); i++) {
            OrderBookView book = venue.book(i);
            if (book.bestBidPrice() != OrderBookView.NULL_PRICE && book.bestAskPrice() != OrderBookView.NULL_PRICE
                    && book.phase() == io.github.exchangeblocks.api.book.TradingPhase.CONTINUOUS) {
                assertThat(book.bestBidPrice()).isLessThan(book.bestAskPrice());
            }
        }
        LongIterator ids = venue.flow.orders().keySet().iterator();
        while (ids.hasNext()) {
            long id = ids.nextLong();
            VenueOrder order = venue.flow.order(id);
            assertThat(venue.book(order.instrumentIndex).remainingQuantity(id)).as("book remaining of %d", id)
                    .isEqualTo(order.remaining);
            assertThat(venue.accounts.remainingVolume(id)).as("accounts remaining of %d", id)
                    .isEqualTo(order.remaining);
            assertThat(venue.orderView(id).freezePriceTicks()).as("accounts freeze price of %d", id)
                    .isEqualTo(order.priceTicks);
            // Margin rates change only at the settlement, when no order works: a working order's frozen margin is
            // always that of its remaining volume at the rate in force.
            Instrument instrument = venue.registry().get(order.instrumentIndex);
            OpenOrderView view = venue.orderView(id);
            long expected = view.offset() != Offset.OPEN ? 0 : instrument.margin(view.side() == Side.BUY,
                    view.freezePriceTicks(), view.remainingVolume(), venue.accounts.conventions().marginRounding());
            assertThat(venue.orderView(id).frozenMargin()).as("frozen margin of %d", id).isEqualTo(expected);
        }
        for (int a = 0; a < venue.accountCount(); a++) {
            long margin = 0;
            for (int i = 0; i < venue.instrumentCount(); i++) {
                Position position = venue.position(a, i);
                margin += position == null ? 0 : position.marginLong() + position.marginShort();
            }
            assertThat(venue.account(a).margin()).as("account %d margin is its positions' margin", a)
                    .isEqualTo(margin);
        }
    }

    @net.jqwik.api.Example
    void shouldExerciseTradesCancelsRejectsAndSettlementWhenDrivenByTheRandomCommands() {
        RecordingListener events = new RecordingListener();
        Venue venue = VenueDriver.newVenue(events);
        List<int[]> commands = VenueDriver.commands(42, 2_000);
        for (int step = 0; step < commands.size(); step++) {
            VenueDriver.applyWithRateUpdates(venue, step, commands.get(step));
        }
        assertThat(events.events.stream().filter(e -> e.startsWith("trade ")).count()).isGreaterThan(30);
        assertThat(venue.registry().get(0).ratesRevision() + venue.registry().get(1).ratesRevision())
                .as("rate updates accepted").isGreaterThan(10);
        assertThat(events.events.stream().filter(e -> e.contains(" CLOSE")).count()).isGreaterThan(10);
        assertThat(events.events.stream().filter(e -> e.startsWith("cancelled ")).count()).isGreaterThan(20);
        assertThat(events.events.stream().filter(e -> e.startsWith("rejected ")).count()).isGreaterThan(20);
        assertThat(events.events.stream().filter(e -> e.startsWith("statement ")).count()).isGreaterThan(3);
        assertThat(events.events.stream().filter(e -> e.startsWith("amended ")).count()).isGreaterThan(10);
    }
}
