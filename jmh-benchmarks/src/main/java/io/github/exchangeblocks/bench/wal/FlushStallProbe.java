package io.github.exchangeblocks.bench.wal;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Does flushing the disk stop the whole machine? One thread writes a few bytes to a file and forces them at a given
 * rate, as a journal's group commit does, while the main thread, which does no I/O, sleeps {@value #NAP_NS} ns at
 * a time and records how late it wakes. On an ordinary machine the sleeper wakes at most a few milliseconds late
 * (it is an ordinary thread; the idle run shows how late) whatever the disk does; if it wakes much later, and
 * periodically, only while the other thread forces, the virtual machine's CPUs were stopped, not only the forcing
 * thread, and every latency measured on that machine (a journal's acknowledgements, a load generator's sends)
 * carries those stops.
 *
 * <p>Each rate (forces per second; {@code 0} for none, the idle baseline; {@code max} for back to back) runs twice:
 * appending to a file with {@code FileChannel.write} and {@code force(false)} (an {@code fdatasync}), and writing
 * into a sparse memory-mapped segment with {@code MappedByteBuffer.force(index, length)} (an {@code msync}), as the
 * WAL does. Prints the forces made and their p50/p99/max, the sleeper's wake-ups later than 1 ms and
 * {@value #STALL_NS} ns, its worst, and the times (ms into the run) of its first stalls over {@value #STALL_NS} ns,
 * which show their period. The file goes to a temporary directory under {@code java.io.tmpdir} (the journal's
 * default place), deleted afterwards.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.wal.FlushStallProbe [seconds=5]
 * [rates=0,100,1000,max] [bytesPerForce=2600]}; the default size is some 26 journaled commands, a group commit's
 * batch at 100,000 commands per second.
 */
public final class FlushStallProbe {
    private static final long NAP_NS = 100_000;
    private static final long STALL_NS = 5_000_000;
    private static final int STALLS_LISTED = 12;
    /** The mapped segment; writes start again at its beginning when it is full (after 256 MiB). */
    private static final int SEGMENT_BYTES = 256 << 20;
    private static final int MAX_BYTES_PER_FORCE = 1 << 20;
    private static final long PACE_PARK_NS = 20_000;

    /** One run: forces per second ({@code 0}: none, {@link Integer#MAX_VALUE}: back to back), how, how much. */
    private record Run(int perSecond, boolean mapped, int bytesPerForce, int seconds) {
        String describe() {
            if (perSecond == 0) {
                return "no forces";
            }
            return (perSecond == Integer.MAX_VALUE ? "forces back to back" : String.format("%,d forces/s", perSecond))
                    + " of " + bytesPerForce + " B, " + (mapped ? "mapped segment" : "appends");
        }
    }

    private FlushStallProbe() {
    }

    /**
     * @param args optional seconds per run, a comma-separated list of rates, and the bytes written per force
     * @throws Exception if the temporary file cannot be written
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] rates = (args.length > 1 ? args[1] : "0,100,1000,max").split(",");
        int bytesPerForce = args.length > 2 ? Integer.parseInt(args[2]) : 2_600;
        if (seconds < 1 || bytesPerForce < 1 || bytesPerForce > MAX_BYTES_PER_FORCE) {
            throw new IllegalArgumentException("seconds=" + seconds + " must be >= 1 and bytesPerForce="
                    + bytesPerForce + " in 1.." + MAX_BYTES_PER_FORCE);
        }
        Path dir = Files.createTempDirectory("flush-stall");
        Path file = dir.resolve("forced.dat");
        try {
            for (String rate : rates) {
                int perSecond = rate.equals("max") ? Integer.MAX_VALUE : Integer.parseInt(rate);
                System.out.println(probe(file, new Run(perSecond, false, bytesPerForce, seconds)));
                if (perSecond > 0) {
                    System.out.println(probe(file, new Run(perSecond, true, bytesPerForce, seconds)));
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    private static String probe(Path file, Run run) throws Exception {
        Histogram forces = new Histogram(3);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread forcer = new Thread(() -> force(file, run, running, forces), "forcer");
        if (run.perSecond() > 0) {
            forcer.start();
        }
        Histogram lateness = new Histogram(3);
        List<Long> stallsAtMs = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + run.seconds() * 1_000_000_000L;
        long now = start;
        while (now < end) {
            long before = now;
            LockSupport.parkNanos(NAP_NS);
            now = System.nanoTime();
            long late = Math.max(0, now - before - NAP_NS);
            lateness.recordValue(late);
            if (late > STALL_NS && stallsAtMs.size() < STALLS_LISTED) {
                stallsAtMs.add((before - start) / 1_000_000);
            }
        }
        running.set(false);
        if (run.perSecond() > 0) {
            forcer.join();
        }
        return String.format("%s: %,d forces (p50 %.2f ms, p99 %.2f ms, max %.2f ms) | sleeper: %,d wake-ups,"
                        + " %,d over 1 ms late, %,d over %d ms, worst %.2f ms; first stalls over %d ms at %s ms",
                run.describe(), forces.getTotalCount(), forces.getValueAtPercentile(50) / 1e6,
                forces.getValueAtPercentile(99) / 1e6, forces.getMaxValue() / 1e6, lateness.getTotalCount(),
                countAbove(lateness, 1_000_000), countAbove(lateness, STALL_NS), STALL_NS / 1_000_000,
                lateness.getMaxValue() / 1e6, STALL_NS / 1_000_000, stallsAtMs);
    }

    private static long countAbove(Histogram histogram, long ns) {
        return histogram.getTotalCount() - histogram.getCountBetweenValues(0, ns);
    }

    /** The forcing thread: writes and forces at the run's pace until told to stop. */
    private static void force(Path file, Run run, AtomicBoolean running, Histogram forces) {
        int bytesPerForce = run.bytesPerForce();
        ByteBuffer bytes = ByteBuffer.allocateDirect(bytesPerForce);
        long intervalNs = run.perSecond() == Integer.MAX_VALUE ? 0 : 1_000_000_000L / run.perSecond();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            MappedByteBuffer segment = null;
            if (run.mapped()) {
                channel.write(ByteBuffer.allocate(1), SEGMENT_BYTES - 1);
                segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, SEGMENT_BYTES);
            }
            long start = System.nanoTime();
            int position = 0;
            for (long n = 0; running.get(); n++) {
                long due = start + n * intervalNs;
                while (System.nanoTime() < due && running.get()) {
                    LockSupport.parkNanos(PACE_PARK_NS);
                }
                if (segment != null && position + bytesPerForce > SEGMENT_BYTES) {
                    position = 0;
                }
                bytes.clear();
                long before;
                if (segment != null) {
                    segment.put(position, bytes, 0, bytesPerForce);
                    before = System.nanoTime();
                    segment.force(position, bytesPerForce);
                } else {
                    channel.write(bytes, position);
                    before = System.nanoTime();
                    channel.force(false);
                }
                position += bytesPerForce;
                forces.recordValue(System.nanoTime() - before);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
