package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import org.junit.jupiter.api.Test;

class ContinuousMatchingTest {
    private final BookFixture f = new BookFixture();

    @Test
    void shouldFillByPriceThenTimeAtTheRestingPriceWhenAnOrderSweepsLevels() {
        f.sell(1, 10, 5, 101).sell(2, 11, 5, 100).sell(3, 12, 5, 100).events();

        f.limit(4, 20, Side.BUY, TimeInForce.GTC, 101, 12);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=4 owner=20 BUY LIMIT GTC 12@101",
            "TRADE #1 maker=2/11 taker=4/20 BUY 5@100 left=0/7",
            "TRADE #2 maker=3/12 taker=4/20 BUY 5@100 left=0/2",
            "TRADE #3 maker=1/10 taker=4/20 BUY 2@101 left=3/0");
        assertThat(f.book.bestAskPrice()).isEqualTo(101);
        assertThat(f.book.bestAskQuantity()).isEqualTo(3);
        assertThat(f.book.referencePrice()).isEqualTo(101);
    }

    @Test
    void shouldReportEachLevelChangeWithAGaplessSequenceWhenTradesHappen() {
        f.sell(1, 10, 5, 100).sell(2, 11, 5, 100);
        f.limit(3, 20, Side.BUY, TimeInForce.GTC, 100, 7);

        assertThat(f.allEvents()).containsExactly(
            "ACCEPTED id=1 owner=10 SELL LIMIT GTC 5@100",
            "LEVEL #1 SELL 100 qty=5 n=1",
            "ACCEPTED id=2 owner=11 SELL LIMIT GTC 5@100",
            "LEVEL #2 SELL 100 qty=10 n=2",
            "ACCEPTED id=3 owner=20 BUY LIMIT GTC 7@100",
            "TRADE #1 maker=1/10 taker=3/20 BUY 5@100 left=0/2",
            "LEVEL #3 SELL 100 qty=5 n=1",
            "TRADE #2 maker=2/11 taker=3/20 BUY 2@100 left=3/0",
            "LEVEL #4 SELL 100 qty=3 n=1");
    }

    @Test
    void shouldRestTheRemainderWhenAGtcOrderIsPartlyFilled() {
        f.sell(1, 10, 5, 100).events();

        f.limit(2, 20, Side.BUY, TimeInForce.GTC, 100, 8);

        assertThat(f.book.bestBidPrice()).isEqualTo(100);
        assertThat(f.book.bestBidQuantity()).isEqualTo(3);
        assertThat(f.book.bestAskPrice()).isZero();
    }

    @Test
    void shouldCancelTheRemainderWhenAnIocOrderCannotFillCompletely() {
        f.sell(1, 10, 5, 100).events();

        f.limit(2, 20, Side.BUY, TimeInForce.IOC, 100, 8);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=2 owner=20 BUY LIMIT IOC 8@100",
            "TRADE #1 maker=1/10 taker=2/20 BUY 5@100 left=0/3",
            "CANCELLED id=2 owner=20 BUY @100 -3 left=0 IOC_REMAINDER");
        assertThat(f.book.orderCount()).isZero();
    }

    @Test
    void shouldKillTheWholeOrderBeforeAnyFillWhenFokCannotFillCompletely() {
        f.sell(1, 10, 5, 100).sell(2, 11, 5, 102).events();

        f.limit(3, 20, Side.BUY, TimeInForce.FOK, 101, 8);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=20 BUY LIMIT FOK 8@101",
            "CANCELLED id=3 owner=20 BUY @101 -8 left=0 FOK_UNFILLABLE");
        assertThat(f.book.remainingQuantity(1)).isEqualTo(5);
    }

    @Test
    void shouldFillCompletelyWhenFokFindsEnoughLiquidity() {
        f.sell(1, 10, 5, 100).sell(2, 11, 5, 101).events();

        f.limit(3, 20, Side.BUY, TimeInForce.FOK, 101, 8);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=20 BUY LIMIT FOK 8@101",
            "TRADE #1 maker=1/10 taker=3/20 BUY 5@100 left=0/3",
            "TRADE #2 maker=2/11 taker=3/20 BUY 3@101 left=2/0");
    }

    @Test
    void shouldCancelWithNoLiquidityReasonWhenAMarketOrderRunsOutOfBook() {
        f.sell(1, 10, 5, 100).sell(2, 11, 5, 110).events();

        f.place(3, 20, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 12, 0, false, SelfTradePrevention.BOOK_DEFAULT);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=20 BUY MARKET IOC 12@0",
            "TRADE #1 maker=1/10 taker=3/20 BUY 5@100 left=0/7",
            "TRADE #2 maker=2/11 taker=3/20 BUY 5@110 left=0/2",
            "CANCELLED id=3 owner=20 BUY @0 -2 left=0 MARKET_NO_LIQUIDITY");
    }

    @Test
    void shouldStopAtTheProtectionPriceWhenAMarketOrderHasOne() {
        f.sell(1, 10, 5, 100).sell(2, 11, 5, 110).events();

        f.place(3, 20, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 105, 12, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=20 BUY MARKET IOC 12@105",
            "TRADE #1 maker=1/10 taker=3/20 BUY 5@100 left=0/7",
            "CANCELLED id=3 owner=20 BUY @105 -7 left=0 MARKET_NO_LIQUIDITY");
        assertThat(f.book.bestAskPrice()).isEqualTo(110);
    }

    @Test
    void shouldRejectAndLeaveTheBookUntouchedWhenAPostOnlyOrderWouldTake() {
        f.sell(1, 10, 5, 100).events();
        long hash = f.book.stateHash();

        boolean accepted = f.place(2, 20, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5, 0, true,
            SelfTradePrevention.BOOK_DEFAULT);

        assertThat(accepted).isFalse();
        assertThat(f.events()).containsExactly("REJECTED id=2 owner=20 BOOK_POST_ONLY_WOULD_TAKE");
        assertThat(f.log.messages).containsExactly("postOnly=true but price=100 would take liquidity");
        assertThat(f.book.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldRestWhenAPostOnlyOrderDoesNotCross() {
        f.sell(1, 10, 5, 100).events();

        assertThat(f.place(2, 20, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 99, 5, 0, true,
            SelfTradePrevention.BOOK_DEFAULT)).isTrue();

        assertThat(f.book.bestBidPrice()).isEqualTo(99);
    }

    @Test
    void shouldCancelWithoutFillingWhenTheMinimumQuantityIsNotAvailable() {
        f.sell(1, 10, 3, 100).events();

        f.place(2, 20, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 10, 4, false,
            SelfTradePrevention.BOOK_DEFAULT);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=2 owner=20 BUY LIMIT GTC 10@100",
            "CANCELLED id=2 owner=20 BUY @100 -10 left=0 MIN_QUANTITY_UNFILLABLE");
    }

    @Test
    void shouldFillAndRestTheRemainderWhenTheMinimumQuantityIsAvailable() {
        f.sell(1, 10, 4, 100).events();

        f.place(2, 20, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 10, 4, false,
            SelfTradePrevention.BOOK_DEFAULT);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=2 owner=20 BUY LIMIT GTC 10@100",
            "TRADE #1 maker=1/10 taker=2/20 BUY 4@100 left=0/6");
        assertThat(f.book.bestBidQuantity()).isEqualTo(6);
    }

    @Test
    void shouldKeepFifoWithinALevelWhenOrdersArriveOverTime() {
        f.buy(1, 10, 1, 100).buy(2, 11, 2, 100).buy(3, 12, 3, 101).buy(4, 13, 4, 100);

        assertThat(f.l3()).containsExactly(
            "3/12 BUY GTC 3@101 t=103",
            "1/10 BUY GTC 1@100 t=101",
            "2/11 BUY GTC 2@100 t=102",
            "4/13 BUY GTC 4@100 t=104");
    }
}
