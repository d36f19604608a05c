package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import org.junit.jupiter.api.Test;

class SelfTradePreventionTest {

    /** Owner 7 rests 3 @100 then 4 @100 behind another owner's 2 @100... the taker is owner 7 buying 6 @100. */
    private static BookFixture bookWithOwnOrderAtTheFront(SelfTradePrevention mode) {
        BookFixture f = BookFixture.withStp(mode);
        f.sell(1, 7, 3, 100).sell(2, 8, 4, 100).events();
        f.limit(3, 7, Side.BUY, TimeInForce.GTC, 100, 6);
        return f;
    }

    @Test
    void shouldTradeWithItselfWhenModeIsNone() {
        BookFixture f = bookWithOwnOrderAtTheFront(SelfTradePrevention.NONE);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=7 BUY LIMIT GTC 6@100",
            "TRADE #1 maker=1/7 taker=3/7 BUY 3@100 left=0/3",
            "TRADE #2 maker=2/8 taker=3/7 BUY 3@100 left=1/0");
    }

    @Test
    void shouldCancelTheIncomingRestWhenModeIsCancelIncoming() {
        BookFixture f = bookWithOwnOrderAtTheFront(SelfTradePrevention.CANCEL_INCOMING);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=7 BUY LIMIT GTC 6@100",
            "CANCELLED id=3 owner=7 BUY @100 -6 left=0 SELF_TRADE");
        assertThat(f.book.orderCount()).isEqualTo(2);
    }

    @Test
    void shouldCancelTheRestingOrderAndGoOnWhenModeIsCancelResting() {
        BookFixture f = bookWithOwnOrderAtTheFront(SelfTradePrevention.CANCEL_RESTING);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=7 BUY LIMIT GTC 6@100",
            "CANCELLED id=1 owner=7 SELL @100 -3 left=0 SELF_TRADE",
            "TRADE #1 maker=2/8 taker=3/7 BUY 4@100 left=0/2");
        assertThat(f.book.bestBidQuantity()).isEqualTo(2);
    }

    @Test
    void shouldCancelBothWhenModeIsCancelBoth() {
        BookFixture f = bookWithOwnOrderAtTheFront(SelfTradePrevention.CANCEL_BOTH);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=7 BUY LIMIT GTC 6@100",
            "CANCELLED id=1 owner=7 SELL @100 -3 left=0 SELF_TRADE",
            "CANCELLED id=3 owner=7 BUY @100 -6 left=0 SELF_TRADE");
        assertThat(f.l3()).containsExactly("2/8 SELL GTC 4@100 t=102");
    }

    @Test
    void shouldDecrementBothAndKeepMatchingWhenModeIsDecrementAndCancel() {
        BookFixture f = bookWithOwnOrderAtTheFront(SelfTradePrevention.DECREMENT_AND_CANCEL);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=7 BUY LIMIT GTC 6@100",
            "CANCELLED id=1 owner=7 SELL @100 -3 left=0 SELF_TRADE",
            "CANCELLED id=3 owner=7 BUY @100 -3 left=3 SELF_TRADE",
            "TRADE #1 maker=2/8 taker=3/7 BUY 3@100 left=1/0");
    }

    @Test
    void shouldReduceTheRestingOrderInPlaceWhenDecrementingASmallerIncomingOrder() {
        BookFixture f = BookFixture.withStp(SelfTradePrevention.DECREMENT_AND_CANCEL);
        f.sell(1, 7, 5, 100).sell(2, 8, 1, 100).events();

        f.limit(3, 7, Side.BUY, TimeInForce.GTC, 100, 2);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=7 BUY LIMIT GTC 2@100",
            "CANCELLED id=1 owner=7 SELL @100 -2 left=3 SELF_TRADE",
            "CANCELLED id=3 owner=7 BUY @100 -2 left=0 SELF_TRADE");
        assertThat(f.l3()).containsExactly("1/7 SELL GTC 3@100 t=101", "2/8 SELL GTC 1@100 t=102");
    }

    @Test
    void shouldUseTheOrdersOwnModeWhenItOverridesTheBookDefault() {
        BookFixture f = BookFixture.withStp(SelfTradePrevention.CANCEL_INCOMING);
        f.sell(1, 7, 3, 100).events();

        f.place(2, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 3, 0, false, SelfTradePrevention.NONE);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=2 owner=7 BUY LIMIT GTC 3@100",
            "TRADE #1 maker=1/7 taker=2/7 BUY 3@100 left=0/0");
    }

    @Test
    void shouldKillFokWhenOnlySelfLiquidityWouldFillIt() {
        BookFixture f = BookFixture.withStp(SelfTradePrevention.CANCEL_RESTING);
        f.sell(1, 7, 3, 100).sell(2, 8, 2, 100).events();

        f.limit(3, 7, Side.BUY, TimeInForce.FOK, 100, 4);

        assertThat(f.events()).containsExactly(
            "ACCEPTED id=3 owner=7 BUY LIMIT FOK 4@100",
            "CANCELLED id=3 owner=7 BUY @100 -4 left=0 FOK_UNFILLABLE");
        assertThat(f.book.orderCount()).isEqualTo(2);
    }
}
