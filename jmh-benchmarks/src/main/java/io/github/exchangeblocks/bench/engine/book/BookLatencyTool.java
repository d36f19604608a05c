package io.github.exchangeblocks.bench.engine.book;

import org.HdrHistogram.Histogram;

/**
 * Per-command latency of the mixed stream, recorded with HdrHistogram: each command of the measured part is timed
 * on its own with {@link System#nanoTime()} (so each value includes one timer read, whose own cost is printed as
 * "timer" for reference). Warm-up passes come first and are not recorded.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.engine.book.BookLatencyTool
 * [SHALLOW|DEEP|ALL] [warmupPasses] [measuredPasses]}
 */
public final class BookLatencyTool {
    private BookLatencyTool() {
    }

    /**
     * Runs the measurement and prints one line of percentiles per book and shape.
     *
     * @param args shape (default ALL), warm-up passes (default 20), measured passes (default 20)
     */
    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "ALL";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        System.out.println("timer  " + format(timerOverhead()));
        for (BookShape shape : BookShape.values()) {
            if (!which.equals("ALL") && !which.equals(shape.name())) {
                continue;
            }
            System.out.println(BookReplay.streamFor(shape).describe());
            for (BookReplay.Impl impl : BookReplay.Impl.values()) {
                BookReplay replay = new BookReplay(shape, impl);
                Histogram histogram = new Histogram(10_000_000_000L, 3);
                for (int pass = 0; pass < warmup + passes; pass++) {
                    run(replay, pass < warmup ? null : histogram);
                }
                System.out.printf("%-8s %-16s %s%n", shape, impl, format(histogram));
            }
        }
    }

    private static void run(BookReplay replay, Histogram histogram) {
        replay.reset();
        int from = replay.stream.prefillLength;
        int end = replay.stream.length;
        for (int i = from; i < end; i++) {
            long start = System.nanoTime();
            replay.apply(i);
            long took = System.nanoTime() - start;
            if (histogram != null) {
                histogram.recordValue(took);
            }
        }
    }

    private static Histogram timerOverhead() {
        Histogram histogram = new Histogram(10_000_000_000L, 3);
        for (int i = 0; i < 2_000_000; i++) {
            long start = System.nanoTime();
            long took = System.nanoTime() - start;
            histogram.recordValue(took);
        }
        return histogram;
    }

    private static String format(Histogram h) {
        return String.format("n=%d mean=%.0fns p50=%dns p90=%dns p99=%dns p99.9=%dns p99.99=%dns max=%dns",
            h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
            h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99),
            h.getMaxValue());
    }
}
