package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import org.junit.jupiter.api.Test;

/** The price-only move and the always-requeueing replace, beside the amend they are built on. */
class MoveAndReplaceTest {
    private final BookFixture f = new BookFixture();

    @Test
    void shouldKeepTheQuantityAndLosePriorityWhenMovedToANewPrice() {
        f.buy(1, 10, 5, 100).buy(2, 11, 4, 101).events();

        assertThat(f.book.moveOrder(200, 1, 10, 101)).isTrue();

        assertThat(f.allEvents()).containsExactly(
            "AMENDED id=1 owner=10 BUY 5@101 lost",
            "LEVEL #3 BUY 100 qty=0 n=0",
            "LEVEL #4 BUY 101 qty=9 n=2");
        assertThat(f.l3()).containsExactly("2/11 BUY GTC 4@101 t=102", "1/10 BUY GTC 5@101 t=200");
    }

    @Test
    void shouldChangeNothingButReportAKeptAmendWhenMovedToTheSamePrice() {
        f.buy(1, 10, 5, 100).buy(2, 11, 4, 100).events();
        long hash = f.book.stateHash();

        assertThat(f.book.moveOrder(200, 1, 10, 100)).isTrue();

        assertThat(f.allEvents()).containsExactly("AMENDED id=1 owner=10 BUY 5@100 kept");
        assertThat(f.l3()).containsExactly("1/10 BUY GTC 5@100 t=101", "2/11 BUY GTC 4@100 t=102");
        assertThat(f.book.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldTradeWhenTheMovedPriceCrosses() {
        f.buy(1, 10, 5, 99).sell(2, 11, 3, 100).events();

        assertThat(f.book.moveOrder(200, 1, 10, 100)).isTrue();

        assertThat(f.events()).containsExactly(
            "AMENDED id=1 owner=10 BUY 5@100 lost",
            "TRADE #1 maker=2/11 taker=1/10 BUY 3@100 left=0/2");
        assertThat(f.l3()).containsExactly("1/10 BUY GTC 2@100 t=200");
    }

    @Test
    void shouldRejectWithUnchangedBookWhenMovingAnUnknownOrAnotherOwnersOrderOrOffTick() {
        f.buy(1, 10, 5, 100).events();
        long hash = f.book.stateHash();

        assertThat(f.book.moveOrder(200, 42, 10, 101)).isFalse();
        assertThat(f.book.moveOrder(201, 1, 99, 101)).isFalse();
        assertThat(f.book.moveOrder(202, 1, 10, 0)).isFalse();

        assertThat(f.events()).containsExactly(
            "REJECTED id=42 owner=10 BOOK_UNKNOWN_ORDER_ID",
            "REJECTED id=1 owner=99 BOOK_WRONG_OWNER",
            "REJECTED id=1 owner=10 BOOK_PRICE_NOT_POSITIVE");
        assertThat(f.book.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldRejectAPostOnlyMoveWhenTheNewPriceWouldTake() {
        f.place(1, 10, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 99, 5, 0, true, SelfTradePrevention.BOOK_DEFAULT);
        f.sell(2, 11, 3, 100).events();

        assertThat(f.book.moveOrder(200, 1, 10, 100)).isFalse();

        assertThat(f.events()).containsExactly("REJECTED id=1 owner=10 BOOK_POST_ONLY_WOULD_TAKE");
        assertThat(f.log.messages).containsExactly("postOnly=true but newPrice=100 would take liquidity");
    }

    @Test
    void shouldSendTheOrderToTheBackWhenReplacedAtTheSamePriceAndQuantity() {
        f.buy(1, 10, 5, 100).buy(2, 11, 4, 100).events();

        assertThat(f.book.replaceOrder(200, 1, 10, 100, 5)).isTrue();

        assertThat(f.allEvents()).containsExactly(
            "AMENDED id=1 owner=10 BUY 5@100 lost",
            "LEVEL #3 BUY 100 qty=4 n=1",
            "LEVEL #4 BUY 100 qty=9 n=2");
        assertThat(f.l3()).containsExactly("2/11 BUY GTC 4@100 t=102", "1/10 BUY GTC 5@100 t=200");
    }

    @Test
    void shouldLosePriorityWhenReplacedWithASmallerQuantity() {
        f.buy(1, 10, 5, 100).buy(2, 11, 4, 100).events();

        assertThat(f.book.replaceOrder(200, 1, 10, 100, 2)).isTrue();

        assertThat(f.events()).containsExactly("AMENDED id=1 owner=10 BUY 2@100 lost");
        assertThat(f.l3()).containsExactly("2/11 BUY GTC 4@100 t=102", "1/10 BUY GTC 2@100 t=200");
    }

    @Test
    void shouldRequeueAnAuctionMarketOrderWhenReplacedButRejectItsMove() {
        BookFixture auction = BookFixture.inPhase(TradingPhase.PRE_OPEN);
        auction.place(1, 10, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 4, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);
        auction.place(2, 11, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 3, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);
        auction.events();

        assertThat(auction.book.moveOrder(200, 1, 10, 100)).isFalse();
        assertThat(auction.book.replaceOrder(201, 1, 10, 0, 4)).isTrue();

        assertThat(auction.allEvents()).containsExactly(
            "REJECTED id=1 owner=10 BOOK_MARKET_AMEND_NOT_ALLOWED",
            "AMENDED id=1 owner=10 BUY 4@0 lost");
        assertThat(auction.l3()).containsExactly("2/11 BUY IOC 3@0 t=102", "1/10 BUY IOC 4@0 t=201");
    }
}
