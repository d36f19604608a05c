package io.github.exchangeblocks.bench.wal;

import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.RecordClaim;
import io.github.exchangeblocks.wal.RecordDescriptor;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import io.github.exchangeblocks.wal.WalWriter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Plain throughput tool for no-sync ({@link DurabilityMode#NONE}) appends: appends {@code records} records of
 * {@code payloadSize} bytes to a fresh log, through {@code append} and through claim/commit, each once on sparse
 * segments with no pretouching and once with a {@link io.github.exchangeblocks.wal.WalPretoucher} run on its own
 * thread the way a host would ({@link PretouchThread}), and prints records/s, MB/s of log bytes written (frame
 * header and alignment included), and for the appending thread alone: the share of the wall time it was on a
 * CPU, the share of its CPU time spent in the kernel (page faults), its minor page faults per 1,000 records, and
 * how often it blocked in the kernel or was preempted ({@link ThreadCounters}). A writer that is on a CPU less
 * than 100% of the time was preempted (a busy machine) or blocked. Variants
 * alternate within each round so they see the same machine; the first round is warm-up. Usage:
 * {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.wal.WalThroughputTool [records] [payloadSize]
 * [rounds] [segmentLength] [pretouchBytes]} (defaults 10,000,000, 64, 3, 64 MiB and 16 MiB).
 */
public final class WalThroughputTool {
    /** Default of how far ahead of the writer pages are kept pretouched. */
    static final int PRETOUCH_BYTES = 16 << 20;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WalThroughputTool() {
    }

    /**
     * Entry point.
     *
     * @param args optional record count, payload size, rounds (the first is warm-up), segment length and
     *             pretouch window, all in bytes but the first and third
     * @throws InterruptedException if interrupted while stopping the pretouch thread
     */
    public static void main(String[] args) throws InterruptedException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int payloadSize = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int segmentLength = args.length > 3 ? Integer.parseInt(args[3]) : WalConfig.DEFAULT_SEGMENT_LENGTH;
        int pretouchBytes = args.length > 4 ? Integer.parseInt(args[4]) : PRETOUCH_BYTES;
        byte[] payload = BenchFiles.payload(payloadSize);
        long logBytes = (long) records * RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + payloadSize);
        System.out.printf("NONE mode, %,d records of %d B per run (%,d MB of log), segments of %d KiB, pretouch "
                        + "window %d KiB, %d rounds (first is warm-up)%n", records, payloadSize, logBytes / 1_000_000,
                segmentLength >> 10, pretouchBytes >> 10, rounds);
        for (int round = 0; round < rounds; round++) {
            String label = round == 0 ? "warm-up" : "round " + round;
            for (boolean claim : new boolean[] {false, true}) {
                for (boolean pretouch : new boolean[] {false, true}) {
                    Path directory = BenchFiles.newDirectory("wal-throughput");
                    ThreadCounters counters0 = ThreadCounters.read();
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    long user0 = THREADS.getCurrentThreadUserTime();
                    long ns;
                    try {
                        ns = run(directory.resolve("wal"), segmentLength, pretouch ? pretouchBytes : 0, payload, records,
                                claim);
                    } finally {
                        BenchFiles.delete(directory);
                    }
                    long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
                    long user = THREADS.getCurrentThreadUserTime() - user0;
                    ThreadCounters counters = ThreadCounters.read().minus(counters0);
                    System.out.printf("%-8s %-12s %-15s %6.2f M records/s %5.0f MB/s | writer: on CPU %3.0f%%, "
                                    + "kernel %3.0f%% of it, %5.2f faults/1k records, %d blocked, %d preempted%n",
                            label, claim ? "claim/commit" : "append", pretouch ? "pretouch thread" : "no pretouch",
                            records * 1e3 / ns, logBytes * 1e3 / ns, 100.0 * cpu / ns,
                            100.0 * Math.max(0, cpu - user) / Math.max(1, cpu), counters.minorFaults() * 1e3 / records,
                            counters.voluntary(), counters.involuntary());
                    BenchFiles.releaseMappings();
                }
            }
        }
    }

    private static long run(Path directory, int segmentLength, int pretouchBytes, byte[] payload, int records,
            boolean claim) throws InterruptedException {
        WalConfig.Builder config = WalConfig.builder(directory).durabilityMode(DurabilityMode.NONE)
                .segmentLength(segmentLength);
        boolean pretouch = pretouchBytes > 0;
        if (pretouch) {
            config.pretouchBytes(pretouchBytes).asyncPretouch(true);
        }
        try (WalWriter writer = Wal.openWriter(config.build())) {
            PretouchThread toucher = pretouch ? PretouchThread.start(writer.pretoucher()) : null;
            try {
                int length = payload.length;
                long start = System.nanoTime();
                if (claim) {
                    for (int i = 0; i < records; i++) {
                        RecordClaim c = writer.claim(1, length);
                        c.buffer().put(c.payloadOffset(), payload, 0, length);
                        writer.commit();
                    }
                } else {
                    for (int i = 0; i < records; i++) {
                        writer.append(1, payload, 0, length);
                    }
                }
                return System.nanoTime() - start;
            } finally {
                if (toucher != null) {
                    toucher.stop();
                }
            }
        }
    }
}
