package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Push-to-peek wake-up latency. A consumer thread keeps one peek parked; the producer thread pushes a quote and
 * the manager completes the parked peek through the listener. Two figures per push, recorded in HdrHistogram:
 * <ul>
 *   <li>{@code push->callback}: from just before {@code pushQuote} to the listener call (which runs on the
 *       producer thread, since the peek was parked);</li>
 *   <li>{@code push->consumer}: to the moment a consumer thread spinning on a volatile sees the answer, i.e. a
 *       cross-thread hand-off as a host would do it.</li>
 * </ul>
 * The producer waits until the consumer has re-parked its peek before the next push, so every push wakes a parked
 * peek. Usage: {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.diff.PeekWakeupLatency [pushes]}.
 */
public final class PeekWakeupLatency {
    private static volatile long pushStartNs;
    private static volatile long callbackNs;
    private static volatile List<JsonObject> answer;
    private static volatile boolean reparked;

    private PeekWakeupLatency() {
    }

    /**
     * Runs the measurement and prints percentiles in microseconds.
     *
     * @param args optional number of measured pushes (default 200,000; the same number again is warm-up)
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        DiffSnapshotManager manager = new DiffSnapshotManager();
        DiffSession session = manager.openSession((s, patches) -> {
            callbackNs = System.nanoTime();
            answer = patches;
        });
        manager.subscribeQuotes(session, new SubscribeQuote("SHFE.cu2512", List.of("SHFE.cu2512")));
        session.peek();
        answer = null;
        Histogram toCallback = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        Histogram toConsumer = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        int total = pushes * 2;
        Thread consumer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                session.peek();
                reparked = true;
                List<JsonObject> seen;
                while ((seen = answer) == null) {
                    Thread.onSpinWait();
                }
                long now = System.nanoTime();
                answer = null;
                if (i >= pushes && seen != null) {
                    toConsumer.recordValue(now - pushStartNs);
                    toCallback.recordValue(callbackNs - pushStartNs);
                }
            }
        }, "consumer");
        consumer.start();
        JsonObject[] quotes = {new JsonObject().put("last_price", 1L), new JsonObject().put("last_price", 2L)};
        for (int i = 0; i < total; i++) {
            while (!reparked) {
                Thread.onSpinWait();
            }
            reparked = false;
            pushStartNs = System.nanoTime();
            manager.pushQuote("SHFE.cu2512", quotes[i & 1]);
        }
        consumer.join();
        print("push->callback", toCallback);
        print("push->consumer", toConsumer);
    }

    private static void print(String name, Histogram histogram) {
        System.out.printf("%s: count=%d p50=%.2fus p90=%.2fus p99=%.2fus p99.9=%.2fus max=%.2fus%n", name,
                histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(90) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3);
    }
}
