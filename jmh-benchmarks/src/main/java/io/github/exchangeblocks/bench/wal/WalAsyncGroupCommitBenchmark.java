package io.github.exchangeblocks.bench.wal;

import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import io.github.exchangeblocks.wal.WalFlusher;
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
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit made durable with the asynchronous flusher: the benchmark thread appends while a second thread
 * runs {@link WalFlusher#doWork()} in a loop (parking 20 us when idle), each force covering everything appended
 * before it. The iteration tear-down waits until every appended record is durable (not timed); compare with
 * {@code WalAppendBenchmark} {@code mode=GROUP}, whose writer forces every 1,024 records itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WalAsyncGroupCommitBenchmark {
    /** Payload bytes per record. */
    @Param({"64", "256"})
    public int payloadSize;

    private Path directory;
    private WalWriter writer;
    private byte[] payload;
    private Thread flusherThread;
    private volatile boolean running;

    /** Opens a fresh log and starts the flusher thread. */
    @Setup(Level.Iteration)
    public void open() {
        directory = BenchFiles.newDirectory("wal-async-group");
        payload = BenchFiles.payload(payloadSize);
        writer = Wal.openWriter(WalConfig.builder(directory).asyncGroupCommit(true).build());
        WalFlusher flusher = writer.flusher();
        running = true;
        flusherThread = new Thread(() -> {
            while (running) {
                if (flusher.doWork() == 0) {
                    LockSupport.parkNanos(20_000);
                }
            }
        }, "wal-flusher");
        flusherThread.start();
    }

    /**
     * Waits until everything appended is durable, stops the flusher, deletes the log.
     *
     * @throws InterruptedException if interrupted while joining the flusher
     */
    @TearDown(Level.Iteration)
    public void close() throws InterruptedException {
        while (writer.durableSequence() < writer.lastSequence()) {
            LockSupport.parkNanos(100_000);
        }
        running = false;
        flusherThread.join();
        writer.close();
        BenchFiles.delete(directory);
        BenchFiles.releaseMappings();
    }

    /**
     * One append; durability follows asynchronously.
     *
     * @return the sequence
     */
    @Benchmark
    public long walAppendAsyncGroup() {
        return writer.append(1, payload, 0, payloadSize);
    }
}
