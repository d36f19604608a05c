package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VenueTest {
    /** Copper: tick 10 yuan, 5 t per lot (one tick on one lot = 50.00 yuan = 5,000 cents), 10% margin, 3.00/lot. */
    static final InstrumentSpec COPPER = new InstrumentSpec("SHFE.cu2512", 0, 10, 5, 1, 10_000_000, 10_000_000,
            CommissionRate.perLot(300), CommissionRate.perLot(300), CommissionRate.perLot(300), 0, 100,
            CloseRule.HISTORY_FIRST);

    private final RecordingListener events = new RecordingListener();
    private Venue venue;
    private int alice;
    private int bob;
    private int copper;

    @BeforeEach
    void setUp() {
        venue = Venue.create(VenueSettings.builder().build(), 20261207, events);
        alice = venue.openAccount("alice");
        bob = venue.openAccount("bob");
        assertThat(venue.deposit(1, alice, 100_000_000)).isTrue();
        assertThat(venue.deposit(2, bob, 100_000_000)).isTrue();
        copper = venue.listInstrument(3, COPPER);
        assertThat(venue.setInstrumentStatus(4, copper, InstrumentStatus.TRADING)).isTrue();
        events.drain();
    }

    private long order(int account, Side side, Offset offset, OrderType type, TimeInForce tif, long price,
                       long volume) {
        return venue.placeOrder(venue.orderRequest().clear().timestampNs(10).accountId(account)
                .instrumentIndex(copper).side(side).offset(offset).type(type).timeInForce(tif).priceTicks(price)
                .volume(volume));
    }

    @Test
    void shouldBookBothSidesOfEveryTradeWithTheirEconomicsWhenOrdersCross() {
        assertThat(order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 2)).isEqualTo(1);
        assertThat(order(bob, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.IOC, 7000, 1)).isEqualTo(2);
        assertThat(events.drain()).containsExactly(
                "accepted 1 acc=0 BUY OPEN LIMIT GTC 7000x2",
                "accepted 2 acc=1 SELL OPEN LIMIT IOC 7000x1",
                "trade 1 7000x1 maker=1 taker=2",
                "fill 1 maker OPEN 7000x1 left=1 commission=300 closeProfit=0 margin=3500000 closed=0/0",
                "fill 2 taker OPEN 7000x1 left=0 commission=300 closeProfit=0 margin=3500000 closed=0/0");
        assertThat(venue.remainingVolume(1)).isEqualTo(1);
        assertThat(venue.remainingVolume(2)).isZero();
        assertThat(venue.lastPriceTicks(copper)).isEqualTo(7000);
        assertThat(venue.lifetimeFees(alice)).isEqualTo(300);
        assertThat(venue.marketData(copper).quote().lastPrice()).isEqualTo(7000);
        assertThat(venue.marketData(copper).quote().volume()).isEqualTo(1);
        assertThat(venue.marketData(copper).quote().openInterest()).isEqualTo(1);
        assertThat(venue.lifetimeFills(bob)).isEqualTo(1);
    }

    @Test
    void shouldResolveAutoToCloseAndProtectAMarketOrderByTheCollarWhenClosingAgainstTheBook() {
        order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1);
        order(bob, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1);
        order(alice, Side.SELL, Offset.AUTO, OrderType.LIMIT, TimeInForce.GTC, 7100, 1);
        events.drain();
        // bob is short 1: AUTO closes it; no protection price, so bestAsk 7100 + ceil(5% of 7100) = 7455 protects it.
        assertThat(order(bob, Side.BUY, Offset.AUTO, OrderType.MARKET, TimeInForce.IOC, 0, 1)).isEqualTo(4);
        assertThat(events.drain()).containsExactly(
                "accepted 4 acc=1 BUY CLOSE MARKET IOC 7455x1",
                "trade 2 7100x1 maker=3 taker=4",
                "fill 3 maker CLOSE 7100x1 left=0 commission=300 closeProfit=500000 margin=-3500000 closed=1/0",
                "fill 4 taker CLOSE 7100x1 left=0 commission=300 closeProfit=-500000 margin=-3500000 closed=1/0");
        // Both sides closed: the open interest is back to 0; the tape holds both trades.
        assertThat(venue.marketData(copper).quote().openInterest()).isZero();
        assertThat(venue.marketData(copper).quote().volume()).isEqualTo(2);
        // Money is conserved: what the accounts gained over their deposits is minus the fees.
        long gained = venue.account(alice).balance() - venue.lifetimeNetDeposits(alice)
                + venue.account(bob).balance() - venue.lifetimeNetDeposits(bob);
        assertThat(gained).isEqualTo(-(venue.lifetimeFees(alice) + venue.lifetimeFees(bob))).isEqualTo(-1200);
    }

    @Test
    void shouldRejectWithCodeAndFieldWhenTheRequestIsBadAndChangeNothing() {
        long hash = venue.stateHash();
        assertThat(order(alice, null, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1))
                .isEqualTo(Venue.NULL_ORDER_ID);
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.VENUE_INVALID_REQUEST);
        assertThat(venue.rejectMessage().toString()).contains("side=null");
        assertThat(order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 0, 1)).isZero();
        assertThat(venue.rejectMessage().toString()).isEqualTo("priceTicks=0 must be > 0 for a LIMIT order");
        assertThat(order(alice, Side.BUY, Offset.OPEN, OrderType.MARKET, TimeInForce.GTC, 0, 1)).isZero();
        assertThat(venue.rejectMessage().toString()).contains("timeInForce=GTC must be IOC or FOK");
        assertThat(order(alice, Side.BUY, Offset.OPEN, OrderType.MARKET, TimeInForce.IOC, 0, 1)).isZero();
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.VENUE_NO_MARKET_PRICE);
        assertThat(order(alice, Side.SELL, Offset.CLOSE, OrderType.LIMIT, TimeInForce.GTC, 7000, 1)).isZero();
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.INSUFFICIENT_POSITION);
        assertThat(order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1_000)).isZero();
        assertThat(order(7, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1)).isZero();
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.UNKNOWN_ACCOUNT);
        assertThat(venue.cancelOrder(11, alice, 99)).isFalse();
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
        assertThat(venue.withdraw(12, bob, 100_000_001)).isFalse();
        assertThat(venue.endTradingDay(13, 20261207, null)).isFalse();
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.VENUE_INVALID_TRADING_DAY);
        assertThat(events.drain()).hasSize(8).allMatch(e -> e.startsWith("rejected 0 ") || e.startsWith("rejected 99"));
        assertThat(venue.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldRefuseToCancelAnotherAccountsOrderWhenAskedByName() {
        long id = order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1);
        assertThat(venue.cancelOrder(20, bob, id)).isFalse();
        assertThat(venue.rejectMessage().toString()).isEqualTo("orderId=1 must be a working order of accountId=1");
        assertThat(venue.cancelOrder(21, alice, id)).isTrue();
        assertThat(venue.account(alice).frozenMargin()).isZero();
    }

    @Test
    void shouldExpireOrdersSettleAndRollWhenTheDayEnds() {
        order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 2);
        order(bob, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1);
        order(bob, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.GFD, 7200, 1);
        events.drain();
        assertThat(venue.endTradingDay(30, 20261208, new long[] {7100})).isTrue();
        // Settled at 7,100: alice long 1 gains 100 ticks x 5,000 cents, bob short 1 loses it; margin at 7,100.
        assertThat(events.drain()).containsExactly(
                "cancelled 3 1 EXPIRED",
                "cancelled 1 1 MASS_CANCEL",
                "statement 20261207 acc=0 balance=100499700 margin=3550000 closeProfit=0 positionProfit=500000"
                        + " commission=300",
                "statement 20261207 acc=1 balance=99499700 margin=3550000 closeProfit=0 positionProfit=-500000"
                        + " commission=300",
                "day 20261208");
        assertThat(venue.tradingDay()).isEqualTo(20261208);
        assertThat(venue.registry().get(copper).preSettlementPriceTicks()).isEqualTo(7100);
        assertThat(venue.position(alice, copper).volumeLongHis()).isEqualTo(1);
    }

    @Test
    void shouldChargeNewCommissionOnTheNextFillAtOnceAndKeepTheOrdersFrozenCommissionUntilThen() {
        order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 2);
        assertThat(venue.account(alice).frozenCommission()).isEqualTo(600);
        events.drain();
        assertThat(venue.updateRates(20, copper, InstrumentRegistry.KEEP_RATE, InstrumentRegistry.KEEP_RATE,
                CommissionRate.perLot(500), null, null)).isTrue();
        assertThat(events.drain()).as("no order, fill or account event").isEmpty();
        // The working order keeps what it froze; its fill pays the new rate and re-freezes the rest at it.
        assertThat(venue.account(alice).frozenCommission()).isEqualTo(600);
        order(bob, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.IOC, 7000, 1);
        assertThat(events.drain()).contains(
                "fill 1 maker OPEN 7000x1 left=1 commission=500 closeProfit=0 margin=3500000 closed=0/0",
                "fill 2 taker OPEN 7000x1 left=0 commission=500 closeProfit=0 margin=3500000 closed=0/0");
        assertThat(venue.account(alice).frozenCommission()).isEqualTo(500);
        assertThat(venue.registry().get(copper).spec().openCommission()).isEqualTo(CommissionRate.perLot(500));
        assertThat(venue.registry().get(copper).spec().closeCommission()).isEqualTo(CommissionRate.perLot(300));
        assertThat(venue.registry().get(copper).ratesRevision()).isEqualTo(1);
    }

    @Test
    void shouldRemarginPositionsAtTheNewRateOnlyAtTheNextSettlementWhenTheMarginRateChanges() {
        order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1);
        order(bob, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1);
        order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 6990, 1);
        assertThat(venue.account(alice).frozenMargin()).isEqualTo(3_495_000);
        assertThat(venue.updateRates(20, copper, 15_000_000, 20_000_000, null, null, null)).isTrue();
        Instrument instrument = venue.registry().get(copper);
        assertThat(instrument.marginRatesPending()).isTrue();
        assertThat(instrument.pendingShortMarginRateE8()).isEqualTo(20_000_000);
        // Nothing moves before the settlement: positions, working orders and new orders at 10%.
        assertThat(venue.account(alice).margin()).isEqualTo(3_500_000);
        assertThat(venue.account(alice).frozenMargin()).isEqualTo(3_495_000);
        order(bob, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7010, 1);
        assertThat(venue.account(bob).frozenMargin()).isEqualTo(3_505_000);
        // A second notice before the settlement replaces the long rate and keeps the scheduled short rate.
        assertThat(venue.updateRates(21, copper, 12_000_000, InstrumentRegistry.KEEP_RATE, null, null, null))
                .isTrue();
        assertThat(venue.endTradingDay(30, 20261208, new long[] {7100})).isTrue();
        // Settled at 7,100 (notional 35,500,000): long at 12%, short at 20%.
        assertThat(venue.account(alice).margin()).isEqualTo(4_260_000);
        assertThat(venue.account(bob).margin()).isEqualTo(7_100_000);
        assertThat(instrument.marginRatesPending()).isFalse();
        assertThat(instrument.spec().longMarginRateE8()).isEqualTo(12_000_000);
        assertThat(instrument.spec().shortMarginRateE8()).isEqualTo(20_000_000);
        // The next day's orders freeze at the new rates.
        order(alice, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7000, 1);
        assertThat(venue.account(alice).frozenMargin()).isEqualTo(4_200_000);
    }

    @Test
    void shouldRefuseBadRatesWithTheFieldAndTheRuleAndChangeNothing() {
        long hash = venue.stateHash();
        assertThat(venue.updateRates(1, copper, InstrumentRegistry.KEEP_RATE, InstrumentRegistry.KEEP_RATE, null,
                null, null)).isFalse();
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.INVALID_INSTRUMENT_SPEC);
        assertThat(venue.rejectMessage().toString()).contains("at least one of longMarginRateE8");
        assertThat(venue.updateRates(1, copper, 100_000_001, 5, null, null, null)).isFalse();
        assertThat(venue.rejectMessage().toString()).isEqualTo("longMarginRateE8=100000001 must be in 0..100000000");
        assertThat(venue.updateRates(1, copper, 5, -2, null, null, null)).isFalse();
        assertThat(venue.rejectMessage().toString()).isEqualTo("shortMarginRateE8=-2 must be in 0..100000000");
        assertThat(venue.updateRates(1, copper, 5, 5, CommissionRate.perLot(1), null,
                new CommissionRate(-1, 0))).isFalse();
        assertThat(venue.rejectMessage().toString())
                .isEqualTo("closeTodayCommission.perLotMinor=-1 must be in 0..10^9");
        assertThat(venue.updateRates(1, 3, 5, 5, null, null, null)).isFalse();
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.UNKNOWN_INSTRUMENT);
        assertThat(venue.stateHash()).isEqualTo(hash);
        assertThat(venue.registry().get(copper).ratesRevision()).isZero();
        assertThat(venue.setInstrumentStatus(2, copper, InstrumentStatus.DELISTED)).isTrue();
        assertThat(venue.updateRates(3, copper, 5, 5, null, null, null)).isFalse();
        assertThat(venue.rejectCode()).isEqualTo(RejectCode.INSTRUMENT_NOT_TRADABLE);
        assertThat(venue.rejectMessage().toString()).isEqualTo("SHFE.cu2512 is delisted: its rates cannot change");
    }

    @Test
    void shouldCarryCurrentAndScheduledRatesThroughASnapshot() {
        assertThat(venue.updateRates(1, copper, 20_000_000, 30_000_000, CommissionRate.ofNotional(1_000),
                CommissionRate.FREE, null)).isTrue();
        Venue restored = Venue.restore(VenueSettings.builder().build(), venue.writeSnapshot(), VenueListener.NO_OP);
        assertThat(restored.stateHash()).isEqualTo(venue.stateHash());
        Instrument instrument = restored.registry().get(copper);
        assertThat(instrument.spec()).isEqualTo(venue.registry().get(copper).spec());
        assertThat(instrument.pendingLongMarginRateE8()).isEqualTo(20_000_000);
        assertThat(instrument.pendingShortMarginRateE8()).isEqualTo(30_000_000);
        assertThat(instrument.ratesRevision()).isEqualTo(1);
        assertThat(instrument.spec().longMarginRateE8()).isEqualTo(10_000_000);
    }
}
