package io.github.exchangeblocks.bench.wal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
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
 * Reference for the no-sync case: Chronicle Queue's appender writing the same payload as
 * {@link WalAppendBenchmark} ({@code writeBytes} of a preallocated direct {@code Bytes}), default roll cycle,
 * no fsync. Chronicle needs JVM flags on JDK 17+; they are given to this benchmark's fork only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChronicleAppendBenchmark {
    /** Payload bytes per record. */
    @Param({"64", "256"})
    public int payloadSize;

    private Path directory;
    private ChronicleQueue queue;
    private ExcerptAppender appender;
    private Bytes<?> bytes;

    /** Opens a fresh queue. */
    @Setup(Level.Iteration)
    public void open() {
        directory = BenchFiles.newDirectory("chronicle-append");
        queue = ChronicleQueue.singleBuilder(directory).build();
        appender = queue.createAppender();
        bytes = Bytes.allocateDirect(payloadSize);
        bytes.write(BenchFiles.payload(payloadSize));
    }

    /** Closes and deletes the queue; collects garbage as the WAL benchmarks do between iterations. */
    @TearDown(Level.Iteration)
    public void close() {
        appender.close();
        queue.close();
        bytes.releaseLast();
        BenchFiles.delete(directory);
        BenchFiles.releaseMappings();
    }

    /**
     * One excerpt of {@code payloadSize} bytes.
     *
     * @return the index appended
     */
    @Benchmark
    public long chronicleAppend() {
        appender.writeBytes(bytes);
        return appender.lastIndexAppended();
    }
}
