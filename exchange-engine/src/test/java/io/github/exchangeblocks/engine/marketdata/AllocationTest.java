package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Steady-state inputs and reads allocate nothing: measured with the JVM's per-thread allocation counter around
 * further passes of the same stream (the first passes grow the depth arrays and the delta batch to working size).
 * The JVM itself now and then allocates a few hundred bytes on the thread while it compiles (seen on JDK 17 and
 * JDK 25 with an empty loop, never twice in a row), so the test takes ten passes of 20,000 rounds and requires
 * the quietest to allocate nothing and every one to stay below 4,096 bytes, which no per-round allocation (16 bytes
 * at least, 20,000 times) could.
 */
class AllocationTest {
    private static final long MINUTE = MarketDataSettings.MINUTE_NS;

    private final InstrumentMarketData data = MarketData.create(MarketDataSettings.builder()
        .klineDurationsNs(MINUTE, 5 * MINUTE, 60 * MINUTE).klineCapacity(100).tickCapacity(100).build());
    private final DepthSnapshot top = new DepthSnapshot(5);
    private final DepthDeltaVisitor deltas = (side, price, quantity, count) -> { };
    private final KlineVisitor bars = (d, id, o, h, l, c, v, a, oo, co) -> { };
    private final TickVisitor ticks = (tickId, tradeId, t, p, v, s) -> { };
    private long sink;
    private long time;

    private void stream(int rounds) {
        for (int i = 0; i < rounds; i++) {
            time += 7_000_000_000L;
            long price = 1_000 + (i * 7919 % 41) - 20;
            data.onTrade(time, i, (i & 1) == 0 ? Side.BUY : Side.SELL, price, 1 + (i & 3));
            data.onOpenInterest(time, 500 + (i % 13));
            data.onLevelChanged(time, i, Side.BUY, 990 - (i % 30), i % 4 == 0 ? 0 : 1 + i % 9, i % 4 == 0 ? 0 : 1);
            data.onLevelChanged(time, i, Side.SELL, 1_010 + (i % 30), (i + 1) % 4 == 0 ? 0 : 2, (i + 1) % 4 == 0
                ? 0 : 1);
            if (i % 10 == 0) {
                data.drainDepthDelta(deltas);
                data.depth().depth(top);
                data.klines(MINUTE).visitChangedSince(data.version() - 40, bars);
                data.tape().visit(data.tape().lastTickId() - 5, data.tape().lastTickId(), ticks);
                sink += data.quote().bidPrice(0) + data.quote().averagePrice() + data.ticker().high();
            }
        }
    }

    @Test
    void shouldAllocateNothingWhenTheSameStreamRunsAgainAfterWarmUp() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        stream(20_000);
        stream(20_000);
        long least = Long.MAX_VALUE;
        long most = 0;
        for (int pass = 0; pass < 10; pass++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            stream(20_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            least = Math.min(least, allocated);
            most = Math.max(most, allocated);
        }

        assertThat(least).as("bytes allocated by 20,000 rounds, quietest of ten passes").isZero();
        assertThat(most).as("bytes allocated by 20,000 rounds, busiest of ten passes").isLessThan(4_096);
        assertThat(sink).isNotZero();
    }
}
