package io.github.exchangeblocks.bench.engine.book;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The mixed stream's throughput measured in the replaying thread's CPU time instead of wall-clock time, for
 * comparing two builds of the book on a machine other processes keep busy: time the thread spends preempted does
 * not count, so back-to-back runs of two jars stay comparable when the load changes between them. (Cache and
 * memory-bandwidth contention from the other core still counts.) Not a replacement for {@link OrderBookBenchmark},
 * whose wall-clock figures are the ones to report.
 *
 * <p>Each pass resets the book (untimed) and replays the 200,000 measured commands; the first third of the passes
 * warm up and are not recorded. Prints the best and the median pass in commands per CPU-second.
 *
 * <p>Usage: {@code java -Xms2g -Xmx2g -cp benchmarks.jar io.github.exchangeblocks.bench.engine.book.BookCpuTimeTool
 * [SHALLOW|DEEP] [passes] [EXCHANGE_BLOCKS|TREEMAP|EXCHANGE_CORE] [STREAM|DEFAULT|S2_16|S2_18|S2_20]}: the last
 * argument sizes the exchange-blocks book ({@code STREAM}, the default, sizes it as the stream's generator was,
 * for twice the shape's target order count; the others are {@link BookSizing}s). exchange-core runs here without
 * the flags {@link ExchangeCoreBookBenchmark} gives it (its order book needs none).
 */
public final class BookCpuTimeTool {
    private BookCpuTimeTool() {
    }

    /**
     * Runs the passes and prints the result.
     *
     * @param args shape (default SHALLOW), passes (default 300), book (default EXCHANGE_BLOCKS), sizing (default
     *     STREAM)
     */
    public static void main(String[] args) {
        BookShape shape = BookShape.valueOf(args.length > 0 ? args[0] : "SHALLOW");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        BookReplay.Impl impl = BookReplay.Impl.valueOf(args.length > 2 ? args[2] : "EXCHANGE_BLOCKS");
        String sizing = args.length > 3 ? args[3] : "STREAM";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure the current thread's CPU time");
        }
        BookReplay replay = sizing.equals("STREAM") ? new BookReplay(shape, impl)
            : new BookReplay(shape, impl, BookSizing.valueOf(sizing));
        int from = replay.stream.prefillLength;
        int end = replay.stream.length;
        int warmup = passes / 3;
        long[] cpuNanos = new long[passes - warmup];
        long accepted = 0;
        for (int pass = 0; pass < passes; pass++) {
            replay.reset();
            long start = threads.getCurrentThreadCpuTime();
            for (int i = from; i < end; i++) {
                accepted += replay.apply(i);
            }
            long spent = threads.getCurrentThreadCpuTime() - start;
            if (pass >= warmup) {
                cpuNanos[pass - warmup] = spent;
            }
        }
        Arrays.sort(cpuNanos);
        double commands = end - from;
        System.out.printf("%s %s %s: best %.2f M ops per CPU-second, median %.2f (%d passes, %d accepted)%n", shape,
            impl, sizing, commands / cpuNanos[0] * 1e3, commands / cpuNanos[cpuNanos.length / 2] * 1e3,
            cpuNanos.length, accepted);
    }
}
