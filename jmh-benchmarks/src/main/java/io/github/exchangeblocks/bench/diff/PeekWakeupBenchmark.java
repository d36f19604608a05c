package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Push-to-callback latency distribution (SampleTime, so JMH reports percentiles): with a peek parked, one quote
 * push completes it through the listener, then the peek is parked again. Single-threaded; the cross-thread
 * hand-off is measured by {@link PeekWakeupLatency}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PeekWakeupBenchmark {
    private DiffSnapshotManager manager;
    private DiffSession session;
    private final JsonObject[] quotes = {new JsonObject().put("last_price", 1L), new JsonObject().put("last_price", 2L)};
    private int next;
    private int answers;

    /** Opens a subscribed session and parks its peek. */
    @Setup
    public void setUp() {
        manager = new DiffSnapshotManager();
        session = manager.openSession((s, patches) -> answers++);
        manager.subscribeQuotes(session, new SubscribeQuote("SHFE.cu2512", List.of("SHFE.cu2512")));
        session.peek();
        session.peek();
    }

    /**
     * One push that wakes the parked peek, then the next peek.
     *
     * @return the number of answers so far
     */
    @Benchmark
    public int pushWakesParkedPeek() {
        manager.pushQuote("SHFE.cu2512", quotes[next++ & 1]);
        session.peek();
        return answers;
    }
}
