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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The appends of {@link WalAppendBenchmark} with pretouching: the log is configured with
 * {@code pretouchBytes} and {@code asyncPretouch(true)}, and a second thread runs its
 * {@link io.github.exchangeblocks.wal.WalPretoucher} the way a host would ({@link PretouchThread}: {@code doWork()}
 * in a loop, parking 50 us when idle), touching pages ahead of the writer and preparing the next segment, so the
 * benchmark thread takes (almost) no page faults. That thread needs a core of its own to help: on a machine with
 * no idle core it competes with the writer. Each iteration starts with a fresh log; segments are unmapped between
 * iterations ({@link BenchFiles#releaseMappings()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WalPretouchAppendBenchmark {
    /** Payload bytes per record. */
    @Param({"64", "256"})
    public int payloadSize;

    /** Durability mode of the log. */
    @Param({"NONE"})
    public DurabilityMode mode;

    /** How far ahead of the writer pages are kept touched, in bytes. */
    @Param({"16777216"})
    public int pretouchBytes;

    private Path directory;
    private WalWriter writer;
    private PretouchThread toucher;
    private byte[] payload;

    /** Opens a fresh log and starts its pretouch thread. */
    @Setup(Level.Iteration)
    public void open() {
        directory = BenchFiles.newDirectory("wal-pretouch-append");
        payload = BenchFiles.payload(payloadSize);
        writer = Wal.openWriter(WalConfig.builder(directory).durabilityMode(mode).pretouchBytes(pretouchBytes)
                .asyncPretouch(true).build());
        toucher = PretouchThread.start(writer.pretoucher());
    }

    /**
     * Stops the pretouch thread, closes and deletes the log, unmaps its segments.
     *
     * @throws InterruptedException if interrupted while joining the pretouch thread
     */
    @TearDown(Level.Iteration)
    public void close() throws InterruptedException {
        toucher.stop();
        writer.close();
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
}
