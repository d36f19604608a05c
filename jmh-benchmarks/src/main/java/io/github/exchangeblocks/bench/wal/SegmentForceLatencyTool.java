package io.github.exchangeblocks.bench.wal;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency of forcing freshly written log pages under a sustained write rate, the way a group-commit flusher
 * forces a memory-mapped segment: bytes are written into the mapping at {@code bytesPerSecond} and, as fast as
 * forces return, the range written since the previous force is forced ({@code MappedByteBuffer.force(index,
 * length)}, an {@code msync}). The {@link Kind}s of segment file take turns in a rotating order each round, so all
 * see the same disk, each written a second after it was prepared (as a pretoucher prepares the next segment ahead
 * of use): sparse, as the WAL creates them (with and without pretouching, and a quarter as long, rolling to the
 * next file when one is full), against files whose every block was written (with zeros, or with a non-zero
 * pattern) and forced before use. Prints the time the preparation took, the number of forces and their
 * p50/p99/p99.9/max latency in microseconds, the p50 of each second of the run (forces on one sparse file slow down
 * as it fills), and the load average before and after. Files go to a temporary directory under
 * {@code java.io.tmpdir}, deleted afterwards.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.wal.SegmentForceLatencyTool
 * [bytesPerSecond=7000000] [seconds=4] [segmentLength=67108864] [rounds=2]}; the default rate is the journal's
 * at 100,000 commands per second in the exchange core.
 */
public final class SegmentForceLatencyTool {
    private static final int FILL_CHUNK = 1 << 20;
    private static final long IDLE_PARK_NS = 20_000;
    private static final long SETTLE_NS = 1_000_000_000L;
    private static final int PRETOUCH_BYTES = 4 << 20;
    private static final int PAGE_BYTES = 4096;

    /** How a segment file is prepared before the measured writes. */
    enum Kind {
        /** Length reserved by one write at its end: the blocks are allocated when written pages are forced. */
        SPARSE,
        /**
         * Sparse, with the pages up to {@value #PRETOUCH_BYTES} bytes ahead of the writes touched (a write of the
         * byte already there, mapping them writable) between forces, as the WAL's pretoucher does.
         */
        SPARSE_PRETOUCHED,
        /**
         * Sparse files a quarter of the segment length each, the next created (sparse) when one is full, as a log
         * with shorter segments rolls.
         */
        SPARSE_QUARTER_SEGMENTS,
        /** Every byte written with zeros, then forced: the blocks are allocated and written before use. */
        ZERO_FILLED,
        /** As {@link #ZERO_FILLED} with a non-zero pattern (a storage layer may treat written zeros as holes). */
        PATTERN_FILLED
    }

    private SegmentForceLatencyTool() {
    }

