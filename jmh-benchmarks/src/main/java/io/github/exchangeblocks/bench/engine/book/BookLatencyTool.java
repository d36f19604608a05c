package io.github.exchangeblocks.bench.engine.book;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Side-by-side measurement of the mixed stream on the exchange-blocks book and the two baselines (the TreeMap book
 * and exchange-core 0.5.3's, whose order book runs without JVM flags), for a shared and noisy machine: the books
 * alternate pass by pass, so all see the same background load.
 *
 * <ol>
 *   <li>Throughput: each pass replays the 200,000 measured commands untimed per command; ops/s per pass, median
 *       and range over the measured passes.</li>
 *   <li>Latency: each command timed on its own with {@link System#nanoTime()} into an HdrHistogram (each value
 *       includes one timer read; its own cost is printed as "timer").</li>
 * </ol>
 * Warm-up passes come first and are not recorded. Before each pass, outside the timing, the book is reset and
 * (unless {@code nogc} is given) {@link System#gc()} runs, so garbage left by one book (the baseline allocates per
 * order) is not collected during the other's pass. That also promotes the books' long-lived state to the old
 * generation, as in a long-running host (the exchange-blocks book holds it in primitive arrays, so no write
 * barrier applies to its updates).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.engine.book.BookLatencyTool
 * [SHALLOW|DEEP|ALL] [warmupPasses] [measuredPasses] [gc|nogc]}
 */
public final class BookLatencyTool {
    private static boolean collectBetweenPasses = true;

    private BookLatencyTool() {
    }

    /**
     * Runs the measurements and prints them.
     *
     * @param args shape (default ALL), warm-up passes (default 20), measured passes (default 20), gc or nogc
     *     (default gc)
     */
    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "ALL";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        collectBetweenPasses = args.length <= 3 || !args[3].equals("nogc");
        System.out.println("timer  " + format(timerOverhead()));
        for (BookShape shape : BookShape.values()) {
            if (!which.equals("ALL") && !which.equals(shape.name())) {
                continue;
            }
            System.out.println(BookReplay.streamFor(shape).describe());
            BookReplay.Impl[] impls = BookReplay.Impl.values();
            BookReplay[] replays = new BookReplay[impls.length];
            Histogram[] histograms = new Histogram[impls.length];
            double[][] throughput = new double[impls.length][passes];
            for (int k = 0; k < impls.length; k++) {
                replays[k] = new BookReplay(shape, impls[k]);
                histograms[k] = new Histogram(10_000_000_000L, 3);
            }
            for (int pass = 0; pass < warmup + passes; pass++) {
                for (int k = 0; k < impls.length; k++) {
                    double opsPerSecond = untimed(replays[k]);
                    if (pass >= warmup) {
                        throughput[k][pass - warmup] = opsPerSecond;
                    }
                }
            }
            for (int pass = 0; pass < warmup + passes; pass++) {
                for (int k = 0; k < impls.length; k++) {
                    timed(replays[k], pass < warmup ? null : histograms[k]);
                }
            }
            double[] medians = new double[impls.length];
            for (int k = 0; k < impls.length; k++) {
                double[] sorted = throughput[k].clone();
                Arrays.sort(sorted);
                medians[k] = sorted[sorted.length / 2];
                System.out.printf("%-8s %-16s throughput median=%.2fM ops/s (min %.2fM, max %.2fM, %d passes)%n",
                    shape, impls[k], medians[k] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, passes);
                System.out.printf("%-8s %-16s latency %s%n", shape, impls[k], format(histograms[k]));
            }
            System.out.printf("%-8s ratio EXCHANGE_BLOCKS/TREEMAP throughput (medians) = %.2f%n", shape,
                medians[0] / medians[1]);
            System.out.printf("%-8s ratio EXCHANGE_BLOCKS/EXCHANGE_CORE throughput (medians) = %.2f%n", shape,
                medians[0] / medians[2]);
        }
    }

    private static void prepare(BookReplay replay) {
        replay.reset();
        if (collectBetweenPasses) {
            System.gc();
        }
    }

    private static double untimed(BookReplay replay) {
        prepare(replay);
        int from = replay.stream.prefillLength;
        int end = replay.stream.length;
        int accepted = 0;
        long start = System.nanoTime();
        for (int i = from; i < end; i++) {
            accepted += replay.apply(i);
        }
        long took = System.nanoTime() - start;
        if (accepted == 0) {
            throw new IllegalStateException("nothing accepted");
        }
        return (end - from) * 1e9 / took;
    }

    private static void timed(BookReplay replay, Histogram histogram) {
        prepare(replay);
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
