package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.patch.MergePatch;
import jakarta.json.Json;
import jakarta.json.JsonMergePatch;
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
 * Applying a typical fill patch (~10 fields: an order's status and the account's money) to a trade snapshot of
 * {@code orders} orders. {@code oursInPlace} is the snapshot manager's path (cost of the patch);
 * {@code oursCopy} and {@code parsson} both produce a new document (Parsson's values are immutable, so it has no
 * in-place apply). Two alternating patches keep every apply a real change.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MergePatchApplyBenchmark {
    @Param("1000")
    int orders;

    private JsonObject snapshot;
    private final JsonObject[] patches = new JsonObject[2];
    private jakarta.json.JsonValue jakartaSnapshot;
    private final JsonMergePatch[] jakartaPatches = new JsonMergePatch[2];
    private int next;

    /** Builds the documents. */
    @Setup
    public void setUp() {
        snapshot = OrderSnapshots.snapshot(orders);
        jakartaSnapshot = OrderSnapshots.toJakarta(snapshot);
        for (int i = 0; i < 2; i++) {
            patches[i] = OrderSnapshots.fillPatch(orders / 2, i);
            jakartaPatches[i] = Json.createMergePatch(OrderSnapshots.toJakarta(patches[i]));
        }
    }

    /**
     * In-place apply into the mutable snapshot.
     *
     * @return the snapshot
     */
    @Benchmark
    public JsonValue oursInPlace() {
        return MergePatch.applyInPlace(snapshot, patches[next++ & 1]);
    }

    /**
     * Copying apply (a new document, like Parsson).
     *
     * @return the new document
     */
    @Benchmark
    public JsonValue oursCopy() {
        return MergePatch.apply(snapshot, patches[next++ & 1]);
    }

    /**
     * Parsson's {@code JsonMergePatch.apply}.
     *
     * @return the new document
     */
    @Benchmark
    public jakarta.json.JsonValue parsson() {
        return jakartaPatches[next++ & 1].apply(jakartaSnapshot);
    }
}
