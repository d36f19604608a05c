package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Steady-state inputs and reads allocate nothing: measured with the JVM's per-thread allocation counter around
 * further passes of the same stream (the first pass grows the depth arrays and the delta batch to working size).
 * The least of three passes is taken, because the JVM itself occasionally allocates a few hundred bytes on the
 * thread while compiling (seen once in the first measured pass, never in the next).
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
        long allocated = Long.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            stream(20_000);
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertThat(allocated).as("bytes allocated by 20,000 rounds, least of three passes").isZero();
        assertThat(sink).isNotZero();
    }
}
