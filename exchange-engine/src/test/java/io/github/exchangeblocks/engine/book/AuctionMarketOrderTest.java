package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import org.junit.jupiter.api.Test;

/** Worked call-auction examples with market orders: priority, market-only sides, protection prices, leftovers. */
class AuctionMarketOrderTest {
    private final BookFixture f = BookFixture.inPhase(TradingPhase.PRE_OPEN);
    private final AuctionIndication indication = new AuctionIndication();

    private boolean market(long id, long owner, Side side, TimeInForce tif, long protection, long qty) {
        return f.place(id, owner, side, OrderType.MARKET, tif, protection, qty, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);
    }

    @Test
    void shouldFillAMarketOrderBeforeAnEarlierBetterPricedLimitOrderWhenUncrossing() {
        f.buy(1, 10, 5, 101);
        market(2, 11, Side.BUY, TimeInForce.IOC, 0, 4);
        f.sell(3, 12, 6, 100);
        // 100: buy 4 + 5 = 9 / sell 6 -> 6, imbalance 3;  101: the same -> the lowest price, 100.
        f.book.auctionIndication(indication);
        assertThat(new long[] {indication.price(), indication.volume(), indication.buyQuantity(),
            indication.sellQuantity()}).containsExactly(100, 6, 9, 6);
        assertThat(f.l3()).containsExactly(
            "2/11 BUY IOC 4@0 t=102", "1/10 BUY GTC 5@101 t=101", "3/12 SELL GTC 6@100 t=103");
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        // The market bid takes 4 of the 6 first although the limit bid arrived earlier; the limit bid gets 2.
        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=2/11 taker=3/12 SELL 4@100 left=0/2",
            "TRADE #2 maker=1/10 taker=3/12 SELL 2@100 left=3/0",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("1/10 BUY GTC 3@101 t=101");
        assertThat(f.book.referencePrice()).isEqualTo(100);
    }

    @Test
    void shouldKeepMarketOrdersOutOfTheLevelsWhenTheyRestInTheAuction() {
        f.buy(1, 10, 5, 101);
        f.events();

        market(2, 11, Side.BUY, TimeInForce.IOC, 0, 4);

        assertThat(f.allEvents()).containsExactly("ACCEPTED id=2 owner=11 BUY MARKET IOC 4@0");
        DepthSnapshot depth = f.book.depth(new DepthSnapshot(4));
        assertThat(depth.bidLevels()).isEqualTo(1);
        assertThat(depth.bidQuantity(0)).isEqualTo(5);
        assertThat(f.book.bestBidPrice()).isEqualTo(101);
        assertThat(f.book.levelCount(Side.BUY)).isEqualTo(1);
        assertThat(f.book.orderCount()).isEqualTo(2);
        assertThat(f.book.auctionIndication(indication).buyQuantity()).isZero();
        f.sell(3, 12, 1, 102);
        assertThat(f.book.auctionIndication(indication).buyQuantity()).isEqualTo(4);
    }

    @Test
    void shouldTradeAllTheMarketSellersAgainstLimitBidsWhenTheSellSideHasOnlyMarketOrders() {
        f.buy(1, 10, 5, 102).buy(2, 11, 5, 100);
        market(3, 12, Side.SELL, TimeInForce.IOC, 0, 7);
        // 100: buy 10 / sell 7 -> 7;  102: buy 5 / sell 7 -> 5.
        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(100);
        assertThat(indication.volume()).isEqualTo(7);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=3/12 SELL 5@100 left=0/2",
            "TRADE #2 maker=2/11 taker=3/12 SELL 2@100 left=3/0",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("2/11 BUY GTC 3@100 t=102");
    }

