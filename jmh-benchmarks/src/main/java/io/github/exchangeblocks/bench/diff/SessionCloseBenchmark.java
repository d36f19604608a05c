package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Closing every one of {@code sessions} sessions that share one instrument's quotes and one user's trade data, in
 * opening order (the order in which a list-backed index pays most). The score is the time to close them all: with
 * O(1) removal it grows linearly with {@code sessions}, so the ratio between the two parameters is about 10, not
 * about 100 as with the earlier list-backed indexes. {@link #listIndexesBaseline()} is the baseline: only the index
 * maintenance the earlier {@code closeSession} paid (removing each session from an {@code ArrayList} of the
 * instrument's subscribers and one of the user's sessions), without the rest of closing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SessionCloseBenchmark {
    private static final SubscribeQuote SUBSCRIBE = new SubscribeQuote("SHFE.cu2512", List.of("SHFE.cu2512"));

    @Param({"2000", "20000"})
    int sessions;

    private DiffSnapshotManager manager;
    private DiffSession[] open;
    private final List<DiffSession> quoteSubscribers = new ArrayList<>();
    private final List<DiffSession> userSessions = new ArrayList<>();

    /** Opens, subscribes and logs in the sessions (not timed). */
    @Setup(Level.Invocation)
    public void openSessions() {
        manager = new DiffSnapshotManager();
        open = new DiffSession[sessions];
        for (int i = 0; i < sessions; i++) {
            open[i] = manager.openSession((s, patches) -> { });
            manager.subscribeQuotes(open[i], SUBSCRIBE);
            manager.login(open[i], "user123");
        }
        quoteSubscribers.clear();
        userSessions.clear();
        quoteSubscribers.addAll(List.of(open));
        userSessions.addAll(List.of(open));
    }

    /**
     * Closes every session.
     *
     * @return the manager, so that the work is not dead
     */
    @Benchmark
    public DiffSnapshotManager closeAll() {
        for (DiffSession session : open) {
            manager.closeSession(session);
        }
        return manager;
    }

    /**
     * Baseline: removes every session from two list-backed indexes, as the earlier {@code closeSession} did.
     *
     * @return the emptied list, so that the work is not dead
     */
    @Benchmark
    public List<DiffSession> listIndexesBaseline() {
        for (DiffSession session : open) {
            quoteSubscribers.remove(session);
            userSessions.remove(session);
        }
        return userSessions;
    }
}
