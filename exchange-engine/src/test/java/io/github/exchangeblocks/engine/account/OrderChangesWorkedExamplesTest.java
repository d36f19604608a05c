package io.github.exchangeblocks.engine.account;

import static io.github.exchangeblocks.api.Offset.CLOSE;
import static io.github.exchangeblocks.api.Offset.OPEN;
import static io.github.exchangeblocks.api.OrderType.LIMIT;
import static io.github.exchangeblocks.api.OrderType.MARKET;
import static io.github.exchangeblocks.api.Side.BUY;
import static io.github.exchangeblocks.api.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.engine.risk.RiskChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of what follows the book: amend up and down, reduce, MARKET orders without protection, the fill
 * price check and the reject channel. Copper (SHFE.cu2512): tick value 5000 cents, margin 10% = 500 cents per tick
 * and lot, commission 0.5 bp = 0.25 cents per tick and lot; previous settlement 7000, band 6440..7560. Default
 * conventions.
 */
class OrderChangesWorkedExamplesTest {
    private static final int CU = 0;
    private AccountBook book;
    private int alice;

    @BeforeEach
    void setUp() {
        book = new AccountBook(Fixtures.registry(), RiskChain.standard(Long.MAX_VALUE, 1_000, 100));
        book.registry().setPreSettlementPrice(CU, 7000);
        alice = book.openAccount("alice");
        assertThat(book.deposit(alice, 20_000_000)).isTrue();
    }

