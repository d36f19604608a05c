package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepthMirrorTest {
    private final InstrumentMarketData data = MarketData.create(MarketDataSettings.builder().expectedDepthLevels(2)
        .build());
    private final DepthView depth = data.depth();

    @Test
    void shouldCountOneUpdateIdPerChangeAndCollapseABatchToEachLevelsFinalState() {
        data.onLevelChanged(1, 1, Side.BUY, 100, 5, 1);
        data.onLevelChanged(1, 2, Side.SELL, 102, 3, 1);
        data.onLevelChanged(1, 3, Side.BUY, 100, 8, 2);
        data.onLevelChanged(1, 4, Side.BUY, 99, 1, 1);
        Deltas first = new Deltas();

        assertThat(data.drainDepthDelta(first)).isTrue();

        assertThat(first.lines).containsExactly("U1 u4 n3", "BUY 8@100#2", "SELL 3@102#1", "BUY 1@99#1");
        assertThat(depth.lastUpdateId()).isEqualTo(4);
        assertThat(depth.pendingLevels()).isZero();
        assertThat(data.drainDepthDelta(new Deltas())).isFalse();

        data.onLevelChanged(2, 5, Side.SELL, 102, 0, 0);
        data.onLevelChanged(2, 6, Side.SELL, 101, 2, 1);
        Deltas second = new Deltas();
        data.drainDepthDelta(second);

        assertThat(second.lines).containsExactly("U5 u6 n2", "SELL 0@102#0", "SELL 2@101#1");
    }

    @Test
    void shouldCountNoUpdateWhenALevelEventChangesNothing() {
        data.onLevelChanged(1, 1, Side.BUY, 100, 5, 1);
        data.onLevelChanged(1, 2, Side.BUY, 100, 5, 1);
        data.onLevelChanged(1, 3, Side.SELL, 105, 0, 0);

        assertThat(depth.lastUpdateId()).isEqualTo(1);
        assertThat(depth.pendingLevels()).isEqualTo(1);
    }

    @Test
    void shouldReadLevelsBestFirstWhenManyLevelsAreMirrored() {
        int[] prices = {100, 97, 103, 99, 101, 98, 102};
        for (int i = 0; i < prices.length; i++) {
            data.onLevelChanged(1, i + 1, prices[i] <= 100 ? Side.BUY : Side.SELL, prices[i], prices[i] - 90, 1);
        }
        data.onLevelChanged(1, 8, Side.BUY, 99, 0, 0);

        assertThat(depth.levelCount(Side.BUY)).isEqualTo(3);
        assertThat(depth.price(Side.BUY, 0)).isEqualTo(100);
        assertThat(depth.price(Side.BUY, 2)).isEqualTo(97);
        assertThat(depth.price(Side.SELL, 0)).isEqualTo(101);
        assertThat(depth.quantityAt(Side.SELL, 103)).isEqualTo(13);
        assertThat(depth.quantityAt(Side.BUY, 99)).isZero();
        DepthSnapshot top = depth.depth(new DepthSnapshot(2));
        assertThat(top).hasToString("DepthSnapshot{bids=[10@100#1, 8@98#1], asks=[11@101#1, 12@102#1]}");
        List<String> all = new ArrayList<>();
        assertThat(depth.visitLevels((side, rank, price, quantity, count) -> all.add(side + "" + rank + ":" + price)))
            .isEqualTo(6);
        assertThat(all).containsExactly("BUY0:100", "BUY1:98", "BUY2:97", "SELL0:101", "SELL1:102", "SELL2:103");
    }

    @Test
    void shouldRecordEveryDifferenceAsAnUpdateWhenResyncedFromADepthRead() {
        data.onLevelChanged(1, 1, Side.BUY, 100, 5, 1);
        data.onLevelChanged(1, 2, Side.BUY, 99, 5, 1);
        data.onLevelChanged(1, 3, Side.SELL, 101, 5, 1);
        data.drainDepthDelta(new Deltas());
        DepthSnapshot read = new DepthSnapshot(5);
        read.addBid(100, 5, 1);
        read.addBid(98, 2, 1);
        read.addAsk(102, 4, 2);

        data.onDepth(2, read);

        Deltas batch = new Deltas();
        data.drainDepthDelta(batch);
        assertThat(batch.lines).containsExactly("U4 u7 n4", "BUY 0@99#0", "BUY 2@98#1", "SELL 0@101#0",
            "SELL 4@102#2");
        assertThat(depth.depth(new DepthSnapshot(5))).hasToString(read.toString());
        assertThat(data.quote().askPrice(0)).isEqualTo(102);
    }

    @Test
    void shouldShowThePendingBatchWithoutDrainingWhenVisited() {
        data.onLevelChanged(1, 1, Side.BUY, 100, 5, 1);
        Deltas seen = new Deltas();

        assertThat(depth.visitPendingDelta(seen)).isTrue();

        assertThat(seen.lines).containsExactly("U1 u1 n1", "BUY 5@100#1");
        assertThat(depth.pendingLevels()).isEqualTo(1);
        assertThat(depth.pendingFirstUpdateId()).isEqualTo(1);
    }
}
