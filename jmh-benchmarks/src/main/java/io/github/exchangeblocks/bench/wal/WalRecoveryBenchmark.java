package io.github.exchangeblocks.bench.wal;

import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.RecordHandler;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import io.github.exchangeblocks.wal.WalRecord;
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
 * Recovery scan speed: time to verify (every header, sequence and CRC-32C, as opening the writer does) and to
 * replay a {@value #LOG_BYTES}-byte log of records of {@code payloadSize} bytes, from the page cache. Scan speed
 * in bytes/s is {@value #LOG_BYTES} divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WalRecoveryBenchmark {
    /** Bytes of records written before measuring (four 64 MiB segments). */
    public static final long LOG_BYTES = 256L << 20;

    /** Payload bytes per record. */
    @Param({"64", "256"})
    public int payloadSize;

    private Path directory;
    private final Sum sum = new Sum();

    /** Fills a log of {@link #LOG_BYTES} bytes. */
    @Setup(Level.Trial)
    public void fill() {
        directory = BenchFiles.newDirectory("wal-recovery");
        byte[] payload = BenchFiles.payload(payloadSize);
        long recordBytes = 24 + ((payloadSize + 7) & -8);
        long records = LOG_BYTES / recordBytes;
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(directory).durabilityMode(DurabilityMode.NONE)
                .build())) {
            for (long i = 0; i < records; i++) {
                writer.append(1, payload, 0, payloadSize);
            }
            writer.flush();
        }
    }

    /** Deletes the log. */
    @TearDown(Level.Trial)
    public void delete() {
        BenchFiles.delete(directory);
    }

    /**
     * The open-time verification of the whole log.
     *
     * @return the last sequence
     */
    @Benchmark
    public long verify() {
        return Wal.verify(directory);
    }

    /**
     * Replay of every record through a handler that reads the first payload long.
     *
     * @return the last sequence
     */
    @Benchmark
    public long replay() {
        sum.total = 0;
        return Wal.openReader(directory).replay(1, sum) + sum.total;
    }

    /** Handler touching each record. */
    static final class Sum implements RecordHandler {
        long total;

        @Override
        public void onRecord(WalRecord record) {
            total += record.getLong(0);
        }
    }
}
