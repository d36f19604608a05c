package io.github.exchangeblocks.bench.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.marketdata.DepthDeltaVisitor;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketData;
import io.github.exchangeblocks.engine.marketdata.MarketData;
import io.github.exchangeblocks.engine.marketdata.MarketDataSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Market-data input cost, in operations per second. The market data has three kline durations (1 minute,
 * 5 minutes, 1 hour; 10,000 bars each), a 10,000-tick tape, the default 24-hour ticker in one-minute buckets and
 * 5 quote levels. Inputs cycle through 4,096 precomputed values; time moves 25 ms per input, so bars roll over,
 * the ticker's window fills and then drops a bucket a minute, and the rings wrap: the state is steady and
 * {@code -prof gc} shows what the steady state allocates.
 *
 * <ul>
 *   <li>{@link #onTrade}: one trade (quote, three klines, tape, ticker);</li>
 *   <li>{@link #onTradeWithOpenInterest}: one trade followed by the venue's open interest report;</li>
 *   <li>{@link #onLevelChanged}: one book level event into the depth mirror (about 60 levels, a quarter of the
 *       events remove or insert a level), with the delta batch drained every 16 events.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MarketDataBenchmark {
    private static final int INPUTS = 4096;
    private static final long STEP_NS = 25_000_000L;
    private static final long MINUTE = MarketDataSettings.MINUTE_NS;

    private final long[] prices = new long[INPUTS];
    private final long[] volumes = new long[INPUTS];
    private final Side[] sides = new Side[INPUTS];
    private final long[] levelPrices = new long[INPUTS];
    private final long[] levelQuantities = new long[INPUTS];
    private final int[] levelCounts = new int[INPUTS];
    private InstrumentMarketData data;
    private DepthDeltaVisitor sink;
    private long time = 1_759_761_000_000_000_000L;
    private long tradeId;
    private int next;

    /** Builds the market data and the input cycle, and fills the depth mirror. */
    @Setup
    public void setUp(Blackhole blackhole) {
        data = MarketData.create(MarketDataSettings.builder().instrumentId(1)
            .klineDurationsNs(MINUTE, 5 * MINUTE, 60 * MINUTE).build());
        sink = (side, price, quantity, count) -> blackhole.consume(quantity);
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < INPUTS; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (state >>> 33);
            prices[i] = 75_000 + (r % 41) - 20;
            volumes[i] = 1 + (r >>> 8) % 5;
            sides[i] = (r & 1) == 0 ? Side.BUY : Side.SELL;
            int offset = 1 + (r >>> 12) % 30;
            levelPrices[i] = (r & 2) == 0 ? 75_000 - offset : 75_000 + offset;
            boolean remove = (r >>> 20) % 4 == 0;
            levelQuantities[i] = remove ? 0 : 1 + (r >>> 22) % 50;
            levelCounts[i] = remove ? 0 : 1 + (r >>> 24) % 5;
        }
        for (int offset = 1; offset <= 30; offset++) {
            data.onLevelChanged(time, 0, Side.BUY, 75_000 - offset, 10, 1);
            data.onLevelChanged(time, 0, Side.SELL, 75_000 + offset, 10, 1);
        }
        data.drainDepthDelta(sink);
    }

    /**
     * One trade.
     *
     * @return the quote's volume, so the work is not eliminated
     */
    @Benchmark
    public long onTrade() {
        int i = next++ & (INPUTS - 1);
        time += STEP_NS;
        data.onTrade(time, ++tradeId, sides[i], prices[i], volumes[i]);
        return data.quote().volume();
    }

    /**
     * One trade and the open interest after it.
     *
     * @return the quote's open interest, so the work is not eliminated
     */
    @Benchmark
    public long onTradeWithOpenInterest() {
        int i = next++ & (INPUTS - 1);
        time += STEP_NS;
        data.onTrade(time, ++tradeId, sides[i], prices[i], volumes[i]);
        data.onOpenInterest(time, 10_000 + (i & 63));
        return data.quote().openInterest();
    }

    /**
     * One level event; every 16th also drains the delta batch.
     *
     * @return the depth's update id, so the work is not eliminated
     */
    @Benchmark
    public long onLevelChanged() {
        int n = next++;
        int i = n & (INPUTS - 1);
        time += STEP_NS;
        long price = levelPrices[i];
        data.onLevelChanged(time, n, price < 75_000 ? Side.BUY : Side.SELL, price, levelQuantities[i],
            levelCounts[i]);
        if ((n & 15) == 15) {
            data.drainDepthDelta(sink);
        }
        return data.depth().lastUpdateId();
    }
}
