package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.patch.MergePatch;
import jakarta.json.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Diffing two trade snapshots of {@code orders} orders that differ by one fill (~10 fields), ours against
 * Parsson's {@code Json.createMergeDiff}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MergePatchDiffBenchmark {
    @Param("1000")
    int orders;

    private JsonObject source;
    private JsonValue target;
    private jakarta.json.JsonValue jakartaSource;
    private jakarta.json.JsonValue jakartaTarget;

    /** Builds the two documents. */
    @Setup
    public void setUp() {
        source = OrderSnapshots.snapshot(orders);
        target = MergePatch.apply(source, OrderSnapshots.fillPatch(orders / 2, 0));
        jakartaSource = OrderSnapshots.toJakarta(source);
        jakartaTarget = OrderSnapshots.toJakarta((JsonObject) target);
    }

    /**
     * Our diff.
     *
     * @return the patch
     */
    @Benchmark
    public JsonValue ours() {
        return MergePatch.diff(source, target);
    }

    /**
     * Parsson's merge diff.
     *
     * @return the patch
     */
    @Benchmark
    public jakarta.json.JsonValue parsson() {
        return Json.createMergeDiff(jakartaSource, jakartaTarget).toJsonValue();
    }
}
