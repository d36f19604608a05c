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
 * Throughput of the mixed stream (see {@link MixedStream}) on the exchange-blocks book at each {@link BookSizing}
 * and on the {@link TreeMapBook} baseline, for the shallow and the deep shape: {@code book} is {@code TREEMAP} or
 * the sizing of the exchange-blocks book ({@code DEFAULT}, {@code S2_16}, {@code S2_18}, {@code S2_20}). The
 * exchange-core baseline runs in {@link ExchangeCoreBookBenchmark}, in its own JVM with its flags; select both
 * with the regex {@code "engine.book.(OrderBook|ExchangeCoreBook)Benchmark"} to measure them in one run. One
 * invocation replays the 200,000 measured commands from the prefilled book (the reset runs outside the
 * measurement), so the score is commands per second. Run with {@code -prof gc} to see the allocation per command.
 *
 * <p>{@code oldGen=true} (the default) fills the book once and runs two full collections before measuring, so its
 * arrays sit in the old generation as in a long-running host. The exchange-blocks book keeps orders and levels in
 * primitive arrays, so it stores no object references and pays no card-marking write barrier there; the TreeMap
 * baseline's long-lived map nodes do. With {@code oldGen=false} nothing is promoted before measuring (the
 * exchange-blocks book allocates nothing, so no collection ever happens during the run).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OrderBookBenchmark {
    static final int MEASURED = 200_000;

    @Param({"SHALLOW", "DEEP"})
    BookShape shape;

    @Param({"TREEMAP", "DEFAULT", "S2_16", "S2_18", "S2_20"})
    String book;

    @Param({"true"})
    boolean oldGen;

    private BookReplay replay;
    private int from;

    /** Generates (or reuses) the stream and creates the book. */
    @Setup(Level.Trial)
    public void createBook() {
        replay = book.equals("TREEMAP") ? new BookReplay(shape, BookReplay.Impl.TREEMAP)
            : new BookReplay(shape, BookReplay.Impl.EXCHANGE_BLOCKS, BookSizing.valueOf(book));
        from = replay.stream.prefillLength;
        if (replay.stream.length - from != MEASURED) {
            throw new IllegalStateException("stream has " + (replay.stream.length - from) + " measured commands");
        }
        if (oldGen) {
            replay.reset();
            System.gc();
            System.gc();
        }
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
    @OperationsPerInvocation(MEASURED)
    public int replayMixedStream() {
        BookReplay r = replay;
        int end = from + MEASURED;
        int accepted = 0;
        for (int i = from; i < end; i++) {
            accepted += r.apply(i);
        }
        return accepted;
    }
}
