package io.github.exchangeblocks.bench.exchange;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * How long the disk under a directory takes to force a memory-mapped file's new bytes, at the pace of the exchange
 * journal's group commit: the floor under the GROUP mode's submit-to-durable-acknowledgement latency, which no code
 * above the disk can go below (an acknowledgement waits for the force that covers its command).
 *
 * <p>It writes {@code bytesPerForce} bytes every {@code 1 / forcesPerSecond} seconds into a sparse mapped file (as
 * the journal's segments are) and forces the written range ({@link MappedByteBuffer#force(int, int)}, an
 * {@code msync}), recording each force's time in an HdrHistogram; the defaults are 100,000 commands per second of
 * about 100 bytes each, forced every millisecond. The file is deleted afterwards.
 *
 * <p>Run: {@code java -cp jmh-benchmarks/target/benchmarks.jar io.github.exchangeblocks.bench.exchange.DiskForceProbe
 * [directory=java.io.tmpdir] [seconds=10] [bytesPerForce=10000] [forcesPerSecond=1000]}.
 */
public final class DiskForceProbe {
    private static final int FILE_BYTES = 256 << 20;
    private static final int PAGE = 4096;

    private DiskForceProbe() {
    }

    /**
     * @param args optional directory, seconds, bytes per force, forces per second
     * @throws IOException if the directory cannot hold the file
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int bytesPerForce = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int forcesPerSecond = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        long forces = Math.min((long) seconds * forcesPerSecond, FILE_BYTES / bytesPerForce);
        Path file = Files.createTempFile(directory, "disk-force-probe", ".dat");
        Histogram latency = new Histogram(3);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(1), FILE_BYTES - 1L);
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES);
            byte[] record = new byte[bytesPerForce];
            Arrays.fill(record, (byte) 'x');
            long intervalNs = 1_000_000_000L / forcesPerSecond;
            long start = System.nanoTime();
            int position = 0;
            int forced = 0;
            for (long i = 0; i < forces; i++) {
                while (System.nanoTime() < start + i * intervalNs) {
                    Thread.onSpinWait();
                }
                map.put(position, record);
                position += bytesPerForce;
                int from = forced & -PAGE;
                long before = System.nanoTime();
                map.force(from, position - from);
                latency.recordValue(System.nanoTime() - before);
                forced = position;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.printf("%s: %,d forces of %,d new bytes, %,d per second: p50 %.0f us, p99 %.0f us, p99.9 %.0f us,"
                        + " max %.0f us%n", directory, latency.getTotalCount(), bytesPerForce, forcesPerSecond,
                latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                latency.getValueAtPercentile(99.9) / 1e3, latency.getMaxValue() / 1e3);
    }
}