    @Test
    void shouldUncrossAtTheReferencePriceWhenOnlyMarketOrdersRest() {
        f.book.setReferencePrice(150, 100);
        market(1, 10, Side.BUY, TimeInForce.IOC, 0, 5);
        market(2, 11, Side.SELL, TimeInForce.IOC, 0, 3);
        f.book.auctionIndication(indication);
        assertThat(new long[] {indication.price(), indication.volume(), indication.buyQuantity(),
            indication.sellQuantity()}).containsExactly(100, 3, 5, 3);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=2/11 SELL 3@100 left=2/0",
            "CANCELLED id=1 owner=10 BUY @0 -2 left=0 MARKET_NO_LIQUIDITY",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.book.orderCount()).isZero();
    }

    @Test
    void shouldTradeNothingAndCancelEveryMarketOrderWhenOnlyMarketOrdersRestAndThereIsNoReference() {
        market(1, 10, Side.SELL, TimeInForce.IOC, 0, 3);
        market(2, 11, Side.BUY, TimeInForce.FOK, 0, 5);
        assertThat(f.book.auctionIndication(indication).price()).isZero();
        assertThat(indication.volume()).isZero();
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        // The FOK bid is cancelled first (it cannot be filled), then the market leftovers, bids before asks.
        assertThat(f.events()).containsExactly(
            "CANCELLED id=2 owner=11 BUY @0 -5 left=0 FOK_UNFILLABLE",
            "CANCELLED id=1 owner=10 SELL @0 -3 left=0 MARKET_NO_LIQUIDITY",
            "PHASE PRE_OPEN->CONTINUOUS");
    }

    @Test
    void shouldLeaveOutAMarketOrderWhoseProtectionPriceIsWorseThanTheUncrossPrice() {
        market(1, 10, Side.BUY, TimeInForce.IOC, 99, 5);
        market(2, 11, Side.BUY, TimeInForce.IOC, 0, 3);
        f.sell(3, 12, 4, 100);
        // The protected bid rests as a limit at 99: 99: buy 8 / sell 0;  100: buy 3 / sell 4 -> 3.
        DepthSnapshot depth = f.book.depth(new DepthSnapshot(4));
        assertThat(depth.bidPrice(0)).isEqualTo(99);
        assertThat(depth.bidQuantity(0)).isEqualTo(5);
        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(100);
        assertThat(indication.volume()).isEqualTo(3);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=2/11 taker=3/12 SELL 3@100 left=0/1",
            "CANCELLED id=1 owner=10 BUY @99 -5 left=0 MARKET_NO_LIQUIDITY",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("3/12 SELL GTC 1@100 t=103");
    }

    @Test
    void shouldGiveAProtectedMarketOrderThePriorityOfItsProtectionPrice() {
        f.buy(1, 10, 2, 101);
        market(2, 11, Side.BUY, TimeInForce.IOC, 100, 4);
        f.sell(3, 12, 3, 100);
        // 100: buy 6 / sell 3 -> 3;  101: buy 2 / sell 3 -> 2. The limit at 101 comes before the market at 100.
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=3/12 SELL 2@100 left=0/1",
            "TRADE #2 maker=2/11 taker=3/12 SELL 1@100 left=3/0",
            "CANCELLED id=2 owner=11 BUY @100 -3 left=0 MARKET_NO_LIQUIDITY",
            "PHASE PRE_OPEN->CONTINUOUS");
    }

    @Test
    void shouldCancelMarketAndIocLeftoversAndKeepTheRestWhenUncrossing() {
        market(1, 10, Side.BUY, TimeInForce.IOC, 0, 10);
        f.limit(2, 11, Side.BUY, TimeInForce.IOC, 101, 3);
        f.buy(3, 12, 2, 100);
        f.sell(4, 13, 6, 100);
        market(5, 14, Side.SELL, TimeInForce.FOK, 0, 2);
        // 100: buy 15 / sell 8 -> 8, imbalance 7;  101: buy 13 / sell 8 -> 8, imbalance 5 -> 101.
        // The market bid (first on its side) gets all 8; the market ask (first on its side) 2 of them, then 6.
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=5/14 SELL 2@101 left=8/0",
            "TRADE #2 maker=1/10 taker=4/13 SELL 6@101 left=2/0",
            "CANCELLED id=1 owner=10 BUY @0 -2 left=0 MARKET_NO_LIQUIDITY",
            "CANCELLED id=2 owner=11 BUY @101 -3 left=0 IOC_REMAINDER",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("3/12 BUY GTC 2@100 t=103");
        assertThat(f.book.referencePrice()).isEqualTo(101);
    }

    @Test
    void shouldFillMarketOrdersInTimePriorityAmongThemselves() {
        market(1, 10, Side.BUY, TimeInForce.IOC, 0, 3);
        market(2, 11, Side.BUY, TimeInForce.IOC, 0, 3);
        f.sell(3, 12, 4, 100);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=3/12 SELL 3@100 left=0/1",
            "TRADE #2 maker=2/11 taker=3/12 SELL 1@100 left=2/0",
            "CANCELLED id=2 owner=11 BUY @0 -2 left=0 MARKET_NO_LIQUIDITY",
            "PHASE PRE_OPEN->CONTINUOUS");
    }

    @Test
    void shouldCancelARestingMarketOrderWithoutALevelEvent() {
        market(1, 10, Side.BUY, TimeInForce.IOC, 0, 5);
        f.events();

        assertThat(f.book.cancelOrder(150, 1, 10)).isTrue();

        assertThat(f.allEvents()).containsExactly("CANCELLED id=1 owner=10 BUY @0 -5 left=0 USER");
        assertThat(f.book.orderCount()).isZero();
        assertThat(f.l3()).isEmpty();
    }

    @Test
    void shouldReduceARestingMarketOrderAndKeepItsPriorityWhenAmendedToASmallerQuantity() {
        market(1, 10, Side.BUY, TimeInForce.IOC, 0, 5);
        market(2, 11, Side.BUY, TimeInForce.IOC, 0, 5);
        f.events();

        assertThat(f.book.amendOrder(150, 1, 10, 0, 3)).isTrue();

        assertThat(f.allEvents()).containsExactly("AMENDED id=1 owner=10 BUY 3@0 kept");
        assertThat(f.l3()).containsExactly("1/10 BUY IOC 3@0 t=101", "2/11 BUY IOC 5@0 t=102");
    }

    @Test
    void shouldRejectAnAmendOfARestingMarketOrderToAnotherPriceOrALargerQuantity() {
        market(1, 10, Side.BUY, TimeInForce.IOC, 0, 5);
        market(2, 10, Side.SELL, TimeInForce.IOC, 100, 5);
        f.events();

        assertThat(f.book.amendOrder(150, 1, 10, 0, 6)).isFalse();
        assertThat(f.book.amendOrder(151, 1, 10, 100, 5)).isFalse();
        assertThat(f.book.amendOrder(152, 2, 10, 101, 5)).isFalse();

        assertThat(f.events()).containsExactly(
            "REJECTED id=1 owner=10 BOOK_MARKET_AMEND_NOT_ALLOWED",
            "REJECTED id=1 owner=10 BOOK_MARKET_AMEND_NOT_ALLOWED",
            "REJECTED id=2 owner=10 BOOK_MARKET_AMEND_NOT_ALLOWED");
        assertThat(f.log.messages).containsExactly(
            "newPrice=0 newQuantity=6: a resting MARKET order may only reduce its quantity (price=0, remaining=5)",
            "newPrice=100 newQuantity=5: a resting MARKET order may only reduce its quantity (price=0, remaining=5)",
            "newPrice=101 newQuantity=5: a resting MARKET order may only reduce its quantity (price=100, "
                + "remaining=5)");
        assertThat(f.l3()).containsExactly("1/10 BUY IOC 5@0 t=101", "2/10 SELL IOC 5@100 t=102");
    }

    @Test
    void shouldRejectAProtectionPriceOutsideTheBandInTheAuctionButNotInContinuousTrading() {
        f.book.setPriceBand(150, 90, 110);

        assertThat(market(1, 10, Side.BUY, TimeInForce.IOC, 120, 5)).isFalse();
        f.book.setPhase(151, TradingPhase.CONTINUOUS);
        assertThat(market(2, 10, Side.BUY, TimeInForce.IOC, 120, 5)).isTrue();

        assertThat(f.events()).containsExactly(
            "REJECTED id=1 owner=10 BOOK_PRICE_OUTSIDE_BAND",
            "PHASE PRE_OPEN->CONTINUOUS",
            "ACCEPTED id=2 owner=10 BUY MARKET IOC 5@120",
            "CANCELLED id=2 owner=10 BUY @120 -5 left=0 MARKET_NO_LIQUIDITY");
        assertThat(f.log.messages).containsExactly("price=120 must be inside the price band 90..110");
    }

    @Test
    void shouldChangeTheStateHashWhenTheMarketOrdersArriveInAnotherOrder() {
        BookFixture other = BookFixture.inPhase(TradingPhase.PRE_OPEN);
        market(1, 10, Side.BUY, TimeInForce.IOC, 0, 5);
        market(2, 10, Side.BUY, TimeInForce.IOC, 0, 5);
        other.place(2, 10, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 5, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);
        other.place(1, 10, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 5, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);

        assertThat(f.book.stateHash()).isNotEqualTo(other.book.stateHash());
    }

    @Test
    void shouldStillRejectAMarketOrderThatCouldRestWhenInTheAuction() {
        assertThat(market(1, 10, Side.BUY, TimeInForce.GTC, 0, 5)).isFalse();

        assertThat(f.events()).containsExactly("REJECTED id=1 owner=10 BOOK_INVALID_ORDER_COMBINATION");
        assertThat(f.log.messages).containsExactly("timeInForce=GTC must be IOC or FOK for MARKET");
    }
}
