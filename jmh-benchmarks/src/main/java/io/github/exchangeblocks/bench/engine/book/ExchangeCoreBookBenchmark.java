package io.github.exchangeblocks.bench.engine.book;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The mixed stream of {@link OrderBookBenchmark} on the second baseline, exchange-core 0.5.3's direct order book
 * ({@link ExchangeCoreBook}), with the same heap, warm-up, measurement and old-generation preparation. It has a
 * class of its own so that exchange-core's JVM flags apply to its fork only: the exchange-blocks book needs none
 * and is measured without them. Run both classes in one JMH run (regex
 * {@code "engine.book.(OrderBook|ExchangeCoreBook)Benchmark"}) and compare the scores side by side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g",
    // The opens exchange-core's Chronicle and Agrona stack asks for on JDK 17+ (0.5.3 targets JDK 8). Its order book
    // alone runs without them (BookBaselinesTest drives it in a plain JVM); they stay here, out of the other forks.
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExchangeCoreBookBenchmark {
    @Param({"SHALLOW", "DEEP"})
    BookShape shape;

    private BookReplay replay;
    private int from;

    /** Generates the stream, creates the book and prepares the old generation as the other benchmark does. */
    @Setup(Level.Trial)
    public void createBook() {
        replay = new BookReplay(shape, BookReplay.Impl.EXCHANGE_CORE);
        from = replay.stream.prefillLength;
        replay.reset();
        System.gc();
        System.gc();
    }

    /** Brings the book back to the prefilled shape before each replay; not measured. */
    @Setup(Level.Invocation)
    public void resetBook() {
        replay.reset();
    }

    /**
     * Replays the measured commands.
     *
     * @return the number of accepted commands, so the work cannot be optimised away
     */
    @Benchmark
    @OperationsPerInvocation(OrderBookBenchmark.MEASURED)
    public int replayMixedStream() {
        BookReplay r = replay;
        int end = from + OrderBookBenchmark.MEASURED;
        int accepted = 0;
        for (int i = from; i < end; i++) {
            accepted += r.apply(i);
        }
        return accepted;
    }
}
