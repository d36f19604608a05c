package io.github.exchangeblocks.bench.engine.book;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The mixed stream's throughput on the exchange-blocks book at every {@link BookSizing} and on both baselines (the
 * TreeMap book and exchange-core 0.5.3's), measured for ratios on a busy machine: the six books take turns pass by
 * pass in one JVM, so they share the background load. Before each pass, untimed, the book is reset to the
 * prefilled shape. Two ways to time a pass:
 *
 * <ul>
 *   <li>{@code wall} (the default): wall-clock time, with no collection forced between passes, so a collection
 *       mostly falls in the pass of the book whose allocation triggered it, as in {@link OrderBookBenchmark};
 *       time spent preempted counts, which the interleaving spreads over all books.</li>
 *   <li>{@code cpu}: the replaying thread's CPU time, after a {@link System#gc()}, so time spent preempted does
 *       not count. It leaves out the collector's threads and hands the baselines a freshly collected heap: both
 *       flatter the baselines, which allocate per order (the exchange-blocks book allocates nothing), so its
 *       ratios are lower bounds.</li>
 * </ul>
 * Cache and memory-bandwidth contention from other processes count either way. The first third of the passes warm up and are not
 * recorded. Prints each book's median and range in M commands per CPU-second, and the ratios of the medians: each
 * sizing to the TreeMap book, to exchange-core, and to the default sizing. The JMH figures to report come from
 * {@link OrderBookBenchmark} and {@link ExchangeCoreBookBenchmark}; this tool checks their ratios.
 *
 * <p>Usage: {@code java -Xms2g -Xmx2g -cp benchmarks.jar io.github.exchangeblocks.bench.engine.book.BookSizingTool
 * [SHALLOW|DEEP|ALL] [passes] [wall|cpu]} (defaults ALL, 30, wall).
 */
public final class BookSizingTool {
    private BookSizingTool() {
    }

    /**
     * Runs the passes and prints the table.
     *
     * @param args shape (default ALL), passes (default 30), timing (default wall)
     */
    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "ALL";
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean cpu = args.length > 2 && args[2].equals("cpu");
        for (BookShape shape : BookShape.values()) {
            if (which.equals("ALL") || which.equals(shape.name())) {
                run(shape, passes, cpu);
            }
        }
    }

    private static void run(BookShape shape, int passes, boolean cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BookSizing[] sizings = BookSizing.values();
        String[] names = new String[sizings.length + 2];
        BookReplay[] replays = new BookReplay[names.length];
        names[0] = "TREEMAP";
        replays[0] = new BookReplay(shape, BookReplay.Impl.TREEMAP);
        names[1] = "EXCHANGE_CORE";
        replays[1] = new BookReplay(shape, BookReplay.Impl.EXCHANGE_CORE);
        for (int s = 0; s < sizings.length; s++) {
            names[s + 2] = sizings[s].name();
            replays[s + 2] = new BookReplay(shape, BookReplay.Impl.EXCHANGE_BLOCKS, sizings[s]);
        }
        System.out.println(replays[0].stream.describe());
        int warmup = passes / 3;
        double[][] mops = new double[names.length][passes - warmup];
        for (int pass = 0; pass < passes; pass++) {
            for (int k = 0; k < replays.length; k++) {
                BookReplay replay = replays[k];
                replay.reset();
                if (cpu) {
                    System.gc();
                }
                int from = replay.stream.prefillLength;
                int end = replay.stream.length;
                long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
                for (int i = from; i < end; i++) {
                    replay.apply(i);
                }
                long spent = (cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start;
                if (pass >= warmup) {
                    mops[k][pass - warmup] = (end - from) * 1e3 / spent;
                }
            }
        }
        double[] median = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            double[] sorted = mops[k].clone();
            Arrays.sort(sorted);
            median[k] = sorted[sorted.length / 2];
            String ratios = k < 2 ? "" : String.format("  x%.2f TreeMap  x%.2f exchange-core  %+.1f%% vs DEFAULT",
                median[k] / median[0], median[k] / median[1], 100 * (median[k] / median[2] - 1));
            System.out.printf("%-8s %-14s median %6.2f M ops/%s-s (min %.2f, max %.2f, %d passes)%s%n", shape,
                names[k], median[k], cpu ? "CPU" : "wall", sorted[0], sorted[sorted.length - 1], sorted.length,
                ratios);
        }
    }
}
