package io.github.exchangeblocks.bench.wal;

import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.RecordClaim;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import io.github.exchangeblocks.wal.WalWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Records per second appended to the WAL in each durability mode, against a plain {@code FileChannel} loop with
 * the same force policy in the same run: no force ({@code NONE}), one {@code force(false)} per 1,024 records
 * ({@code GROUP}, the WAL configured with groups of 1,024), one force per record ({@code SYNC_EACH}).
 * {@code payloadSize} is the application payload; the WAL adds its 24-byte header and 8-byte alignment, the
 * baseline writes the payload bare. Each iteration starts with a fresh log in a temporary directory; segments
 * are sparse and no pretoucher runs, so the writer takes the page faults of fresh pages itself (see
 * {@code WalPretouchAppendBenchmark} for the same appends with a pretoucher thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WalAppendBenchmark {
    private static final int GROUP_RECORDS = 1024;

    /** Payload bytes per record. */
    @Param({"64", "256"})
    public int payloadSize;

    /** Durability mode of the WAL, and the force policy of the baseline. */
    @Param({"NONE", "GROUP", "SYNC_EACH"})
    public DurabilityMode mode;

    private Path directory;
    private WalWriter writer;
    private FileChannel channel;
    private byte[] payload;
    private ByteBuffer direct;
    private long written;

    /** Opens a fresh log and a fresh baseline file. */
    @Setup(Level.Iteration)
    public void open() throws IOException {
        directory = BenchFiles.newDirectory("wal-append");
        payload = BenchFiles.payload(payloadSize);
        direct = ByteBuffer.allocateDirect(payloadSize);
        direct.put(0, payload);
        writer = Wal.openWriter(WalConfig.builder(directory.resolve("wal")).durabilityMode(mode)
                .groupCommitRecords(GROUP_RECORDS).build());
        channel = FileChannel.open(directory.resolve("plain.log"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        written = 0;
    }

    /** Closes and deletes both, and unmaps the log's segments ({@link BenchFiles#releaseMappings()}). */
    @TearDown(Level.Iteration)
    public void close() throws IOException {
        writer.close();
        channel.close();
        BenchFiles.delete(directory);
        BenchFiles.releaseMappings();
    }

    /**
     * WAL append copying from a byte array.
     *
     * @return the sequence, so the call is not dead code
     */
    @Benchmark
    public long walAppend() {
        return writer.append(1, payload, 0, payloadSize);
    }

    /**
     * WAL claim, payload written straight into the log's buffer, commit.
     *
     * @return the sequence
     */
    @Benchmark
    public long walClaimCommit() {
        RecordClaim claim = writer.claim(1, payloadSize);
        claim.buffer().put(claim.payloadOffset(), payload, 0, payloadSize);
        return writer.commit();
    }

    /**
     * Baseline: one positional {@code FileChannel.write} of the payload from a direct buffer per record, plus
     * {@code force(false)} as the mode requires.
     *
     * @return bytes written so far
     * @throws IOException if the write fails
     */
    @Benchmark
    public long fileChannelWrite() throws IOException {
        direct.clear();
        channel.write(direct, written);
        written += payloadSize;
        long records = written / payloadSize;
        if (mode == DurabilityMode.SYNC_EACH || (mode == DurabilityMode.GROUP && records % GROUP_RECORDS == 0)) {
            channel.force(false);
        }
        return written;
    }
}
