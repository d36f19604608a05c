package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sustained quote pushes into {@code sessions} sessions with coalescing: every session subscribes to the same
 * {@link #INSTRUMENTS} instruments and nobody peeks, so each push composes a ~10-field quote patch into every
 * session's pending patch. One operation is one patch composed into one session (the score is patches per
 * second).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SessionFanOutBenchmark {
    static final int SESSIONS = 10_000;
    private static final List<String> INSTRUMENTS = List.of("SHFE.cu2512", "SHFE.rb2601", "CFFEX.IF2512");

    @Param("10000")
    int sessions;

    private DiffSnapshotManager manager;
    private final JsonObject[] quotes = new JsonObject[64];
    private int next;

    /** Opens the sessions, subscribes them and drains their first answer. */
    @Setup
    public void setUp() {
        if (sessions != SESSIONS) {
            throw new IllegalArgumentException("sessions=" + sessions + " must be " + SESSIONS
                    + " (it is the @OperationsPerInvocation factor)");
        }
        manager = new DiffSnapshotManager();
        SubscribeQuote subscribe = new SubscribeQuote(String.join(",", INSTRUMENTS), INSTRUMENTS);
        for (int i = 0; i < sessions; i++) {
            DiffSession session = manager.openSession((s, patches) -> { });
            manager.subscribeQuotes(session, subscribe);
            session.peek();
        }
        for (int i = 0; i < quotes.length; i++) {
            quotes[i] = new JsonObject().put("datetime", "2025-10-06 14:30:00." + (100_000 + i))
                    .put("last_price", JsonNumber.of(BigDecimal.valueOf(7_523_000 + i, 1)))
                    .put("ask_price1", JsonNumber.of(BigDecimal.valueOf(7_523_100 + i, 1)))
                    .put("bid_price1", JsonNumber.of(BigDecimal.valueOf(7_522_900 + i, 1)))
                    .put("ask_volume1", 5 + i).put("bid_volume1", 10 + i).put("volume", 123_456 + i)
                    .put("amount", JsonNumber.of(BigDecimal.valueOf(92_345_678_900L + i, 1)))
                    .put("open_interest", 45_678 + i).put("highest", JsonNumber.of(new BigDecimal("75500.0")));
        }
    }

    /** One quote pushed to all sessions. */
    @Benchmark
    @OperationsPerInvocation(SESSIONS)
    public void pushQuote() {
        int n = next++;
        manager.pushQuote(INSTRUMENTS.get(n % INSTRUMENTS.size()), quotes[n & (quotes.length - 1)]);
    }
}
