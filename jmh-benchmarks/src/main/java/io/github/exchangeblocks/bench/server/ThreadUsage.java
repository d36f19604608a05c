package io.github.exchangeblocks.bench.server;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and heap allocation of this JVM's threads, grouped by what they are (the exchange's engine thread, the
 * server's Netty I/O threads, everything else), plus the collectors' pauses, between two readings. Allocation and
 * CPU per order hardly depend on how busy the machine is, unlike latency, so a run on a shared machine still tells
 * whether a change made the server cheaper.
 *
 * <p>Uses {@code com.sun.management.ThreadMXBean} (HotSpot); figures are -1 where the JVM does not measure them.
 * Not thread-safe: one caller.
 */
final class ThreadUsage {
    /** The thread groups reported, by thread name prefix. */
    enum Group {
        ENGINE("exchange-engine"), SERVER_IO("multiThreadIoEventLoopGroup"), OTHER("");

        private final String prefix;

        Group(String prefix) {
            this.prefix = prefix;
        }

        static Group of(String threadName) {
            for (Group group : values()) {
                if (threadName.startsWith(group.prefix)) {
                    return group;
                }
            }
            return OTHER;
        }
    }

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, long[]> start = new HashMap<>();
    private long gcCount;
    private long gcMillis;
    private long compileMillis;

    /** Takes the first reading. */
    void begin() {
        start.clear();
        for (long id : threads.getAllThreadIds()) {
            start.put(id, new long[] {threads.getThreadAllocatedBytes(id), threads.getThreadCpuTime(id)});
        }
        gcCount = gcCount();
        gcMillis = gcMillis();
        compileMillis = compileMillis();
    }

    /**
     * @param orders the orders of the run, to divide by
     * @return one line: per group, bytes allocated and microseconds of CPU per order; the collections and their
     *         total pause time since {@link #begin()}; the time the JIT compilers spent (their threads take a core
     *         from the server's threads on a small machine)
     */
    String end(long orders) {
        long[] bytes = new long[Group.values().length];
        long[] cpuNs = new long[Group.values().length];
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            if (info == null) {
                continue;
            }
            long[] before = start.getOrDefault(id, new long[2]);
            int group = Group.of(info.getThreadName()).ordinal();
            bytes[group] += Math.max(0, threads.getThreadAllocatedBytes(id) - before[0]);
            cpuNs[group] += Math.max(0, threads.getThreadCpuTime(id) - before[1]);
        }
        StringBuilder line = new StringBuilder("per order:");
        for (Group group : Group.values()) {
            line.append(String.format(" %s %,d bytes %.1f us CPU;", group.name().toLowerCase(),
                    bytes[group.ordinal()] / orders, cpuNs[group.ordinal()] / 1e3 / orders));
        }
        line.append(String.format(" collections %d, %d ms paused; JIT compiling %d ms", gcCount() - gcCount,
                gcMillis() - gcMillis, compileMillis() - compileMillis));
        return line.toString();
    }

    /** Milliseconds the JIT compilers worked since the JVM started, -1 where not measured. */
    private static long compileMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : -1;
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : pausingCollectors()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static long gcMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : pausingCollectors()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    /** The beans that count pauses: G1's and ZGC's concurrent-cycle beans count time the application ran on. */
    private static java.util.List<GarbageCollectorMXBean> pausingCollectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().contains("Concurrent") && !gc.getName().contains("Cycles")).toList();
    }
}
