package io.github.exchangeblocks.bench.wal;

import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import io.github.exchangeblocks.wal.WalWriter;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Plain throughput/latency tool for durable appends: times every append of a {@link DurabilityMode#SYNC_EACH}
 * WAL and every {@code write + force(false)} of a plain {@code FileChannel} loop, alternating rounds so both see
 * the same disk, and prints records/s and p50/p99/p99.9/max latency in microseconds. Usage:
 * {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.wal.WalSyncLatencyTool [records] [payloadSize]}
 * (defaults 5000 and 64).
 */
public final class WalSyncLatencyTool {
    private static final int ROUNDS = 2;

    private WalSyncLatencyTool() {
    }

    /**
     * Entry point.
     *
     * @param args optional record count and payload size
     * @throws IOException if the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int payloadSize = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        byte[] payload = BenchFiles.payload(payloadSize);
        Histogram wal = new Histogram(3_600_000_000_000L, 3);
        Histogram plain = new Histogram(3_600_000_000_000L, 3);
        long walNs = 0;
        long plainNs = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path directory = BenchFiles.newDirectory("wal-latency");
            try {
                walNs += runWal(directory.resolve("wal"), payload, records, round == 0 ? null : wal);
                plainNs += runPlain(directory.resolve("plain.log"), payload, records, round == 0 ? null : plain);
            } finally {
                BenchFiles.delete(directory);
            }
        }
        System.out.printf("sync-each, %d records of %d B per round, %d rounds (first is warm-up)%n", records,
                payloadSize, ROUNDS);
        print("wal SYNC_EACH append", wal, records * (long) ROUNDS, walNs);
        print("plain write+force", plain, records * (long) ROUNDS, plainNs);
    }

    private static long runWal(Path directory, byte[] payload, int records, Histogram histogram) {
        long start = System.nanoTime();
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(directory)
                .durabilityMode(DurabilityMode.SYNC_EACH).build())) {
            for (int i = 0; i < records; i++) {
                long t0 = System.nanoTime();
                writer.append(1, payload, 0, payload.length);
                record(histogram, System.nanoTime() - t0);
            }
        }
        return System.nanoTime() - start;
    }

    private static long runPlain(Path file, byte[] payload, int records, Histogram histogram) throws IOException {
        ByteBuffer direct = ByteBuffer.allocateDirect(payload.length);
        direct.put(0, payload);
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long position = 0;
            for (int i = 0; i < records; i++) {
                long t0 = System.nanoTime();
                direct.clear();
                position += channel.write(direct, position);
                channel.force(false);
                record(histogram, System.nanoTime() - t0);
            }
        }
        return System.nanoTime() - start;
    }

    private static void record(Histogram histogram, long ns) {
        if (histogram != null) {
            histogram.recordValue(ns);
        }
    }

    private static void print(String name, Histogram histogram, long records, long totalNs) {
        System.out.printf("%-22s %9.0f records/s (all rounds)  p50 %7.1f us  p99 %7.1f us  p99.9 %7.1f us  "
                        + "max %8.1f us%n", name, records * 1e9 / totalNs,
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3);
    }
}