    @Test
    void shouldRefreezeWhenAmendedUpAndDown() {
        assertThat(book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 1)).isTrue();
        // 1 lot at 7000: margin 3,500,000, commission 1,750
        OpenOrderView order = book.order(1);
        assertThat(order.frozenMargin()).isEqualTo(3_500_000);
        assertThat(order.frozenCommission()).isEqualTo(1_750);
        assertThat(book.amendOrder(1, 7000, 5)).isTrue();
        // 5 lots: 17,500,000 and 8,750
        assertThat(order.remainingVolume()).isEqualTo(5);
        assertThat(order.frozenMargin()).isEqualTo(17_500_000);
        assertThat(order.frozenCommission()).isEqualTo(8_750);
        assertThat(book.account(alice).frozenMargin()).isEqualTo(17_500_000);
        assertThat(book.amendOrder(1, 6990, 2)).isTrue();
        // 2 lots at 6990: 6,990,000 and 6990 x 2 x 0.25 = 3,495
        assertThat(order.limitPriceTicks()).isEqualTo(6990);
        assertThat(order.frozenMargin()).isEqualTo(6_990_000);
        assertThat(order.frozenCommission()).isEqualTo(3_495);
        assertThat(book.account(alice).frozenCommission()).isEqualTo(3_495);
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldRefuseAmendUpWhenFundsAreShortAndChangeNothing() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 1);
        long hash = book.stateHash();
        // 6 lots need 21,000,000 + 10,500 of the 20,000,000 (the order's own freeze does not count against it)
        assertThat(book.amendOrder(1, 7000, 6)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(book.lastRejectMessage().toString())
                .isEqualTo("margin=210000.00 + commission=105.00 must be <= available=200000.00");
        assertThat(book.stateHash()).isEqualTo(hash);
        assertThat(book.amendOrder(1, 7600, 1)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.PRICE_OUTSIDE_BAND);
        assertThat(book.stateHash()).isEqualTo(hash);
        assertThat(book.amendOrder(1, 7000, 0)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.INVALID_ORDER);
        assertThat(book.amendOrder(99, 7000, 1)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
        assertThat(book.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldReleaseTheCancelledPartWhenReduced() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 4);
        assertThat(book.reduceOrder(1, 3)).isTrue();
        assertThat(book.order(1).remainingVolume()).isEqualTo(1);
        assertThat(book.order(1).frozenMargin()).isEqualTo(3_500_000);
        assertThat(book.position(alice, CU).pendingOpenVolume(true)).isEqualTo(1);
        assertThat(book.reduceOrder(1, 2)).isFalse();
        assertThat(book.lastRejectMessage().toString())
                .isEqualTo("reduce volume=2 must be in 1..1 (orderId=1 remaining)");
        assertThat(book.reduceOrder(1, 1)).isTrue();
        assertThat(book.order(1)).isNull();
        assertThat(book.account(alice).frozenMargin()).isZero();
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldFreezeMarketOrderWithoutProtectionAtTheBandLimitOnItsSide() {
        assertThat(book.placeOrder(alice, 1, CU, BUY, OPEN, MARKET, 0, 1)).isTrue();
        // BUY at limit up 7560: margin 3,780,000, commission 1,890
        assertThat(book.order(1).freezePriceTicks()).isEqualTo(7560);
        assertThat(book.order(1).limitPriceTicks()).isZero();
        assertThat(book.order(1).frozenMargin()).isEqualTo(3_780_000);
        assertThat(book.order(1).frozenCommission()).isEqualTo(1_890);
        assertThat(book.placeOrder(alice, 2, CU, SELL, OPEN, MARKET, 0, 1)).isTrue();
        // SELL at limit down 6440: margin 3,220,000, commission 1,610
        assertThat(book.order(2).freezePriceTicks()).isEqualTo(6440);
        assertThat(book.order(2).frozenMargin()).isEqualTo(3_220_000);
        // fills anywhere inside the band, booked at the fill price: 7010 x 500 = 3,505,000
        assertThat(book.fill(1, 7010, 1)).isTrue();
        assertThat(book.lastFill().marginBooked()).isEqualTo(3_505_000);
        assertThat(book.lastFill().frozenMarginReleased()).isEqualTo(3_780_000);
        assertThat(book.fill(2, 6439, 1)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.FILL_PRICE_OUTSIDE_LIMIT);
        assertThat(book.lastRejectMessage().toString())
                .isEqualTo("fill priceTicks=6439 (64390) must be >= band limit 6440 (64400) of SELL orderId=2");
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldRefuseMarketOrderWithoutProtectionWhenInstrumentHasNoBand() {
        // DCE.m2601 has no limit rate, so no band
        assertThat(book.placeOrder(alice, 1, 1, BUY, OPEN, MARKET, 0, 1)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.MARKET_PRICE_UNBOUNDED);
        assertThat(book.lastRejectMessage().toString()).isEqualTo(
                "priceTicks=0: a MARKET order without protection price needs a price band on DCE.m2601");
        // with a collar price as protection it is accepted and frozen there
        assertThat(book.placeOrder(alice, 1, 1, BUY, OPEN, MARKET, 3010, 1)).isTrue();
        assertThat(book.order(1).freezePriceTicks()).isEqualTo(3010);
        assertThat(book.placeOrder(alice, 2, CU, BUY, OPEN, LIMIT, 0, 1)).isFalse();
        assertThat(book.lastRejectMessage().toString())
                .isEqualTo("priceTicks=0 must be in 1..1000000000000 for a LIMIT order");
    }

    @Test
    void shouldRefuseFillWorseThanTheLimitAndChangeNothing() {
        // the case: a BUY limit at 7,500 filled at 75,000
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7500, 1);
        long hash = book.stateHash();
        assertThat(book.fill(1, 75_000, 1)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.FILL_PRICE_OUTSIDE_LIMIT);
        assertThat(book.lastRejectMessage().toString())
                .isEqualTo("fill priceTicks=75000 (750000) must be <= limit 7500 (75000) of BUY orderId=1");
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.FILL_PRICE_OUTSIDE_LIMIT);
        assertThat(book.stateHash()).isEqualTo(hash);
        assertThat(book.fill(1, 7500, 1)).isTrue();
        assertThat(book.lastRejectCode()).as("the channel keeps the last refusal").isEqualTo(
                RejectCode.FILL_PRICE_OUTSIDE_LIMIT);
    }

    @Test
    void shouldAmendClosingOrderAgainstClosableLotsWithoutItsOwnFreeze() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 3);
        book.fill(1, 7000, 3);
        assertThat(book.placeOrder(alice, 2, CU, SELL, CLOSE, LIMIT, 7000, 1)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.INSUFFICIENT_POSITION);
        book.placeOrder(alice, 2, CU, SELL, io.github.exchangeblocks.api.Offset.CLOSETODAY, LIMIT, 7000, 1);
        assertThat(book.amendOrder(2, 7000, 3)).isTrue();
        assertThat(book.position(alice, CU).volumeLongFrozenToday()).isEqualTo(3);
        assertThat(book.amendOrder(2, 7001, 4)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.INSUFFICIENT_POSITION);
        assertThat(book.position(alice, CU).volumeLongFrozenToday()).isEqualTo(3);
        assertThat(book.order(2).frozenTodayVolume()).isEqualTo(3);
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldKeepVolumesOnTheLotWhenAmendingOrReducing() {
        io.github.exchangeblocks.engine.instrument.InstrumentRegistry registry = Fixtures.registry();
        int twoLots = registry.list(new io.github.exchangeblocks.api.instrument.InstrumentSpec("TEST.lot2", 0, 1,
                10, 2, 8_000_000, 8_000_000, io.github.exchangeblocks.api.instrument.CommissionRate.FREE,
                io.github.exchangeblocks.api.instrument.CommissionRate.FREE,
                io.github.exchangeblocks.api.instrument.CommissionRate.FREE, 0, 100,
                io.github.exchangeblocks.api.instrument.CloseRule.HISTORY_FIRST));
        registry.setStatus(twoLots, io.github.exchangeblocks.api.instrument.InstrumentStatus.TRADING);
        AccountBook lots = new AccountBook(registry, RiskChain.none());
        int bob = lots.openAccount("bob");
        lots.deposit(bob, 10_000_000);
        assertThat(lots.placeOrder(bob, 1, twoLots, BUY, OPEN, LIMIT, 3000, 4)).isTrue();
        long hash = lots.stateHash();
        assertThat(lots.amendOrder(1, 3000, 3)).isFalse();
        assertThat(lots.lastRejectMessage().toString())
                .isEqualTo("volume=3 must be a positive multiple of lotSize=2 and <= maxOrderVolume=100");
        assertThat(lots.reduceOrder(1, 1)).isFalse();
        assertThat(lots.lastRejectMessage().toString()).isEqualTo("reduce volume=1 must be a multiple of lotSize=2");
        assertThat(lots.stateHash()).isEqualTo(hash);
        assertThat(lots.amendOrder(1, 3000, 2)).isTrue();
        assertThat(lots.order(1).remainingVolume()).isEqualTo(2);
    }
}
