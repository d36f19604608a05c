package io.github.exchangeblocks.bench.engine.marketdata;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The {@link MarketDataBenchmark} inputs measured in the running thread's CPU time instead of wall-clock time, for
 * a machine other processes keep busy: time the thread spends preempted does not count. (Cache and
 * memory-bandwidth contention from the other core still counts.) Not a replacement for the JMH figures.
 *
 * <p>Each pass applies 1,000,000 inputs of each kind to one steady {@link MarketDataStream}; the first third of the
 * passes warm up and are not recorded. Prints the best and the median pass in nanoseconds of CPU time per input.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.engine.marketdata.MarketDataCpuTimeTool
 * [passes]}
 */
public final class MarketDataCpuTimeTool {
    private static final int INPUTS_PER_PASS = 1_000_000;

    private MarketDataCpuTimeTool() {
    }

    /**
     * Runs the passes and prints the result.
     *
     * @param args passes (default 30)
     */
    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure the current thread's CPU time");
        }
        MarketDataStream stream = new MarketDataStream();
        String[] names = {"onTrade", "onTradeWithOpenInterest", "onLevelChanged"};
        int warmup = passes / 3;
        long[][] cpuNanos = new long[names.length][passes - warmup];
        long sink = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (int kind = 0; kind < names.length; kind++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < INPUTS_PER_PASS; i++) {
                    sink += kind == 0 ? stream.trade() : kind == 1 ? stream.tradeWithOpenInterest() : stream.level();
                }
                long spent = threads.getCurrentThreadCpuTime() - start;
                if (pass >= warmup) {
                    cpuNanos[kind][pass - warmup] = spent;
                }
            }
        }
        for (int kind = 0; kind < names.length; kind++) {
            Arrays.sort(cpuNanos[kind]);
            System.out.printf("%-24s best %6.1f ns, median %6.1f ns per input (CPU time, %d passes)%n", names[kind],
                (double) cpuNanos[kind][0] / INPUTS_PER_PASS,
                (double) cpuNanos[kind][cpuNanos[kind].length / 2] / INPUTS_PER_PASS, cpuNanos[kind].length);
        }
        System.out.println("checksum " + (sink + stream.drained));
    }
}
