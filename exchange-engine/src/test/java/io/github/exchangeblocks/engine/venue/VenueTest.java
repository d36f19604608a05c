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
}