    /**
     * Entry point.
     *
     * @param args optional rate in bytes per second, seconds per run, segment length in bytes and rounds
     * @throws IOException if the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        long bytesPerSecond = args.length > 0 ? Long.parseLong(args[0]) : 7_000_000L;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int segmentLength = args.length > 2 ? Integer.parseInt(args[2]) : 64 << 20;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        if ((long) seconds * bytesPerSecond >= segmentLength) {
            throw new IllegalArgumentException("seconds x bytesPerSecond=" + seconds * bytesPerSecond
                    + " must be below segmentLength=" + segmentLength);
        }
        System.out.printf("%,d B/s for %d s per run into a %,d B segment, %d rounds; load average before: %s%n",
                bytesPerSecond, seconds, segmentLength, rounds, loadAverage());
        Kind[] kinds = Kind.values();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < kinds.length; i++) {
                Kind kind = kinds[(round + i) % kinds.length];
                Path directory = BenchFiles.newDirectory("segment-force");
                try {
                    int fileLength = kind == Kind.SPARSE_QUARTER_SEGMENTS ? segmentLength / 4 : segmentLength;
                    long prepareNs = prepare(directory.resolve("segment-0"), fileLength, kind);
                    LockSupport.parkNanos(SETTLE_NS);
                    Histogram[] perSecond = run(directory, fileLength, bytesPerSecond, seconds,
                            kind == Kind.SPARSE_PRETOUCHED);
                    Histogram forces = new Histogram(3_600_000_000_000L, 3);
                    StringBuilder p50s = new StringBuilder();
                    for (Histogram second : perSecond) {
                        forces.add(second);
                        p50s.append(String.format(" %.0f", second.getValueAtPercentile(50) / 1e3));
                    }
                    System.out.printf("round %d %-14s (prepared in %5.1f ms): %,7d forces, p50 %7.1f us, "
                                    + "p99 %8.1f us, p99.9 %8.1f us, max %8.1f us%n", round + 1, kind, prepareNs / 1e6,
                            forces.getTotalCount(), forces.getValueAtPercentile(50) / 1e3,
                            forces.getValueAtPercentile(99) / 1e3, forces.getValueAtPercentile(99.9) / 1e3,
                            forces.getMaxValue() / 1e3);
                    System.out.println("        p50 of each second, us:" + p50s);
                } finally {
                    BenchFiles.delete(directory);
                    BenchFiles.releaseMappings();
                }
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    private static long prepare(Path file, int segmentLength, Kind kind) throws IOException {
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (kind != Kind.ZERO_FILLED && kind != Kind.PATTERN_FILLED) {
                writeFully(channel, ByteBuffer.allocate(1), segmentLength - 1L);
            } else {
                ByteBuffer chunk = ByteBuffer.allocateDirect(FILL_CHUNK);
                if (kind == Kind.PATTERN_FILLED) {
                    for (int i = 0; i < FILL_CHUNK; i++) {
                        chunk.put(i, (byte) (i * 131 + 17));
                    }
                }
                for (long at = 0; at < segmentLength; at += FILL_CHUNK) {
                    chunk.clear().limit((int) Math.min(FILL_CHUNK, segmentLength - at));
                    writeFully(channel, chunk, at);
                }
            }
            channel.force(true);
        }
        return System.nanoTime() - start;
    }

    /**
     * Writes and forces {@code segment-0} in {@code directory} and, when it is full, sparse files {@code segment-1},
     * {@code segment-2}... of the same length (created outside the timed forces).
     *
     * @return the force latencies of each second of the run, nanoseconds
     */
    private static Histogram[] run(Path directory, int fileLength, long bytesPerSecond, int seconds,
                                   boolean pretouch) throws IOException {
        int files = 1;
        MappedByteBuffer map = map(directory.resolve("segment-0"));
        long base = 0;
        byte[] data = BenchFiles.payload(64 << 10);
        Histogram[] forces = new Histogram[seconds];
        for (int i = 0; i < seconds; i++) {
            forces[i] = new Histogram(3_600_000_000_000L, 3);
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int written = 0;
        int touched = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            if (written == fileLength) {
                Path next = directory.resolve("segment-" + files++);
                prepare(next, fileLength, Kind.SPARSE);
                map = map(next);
                base += fileLength;
                written = 0;
                touched = 0;
            }
            int due = (int) Math.min(fileLength, (now - start) * bytesPerSecond / 1_000_000_000L - base);
            if (due <= written) {
                LockSupport.parkNanos(IDLE_PARK_NS);
                continue;
            }
            for (int at = written; at < due; at += data.length) {
                map.put(at, data, 0, Math.min(data.length, due - at));
            }
            long t0 = System.nanoTime();
            map.force(written, due - written);
            forces[(int) Math.min(seconds - 1, (t0 - start) / 1_000_000_000L)].recordValue(System.nanoTime() - t0);
            written = due;
            if (pretouch) {
                int touchEnd = Math.min(map.capacity(), written + PRETOUCH_BYTES);
                for (touched = Math.max(touched, written + PAGE_BYTES - 1 & -PAGE_BYTES); touched < touchEnd;
                        touched += PAGE_BYTES) {
                    map.put(touched, map.get(touched));
                }
            }
        }
        return forces;
    }

    private static MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
