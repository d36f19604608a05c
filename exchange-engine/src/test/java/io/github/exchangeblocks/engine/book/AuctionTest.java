package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.AuctionIndication;
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
    void shouldRestAFokOrderAndFillItCompletelyWhenTheUncrossCoversIt() {
        f.limit(1, 10, Side.BUY, TimeInForce.FOK, 101, 5);
        f.sell(2, 11, 8, 100);
        // 100: buy 5 / sell 8 -> 5, imbalance 3;  101: the same -> the lowest price, 100.
        assertThat(f.book.auctionIndication(indication).price()).isEqualTo(100);
        assertThat(indication.volume()).isEqualTo(5);
        assertThat(f.l3()).containsExactly("1/10 BUY FOK 5@101 t=101", "2/11 SELL GTC 8@100 t=102");
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "TRADE #1 maker=1/10 taker=2/11 SELL 5@100 left=0/3",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("2/11 SELL GTC 3@100 t=102");
    }

    @Test
    void shouldCancelAFokOrderAndRecomputeWithoutItWhenTheUncrossWouldFillItPartly() {
        f.buy(1, 10, 4, 102);
        f.limit(2, 12, Side.BUY, TimeInForce.FOK, 101, 6);
        f.sell(3, 11, 7, 100);
        // With the FOK: 100 trades 7 (buy 10 / sell 7); in priority order order 1 gets 4 and the FOK only 3 of 6.
        assertThat(f.book.auctionIndication(indication).volume()).isEqualTo(7);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        // Without it: 100 and 102 both trade 4 with imbalance 3 -> the lowest, 100.
        assertThat(f.events()).containsExactly(
            "CANCELLED id=2 owner=12 BUY @101 -6 left=0 FOK_UNFILLABLE",
            "TRADE #1 maker=1/10 taker=3/11 SELL 4@100 left=0/3",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("3/11 SELL GTC 3@100 t=103");
        assertThat(f.book.referencePrice()).isEqualTo(100);
    }

    @Test
    void shouldCancelFokOrdersOneAtATimeWhenALaterOneFitsOnceTheFirstIsGone() {
        f.limit(1, 10, Side.BUY, TimeInForce.FOK, 101, 10);
        f.limit(2, 12, Side.BUY, TimeInForce.FOK, 100, 5);
        f.sell(3, 11, 5, 100);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        // First pass: 100 (15/5) and 101 (10/5) trade 5, 101 has the smaller imbalance; order 1 would get 5 of 10.
        // Second pass without it: 100 trades 5 with no imbalance and order 2 gets all of its 5.
        assertThat(f.events()).containsExactly(
            "CANCELLED id=1 owner=10 BUY @101 -10 left=0 FOK_UNFILLABLE",
            "TRADE #1 maker=2/12 taker=3/11 SELL 5@100 left=0/0",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).isEmpty();
    }

    @Test
    void shouldCancelEveryFokOrderBidsFirstWhenNothingCrossesAtTheUncross() {
        f.limit(1, 10, Side.SELL, TimeInForce.FOK, 101, 5);
        f.limit(2, 11, Side.BUY, TimeInForce.FOK, 99, 5);
        f.buy(3, 12, 2, 98);
        f.events();

        f.book.setPhase(200, TradingPhase.CONTINUOUS);

        assertThat(f.events()).containsExactly(
            "CANCELLED id=2 owner=11 BUY @99 -5 left=0 FOK_UNFILLABLE",
            "CANCELLED id=1 owner=10 SELL @101 -5 left=0 FOK_UNFILLABLE",
            "PHASE PRE_OPEN->CONTINUOUS");
        assertThat(f.l3()).containsExactly("3/12 BUY GTC 2@98 t=103");
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
