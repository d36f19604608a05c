package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import org.junit.jupiter.api.Test;

/** Worked call-auction examples with minimum quantities: cancel and recompute, survivors, amends, validation. */
class AuctionMinimumQuantityTest {
    private final BookFixture f = BookFixture.inPhase(TradingPhase.PRE_OPEN);
    private final AuctionIndication indication = new AuctionIndication();

    private boolean withMinimum(long id, long owner, Side side, TimeInForce tif, long price, long qty, long min) {
        return f.place(id, owner, side, OrderType.LIMIT, tif, price, qty, min, false, SelfTradePrevention.BOOK_DEFAULT);
    }

    @Test
    void shouldCancelAnOrderTheAllocationFillsBelowItsMinimumAndRecomputeWithoutIt() {
        f.buy(1, 10, 4, 102);
        withMinimum(2, 12, Side.BUY, TimeInForce.GTC, 101, 6, 4);
        f.sell(3, 11, 7, 100);
        // With it: 100 and 101 trade 7 (buy 10 / sell 7) -> 100; order 1 gets 4, order 2 only 3 of its minimum 4.
        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(100);
        assertThat(indication.volume()).isEqualTo(7);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        // Without it: 100 and 102 trade 4 with imbalance 3 -> the lowest, 100.
        assertThat(f.events()).containsExactly(
            "CANCELLED id=2 owner=12 BUY @101 -6 left=0 MIN_QUANTITY_UNFILLABLE",
            "TRADE #1 maker=1/10 taker=3/11 SELL 4@100 left=0/3",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("3/11 SELL GTC 3@100 t=103");
    }

    @Test
    void shouldFillAnOrderThatGetsItsMinimumAndRestTheRemainderWithoutTheMinimum() {
        f.buy(1, 10, 4, 102);
        withMinimum(2, 12, Side.BUY, TimeInForce.GTC, 101, 6, 3);
        f.sell(3, 11, 7, 100);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=3/11 SELL 4@100 left=0/3",
            "TRADE #2 maker=2/12 taker=3/11 SELL 3@100 left=3/0",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("2/12 BUY GTC 3@101 t=102");
        // Back in an auction the remainder has no minimum any more: it may go below the old minimum of 3.
        f.book.setPhase(201, TradingPhase.PRE_OPEN);
        assertThat(f.book.amendOrder(202, 2, 12, 101, 1)).isTrue();
    }

    @Test
    void shouldCancelAnOrderThatGetsNothingWhenItHasAMinimum() {
        withMinimum(1, 10, Side.BUY, TimeInForce.GTC, 99, 5, 1);
        f.buy(2, 11, 5, 100);
        f.sell(3, 12, 5, 100);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "CANCELLED id=1 owner=10 BUY @99 -5 left=0 MIN_QUANTITY_UNFILLABLE",
            "TRADE #1 maker=2/11 taker=3/12 SELL 5@100 left=0/0",
            "PHASE PRE_OPEN->CONTINUOUS");
    }

    @Test
    void shouldCheckTheBidsFirstAndRecomputeBeforeCheckingTheAsks() {
        withMinimum(1, 10, Side.BUY, TimeInForce.GTC, 101, 10, 6);
        f.buy(2, 11, 4, 100);
        withMinimum(3, 12, Side.SELL, TimeInForce.GTC, 100, 4, 4);
        f.sell(4, 13, 1, 100);
        // 100: buy 14 / sell 5 -> 5;  101: buy 10 / sell 5 -> 5, smaller imbalance -> 101.
        // Bid 1 would get 5 of its minimum 6 -> cancelled. Then 100: buy 4 / sell 5 -> 4, ask 3 gets all 4.
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "CANCELLED id=1 owner=10 BUY @101 -10 left=0 MIN_QUANTITY_UNFILLABLE",
            "TRADE #1 maker=2/11 taker=3/12 SELL 4@100 left=0/0",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("4/13 SELL GTC 1@100 t=104");
    }

    @Test
    void shouldApplyTheMinimumToAMarketOrderToo() {
        f.place(1, 10, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 6, 5, false, SelfTradePrevention.BOOK_DEFAULT);
        f.place(2, 11, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 6, 2, false, SelfTradePrevention.BOOK_DEFAULT);
        f.sell(3, 12, 4, 100);
        // 100: buy 12 / sell 4 -> 4: market 1 would get 4 of its minimum 5 -> cancelled; then market 2 gets 4.
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "CANCELLED id=1 owner=10 BUY @0 -6 left=0 MIN_QUANTITY_UNFILLABLE",
            "TRADE #1 maker=2/11 taker=3/12 SELL 4@100 left=2/0",
            "CANCELLED id=2 owner=11 BUY @0 -2 left=0 MARKET_NO_LIQUIDITY",
            "PHASE PRE_OPEN->CONTINUOUS");
    }

    @Test
    void shouldRejectAnAmendBelowTheMinimumAndKeepTheMinimumWhenThePriceChanges() {
        withMinimum(1, 10, Side.BUY, TimeInForce.GTC, 100, 6, 4);
        f.events();

        assertThat(f.book.amendOrder(150, 1, 10, 100, 3)).isFalse();
        assertThat(f.book.amendOrder(151, 1, 10, 101, 5)).isTrue();
        assertThat(f.book.amendOrder(152, 1, 10, 101, 3)).isFalse();

        assertThat(f.events()).containsExactly(
            "REJECTED id=1 owner=10 BOOK_INVALID_MIN_QUANTITY",
            "AMENDED id=1 owner=10 BUY 5@101 lost",
            "REJECTED id=1 owner=10 BOOK_INVALID_MIN_QUANTITY");
        assertThat(f.log.messages).containsExactly(
            "newQuantity=3 must be >= the order's minQuantity=4",
            "newQuantity=3 must be >= the order's minQuantity=4");
    }

    @Test
    void shouldRejectAnInvalidMinimumWhenInTheAuction() {
        assertThat(withMinimum(1, 10, Side.BUY, TimeInForce.GTC, 100, 10, 12)).isFalse();
        assertThat(withMinimum(2, 10, Side.BUY, TimeInForce.GTC, 100, 10, -1)).isFalse();

        assertThat(f.events()).containsExactly(
            "REJECTED id=1 owner=10 BOOK_INVALID_MIN_QUANTITY",
            "REJECTED id=2 owner=10 BOOK_INVALID_MIN_QUANTITY");
        assertThat(f.log.messages).containsExactly(
            "minQuantity=12 must be in 0..quantity=10 and a multiple of lotSize=1",
            "minQuantity=-1 must be in 0..quantity=10 and a multiple of lotSize=1");
    }

    @Test
    void shouldChangeTheStateHashWhenOnlyTheMinimumDiffers() {
        BookFixture other = BookFixture.inPhase(TradingPhase.PRE_OPEN);
        withMinimum(1, 10, Side.BUY, TimeInForce.GTC, 100, 6, 4);
        other.place(1, 10, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 6, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);

        assertThat(f.book.stateHash()).isNotEqualTo(other.book.stateHash());
    }
}
