package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The level 2 visitor: every level of a side, best first, or only the best few. */
class LevelVisitorTest {
    private final BookFixture f = new BookFixture();
    private final List<String> seen = new ArrayList<>();

    private int visit(BookFixture fixture, Side side, int maxLevels) {
        return fixture.book.forEachLevel(side, maxLevels, (s, index, price, quantity, count) ->
            seen.add(s + " #" + index + " " + quantity + "@" + price + " n=" + count));
    }

    @Test
    void shouldVisitEveryLevelBestFirstWithItsTotalsOnEachSide() {
        f.buy(1, 10, 5, 99).buy(2, 11, 4, 101).buy(3, 12, 1, 101).sell(4, 10, 7, 105).sell(5, 11, 2, 103);

        assertThat(f.book.forEachLevel(Side.BUY, (s, index, price, quantity, count) ->
            seen.add(s + " #" + index + " " + quantity + "@" + price + " n=" + count))).isEqualTo(2);
        assertThat(visit(f, Side.SELL, Integer.MAX_VALUE)).isEqualTo(2);

        assertThat(seen).containsExactly(
            "BUY #0 5@101 n=2", "BUY #1 5@99 n=1",
            "SELL #0 2@103 n=1", "SELL #1 7@105 n=1");
    }

    @Test
    void shouldStopAfterTheGivenNumberOfLevels() {
        f.sell(1, 10, 1, 103).sell(2, 10, 2, 101).sell(3, 10, 3, 102);

        assertThat(visit(f, Side.SELL, 2)).isEqualTo(2);
        assertThat(visit(f, Side.SELL, 0)).isZero();

        assertThat(seen).containsExactly("SELL #0 2@101 n=1", "SELL #1 3@102 n=1");
    }

    @Test
    void shouldVisitNothingWhenTheSideIsEmpty() {
        f.buy(1, 10, 1, 100);

        assertThat(visit(f, Side.SELL, Integer.MAX_VALUE)).isZero();

        assertThat(seen).isEmpty();
    }

    @Test
    void shouldLeaveOutAuctionMarketOrdersWithoutProtectionPrice() {
        BookFixture auction = BookFixture.inPhase(TradingPhase.PRE_OPEN);
        auction.place(1, 10, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 4, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);
        auction.place(2, 11, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 100, 3, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);

        assertThat(visit(auction, Side.BUY, Integer.MAX_VALUE)).isEqualTo(1);

        assertThat(seen).containsExactly("BUY #0 3@100 n=1");
    }
}
