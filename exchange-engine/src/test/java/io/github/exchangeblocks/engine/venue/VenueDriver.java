package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random venue commands for the properties: each command is an {@code int[]} of random draws, applied the same way
 * to any venue, so two venues given the same list see the same commands (including bad ones).
 */
final class VenueDriver {
    static final InstrumentSpec INDEX = new InstrumentSpec("CFFEX.IF2512", 1, 2, 300, 1, 12_000_000, 12_000_000,
            CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(2_300),
            0, 20, CloseRule.TODAY_EXPLICIT);

    private VenueDriver() {
    }

    static Venue newVenue(VenueListener listener) {
        return newVenue(VenueSettings.builder().build(), listener);
    }

    static Venue newVenue(VenueSettings settings, VenueListener listener) {
        Venue venue = Venue.create(settings, 20261207, listener);
        for (String user : new String[] {"alice", "bob", "carol"}) {
            int id = venue.openAccount(user);
            venue.deposit(0, id, 2_000_000_000);
        }
        venue.listInstrument(0, VenueTest.COPPER);
        venue.listInstrument(0, INDEX);
        venue.setInstrumentStatus(0, 0, InstrumentStatus.TRADING);
        venue.setInstrumentStatus(0, 1, InstrumentStatus.TRADING);
        return venue;
    }

    static List<int[]> commands(long seed, int count) {
        Random random = new Random(seed);
        List<int[]> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int[] draws = new int[8];
            for (int d = 0; d < draws.length; d++) {
                draws[d] = random.nextInt(1 << 20);
            }
            commands.add(draws);
        }
        return commands;
    }

    /** Applies one command at time {@code step}. */
    static void apply(Venue venue, int step, int[] d) {
        long ts = 1_000L * step;
        int kind = d[0] % 100;
        int account = d[1] % 10 == 9 ? 7 : d[1] % 3;
        int instrument = d[2] % 2;
        if (kind < 60) {
            Side side = d[3] % 13 == 0 ? null : d[3] % 2 == 0 ? Side.BUY : Side.SELL;
            Offset offset = Offset.values()[d[4] % 4];
            boolean market = d[5] % 10 == 0;
            TimeInForce tif = market ? (d[6] % 2 == 0 ? TimeInForce.IOC : TimeInForce.FOK)
                    : TimeInForce.values()[d[6] % 4];
            long price = market ? (d[7] % 3 == 0 ? 0 : 7_000 + d[7] % 21 - 10) : 7_000 + d[7] % 21 - 10;
            venue.placeOrder(venue.orderRequest().clear().timestampNs(ts).accountId(account)
                    .instrumentIndex(instrument).side(side).offset(offset)
                    .type(market ? OrderType.MARKET : OrderType.LIMIT).timeInForce(tif).priceTicks(price)
                    .volume(1 + d[5] % 4).minVolume(d[6] % 17 == 0 ? 1 : 0));
        } else if (kind < 72) {
            long id = d[4] % 3 == 0 ? 1 + d[3] % 200 : workingOrder(venue, d[3]);
            venue.cancelOrder(ts, d[4] % 3 == 0 ? account : ownerOf(venue, id), id);
        } else if (kind < 80) {
            long id = d[4] % 5 == 0 ? 1 + d[3] % 200 : workingOrder(venue, d[3]);
            venue.amendOrder(ts, d[4] % 5 == 0 ? account : ownerOf(venue, id), id, 7_000 + d[7] % 21 - 10,
                    d[5] % 9 == 0 ? 0 : 1 + d[5] % 5);
        } else if (kind < 88) {
            venue.markPrice(ts, instrument, 6_990 + d[3] % 21);
        } else if (kind < 92) {
            venue.deposit(ts, account, 1 + d[3] % 1_000_000);
        } else if (kind < 95) {
            venue.withdraw(ts, account, 1 + d[3] % 5_000_000);
        } else if (kind < 96) {
            venue.endTradingDay(ts, venue.tradingDay() + 1, null);
        } else if (kind < 97) {
            venue.liquidate(ts);
        } else if (kind < 98) {
            venue.setPhase(ts, instrument, d[3] % 2 == 0 ? TradingPhase.PRE_OPEN : TradingPhase.CONTINUOUS);
        } else {
            venue.setInstrumentStatus(ts, instrument, d[3] % 4 == 0 ? InstrumentStatus.SUSPENDED
                    : InstrumentStatus.TRADING);
        }
    }

    /**
     * Like {@link #apply}, but one command in 20 (picked by the draws) is first preceded by a rate update of the
     * instrument: new commission rates, or new margin rates scheduled for the settlement, or both; sometimes out of
     * range (refused) or for an unknown instrument.
     */
    static void applyWithRateUpdates(Venue venue, int step, int[] d) {
        if (d[7] % 20 == 7) {
            int instrument = d[2] % 3 == 2 ? 5 : d[2] % 2;
            int what = d[3] % 4;
            long longRate = what == 1 ? io.github.exchangeblocks.engine.instrument.InstrumentRegistry.KEEP_RATE : 5_000_000 + d[4] % 20 * 1_000_000L;
            long shortRate = d[6] % 11 == 0 ? 100_000_001 : what == 1 ? io.github.exchangeblocks.engine.instrument.InstrumentRegistry.KEEP_RATE
                    : 5_000_000 + d[5] % 20 * 1_000_000L;
            CommissionRate commission = what == 0 ? null : d[5] % 2 == 0 ? CommissionRate.perLot(d[4] % 700)
                    : CommissionRate.ofNotional(d[4] % 9_000);
            venue.updateRates(1_000L * step, instrument, longRate, shortRate, commission,
                    what == 3 ? CommissionRate.FREE : null, commission);
        }
        apply(venue, step, d);
    }

    /** A working order picked by {@code draw} among the working ids in increasing order (0 if none). */
    private static long workingOrder(Venue venue, int draw) {
        long[] ids = venue.flow.orders().keySet().toLongArray();
        if (ids.length == 0) {
            return 0;
        }
        java.util.Arrays.sort(ids);
        return ids[draw % ids.length];
    }

    private static int ownerOf(Venue venue, long orderId) {
        VenueOrder order = venue.flow.order(orderId);
        return order == null ? 0 : order.accountId;
    }
}
