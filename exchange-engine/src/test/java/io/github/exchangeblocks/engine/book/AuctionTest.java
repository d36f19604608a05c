package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import org.junit.jupiter.api.Test;

/** Worked call-auction examples, one per rule of the equilibrium price and per uncross behaviour. */
class AuctionTest {
    private final BookFixture f = BookFixture.inPhase(TradingPhase.PRE_OPEN);
    private final AuctionIndication indication = new AuctionIndication();

    @Test
    void shouldRestWithoutMatchingWhenOrdersCrossDuringTheAuction() {
        f.buy(1, 10, 5, 105).sell(2, 11, 5, 95);

        assertThat(f.book.bestBidPrice()).isEqualTo(105);
        assertThat(f.book.bestAskPrice()).isEqualTo(95);
        assertThat(f.events()).noneMatch(e -> e.startsWith("TRADE"));
    }

    @Test
    void shouldPickThePriceWithTheLargestVolume() {
        // 99: buy 10 / sell 6 -> 6;  101: buy 10 / sell 12 -> 10.
        f.buy(1, 10, 10, 101).sell(2, 11, 6, 99).sell(3, 12, 6, 101).events();

        f.book.auctionIndication(indication);
        assertThat(indication.price()).isEqualTo(101);
        assertThat(indication.volume()).isEqualTo(10);
        assertThat(indication.imbalance()).isEqualTo(-2);

        f.book.setPhase(200, TradingPhase.CONTINUOUS);
        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=2/11 SELL 6@101 left=4/0",
            "TRADE #2 maker=1/10 taker=3/12 SELL 4@101 left=0/2",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("3/12 SELL GTC 2@101 t=103");
        assertThat(f.book.referencePrice()).isEqualTo(101);
    }

    @Test
    void shouldPickTheSmallestImbalanceWhenVolumesTie() {
        // 99: 12/10 -> 10, imbalance 2;  100: 12/10 -> 10, imbalance 2;  101: 10/10 -> 10, imbalance 0.
        f.buy(1, 10, 10, 101).buy(2, 10, 2, 100).sell(3, 11, 10, 99);

        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(101);
        assertThat(indication.volume()).isEqualTo(10);
        assertThat(indication.imbalance()).isZero();
    }

    @Test
    void shouldPickThePriceNearestTheReferenceWhenVolumeAndImbalanceTie() {
        // 99 and 101 both trade 10 with no imbalance.
        f.buy(1, 10, 10, 101).sell(2, 11, 10, 99);
        f.book.setReferencePrice(150, 101);

        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(101);
        f.book.setReferencePrice(151, 98);
        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(99);
    }

    @Test
    void shouldPickTheLowestPriceWhenTheReferenceIsEquidistant() {
        f.buy(1, 10, 10, 101).sell(2, 11, 10, 99);
        f.book.setReferencePrice(150, 100);

        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(99);
    }

    @Test
    void shouldPickTheLowestPriceWhenThereIsNoReference() {
        f.buy(1, 10, 10, 101).sell(2, 11, 10, 99);

        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(99);
        f.events();
        f.book.setPhase(200, TradingPhase.CONTINUOUS);
        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=2/11 SELL 10@99 left=0/0",
            "PHASE PRE_OPEN->CONTINUOUS");
    }

    @Test
    void shouldReportNoPriceWhenTheBookDoesNotCross() {
        f.buy(1, 10, 10, 99).sell(2, 11, 10, 101);

        assertThat(f.book.auctionIndication(indication).price()).isZero();
        assertThat(indication.volume()).isZero();
    }

    @Test
    void shouldCancelIocLeftoversAndKeepOtherLeftoversWhenUncrossing() {
        f.limit(1, 10, Side.BUY, TimeInForce.IOC, 101, 10);
        f.limit(2, 12, Side.BUY, TimeInForce.GTC, 100, 3);
        f.sell(3, 11, 4, 100);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=3/11 SELL 4@101 left=6/0",
            "CANCELLED id=1 owner=10 BUY @101 -6 left=0 IOC_REMAINDER",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("2/12 BUY GTC 3@100 t=102");
    }

    @Test
    void shouldRejectMarketAndFokOrdersWhenInTheAuction() {
        assertThat(f.place(1, 10, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 5, 0, false,
            SelfTradePrevention.BOOK_DEFAULT)).isFalse();
        assertThat(f.limit(2, 10, Side.BUY, TimeInForce.FOK, 100, 5)).isFalse();

        assertThat(f.events()).containsExactly(
            "REJECTED id=1 owner=10 BOOK_WRONG_PHASE",
            "REJECTED id=2 owner=10 BOOK_WRONG_PHASE");
        assertThat(f.log.messages).containsExactly(
            "type=MARKET is not accepted in phase PRE_OPEN",
            "timeInForce=FOK is not accepted in phase PRE_OPEN");
    }

    @Test
    void shouldRejectNewOrdersWhenClosed() {
        f.book.setPhase(200, TradingPhase.CLOSED);
        f.events();

        assertThat(f.limit(1, 10, Side.BUY, TimeInForce.GTC, 100, 5)).isFalse();

        assertThat(f.log.messages).containsExactly("phase=CLOSED does not accept new orders");
    }

    @Test
    void shouldRejectSettingTheCurrentPhase() {
        assertThat(f.book.setPhase(200, TradingPhase.PRE_OPEN)).isFalse();

        assertThat(f.events()).containsExactly("REJECTED id=0 owner=0 BOOK_WRONG_PHASE");
        assertThat(f.log.messages).containsExactly("phase=PRE_OPEN must differ from the current phase");
    }
}
