package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.TradingPhase;
import org.junit.jupiter.api.Test;

class AmendAndCancelTest {
    private final BookFixture f = new BookFixture();

    @Test
    void shouldKeepTimePriorityWhenTheQuantityIsReduced() {
        f.buy(1, 10, 5, 100).buy(2, 11, 5, 100).events();

        assertThat(f.book.amendOrder(200, 1, 10, 100, 2)).isTrue();

        assertThat(f.allEvents()).containsExactly(
            "AMENDED id=1 owner=10 BUY 2@100 kept",
            "LEVEL #3 BUY 100 qty=7 n=2");
        assertThat(f.l3()).containsExactly("1/10 BUY GTC 2@100 t=101", "2/11 BUY GTC 5@100 t=102");
    }

    @Test
    void shouldLosePriorityWhenTheQuantityIsIncreased() {
        f.buy(1, 10, 5, 100).buy(2, 11, 5, 100).events();

        assertThat(f.book.amendOrder(200, 1, 10, 100, 6)).isTrue();

        assertThat(f.events()).containsExactly("AMENDED id=1 owner=10 BUY 6@100 lost");
        assertThat(f.l3()).containsExactly("2/11 BUY GTC 5@100 t=102", "1/10 BUY GTC 6@100 t=200");
    }

    @Test
    void shouldReenterAndTradeWhenTheNewPriceCrosses() {
        f.buy(1, 10, 5, 99).sell(2, 11, 3, 100).events();

        f.book.amendOrder(200, 1, 10, 100, 5);

        assertThat(f.events()).containsExactly(
            "AMENDED id=1 owner=10 BUY 5@100 lost",
            "TRADE #1 maker=2/11 taker=1/10 BUY 3@100 left=0/2");
        assertThat(f.l3()).containsExactly("1/10 BUY GTC 2@100 t=200");
    }

    @Test
    void shouldRejectWithUnchangedBookWhenAmendingAnotherOwnersOrder() {
        f.buy(1, 10, 5, 100).events();
        long hash = f.book.stateHash();

        assertThat(f.book.amendOrder(200, 1, 99, 100, 1)).isFalse();

        assertThat(f.events()).containsExactly("REJECTED id=1 owner=99 BOOK_WRONG_OWNER");
        assertThat(f.log.messages).containsExactly("ownerId=99 does not own orderId=1");
        assertThat(f.book.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldRejectWhenCancellingAnUnknownOrder() {
        assertThat(f.book.cancelOrder(200, 42, 10)).isFalse();

        assertThat(f.events()).containsExactly("REJECTED id=42 owner=10 BOOK_UNKNOWN_ORDER_ID");
        assertThat(f.log.messages).containsExactly("orderId=42 is not resting in the book");
    }

    @Test
    void shouldRemoveTheOrderAndReportTheLevelWhenCancelled() {
        f.buy(1, 10, 5, 100).events();

        assertThat(f.book.cancelOrder(200, 1, 10)).isTrue();

        assertThat(f.allEvents()).containsExactly(
            "CANCELLED id=1 owner=10 BUY @100 -5 left=0 USER",
            "LEVEL #2 BUY 100 qty=0 n=0");
        assertThat(f.book.orderCount()).isZero();
        assertThat(f.book.levelCount(Side.BUY)).isZero();
    }

    @Test
    void shouldCancelBidsBestFirstThenAsksInTimePriorityWhenMassCancelling() {
        f.buy(1, 10, 1, 99).buy(2, 11, 1, 100).buy(3, 10, 1, 100).sell(4, 11, 1, 102).sell(5, 10, 1, 101).events();

        assertThat(f.book.massCancel(200)).isEqualTo(5);

        assertThat(f.events()).containsExactly(
            "CANCELLED id=2 owner=11 BUY @100 -1 left=0 MASS_CANCEL",
            "CANCELLED id=3 owner=10 BUY @100 -1 left=0 MASS_CANCEL",
            "CANCELLED id=1 owner=10 BUY @99 -1 left=0 MASS_CANCEL",
            "CANCELLED id=5 owner=10 SELL @101 -1 left=0 MASS_CANCEL",
            "CANCELLED id=4 owner=11 SELL @102 -1 left=0 MASS_CANCEL");
    }

    @Test
    void shouldCancelOnlyThatOwnersOrdersWhenMassCancellingByOwner() {
        f.buy(1, 10, 1, 99).buy(2, 11, 1, 100).sell(3, 10, 1, 101).events();

        assertThat(f.book.massCancelByOwner(200, 10)).isEqualTo(2);

        assertThat(f.l3()).containsExactly("2/11 BUY GTC 1@100 t=102");
    }

    @Test
    void shouldExpireOnlyGoodForDayOrdersWhenTheDayCloses() {
        f.limit(1, 10, Side.BUY, TimeInForce.GFD, 100, 1);
        f.limit(2, 10, Side.BUY, TimeInForce.GTC, 100, 1);
        f.events();

        assertThat(f.book.expireDayOrders(200)).isEqualTo(1);

        assertThat(f.events()).containsExactly("CANCELLED id=1 owner=10 BUY @100 -1 left=0 EXPIRED");
        assertThat(f.l3()).containsExactly("2/10 BUY GTC 1@100 t=102");
    }

    @Test
    void shouldAcceptCancelsButRejectAmendsWhenHalted() {
        f.buy(1, 10, 5, 100).buy(2, 10, 5, 100);
        f.book.setPhase(200, TradingPhase.HALTED);
        f.events();

        assertThat(f.book.amendOrder(201, 1, 10, 100, 1)).isFalse();
        assertThat(f.book.cancelOrder(202, 2, 10)).isTrue();

        assertThat(f.events()).containsExactly(
            "REJECTED id=1 owner=10 BOOK_WRONG_PHASE",
            "CANCELLED id=2 owner=10 BUY @100 -5 left=0 USER");
        assertThat(f.log.messages).containsExactly("phase=HALTED does not accept amends");
    }
}
