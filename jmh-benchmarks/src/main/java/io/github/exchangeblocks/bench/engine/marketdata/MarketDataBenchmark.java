package io.github.exchangeblocks.bench.engine.marketdata;

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

/**
 * Market-data input cost, in operations per second, on the {@link MarketDataStream} (three kline durations, tape,
 * 24-hour ticker, quote; steady state with wrapping rings), with {@code -prof gc} for allocation:
 *
 * <ul>
 *   <li>{@link #onTrade}: one trade (quote, three klines, tape, ticker);</li>
 *   <li>{@link #onTradeWithOpenInterest}: one trade followed by the venue's open interest report;</li>
 *   <li>{@link #onLevelChanged}: one book level event into the depth mirror (60 levels, a quarter of the events
 *       remove or insert a level), with the delta batch drained every 16 events.</li>
 * </ul>
 *
 * {@link MarketDataCpuTimeTool} measures the same inputs in thread CPU time, for a busy machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MarketDataBenchmark {
    private MarketDataStream stream;

    /** Builds the market data and the input cycle, and fills the depth mirror. */
    @Setup
    public void setUp() {
        stream = new MarketDataStream();
    }

    /**
     * One trade.
     *
     * @return the quote's volume, so the work is not eliminated
     */
    @Benchmark
    public long onTrade() {
        return stream.trade();
    }

    /**
     * One trade and the open interest after it.
     *
     * @return the quote's open interest, so the work is not eliminated
     */
    @Benchmark
    public long onTradeWithOpenInterest() {
        return stream.tradeWithOpenInterest();
    }

    /**
     * One level event; every 16th also drains the delta batch.
     *
     * @return the depth's update id, so the work is not eliminated
     */
    @Benchmark
    public long onLevelChanged() {
        return stream.level();
    }
}
