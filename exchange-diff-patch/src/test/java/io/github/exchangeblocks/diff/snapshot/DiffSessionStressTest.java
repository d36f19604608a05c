package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.patch.MergePatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One producer thread pushing trade and quote changes while several consumer threads peek their sessions in a
 * loop, as I/O threads do. Every consumer must end with exactly the producer's final snapshot for each of its
 * sessions: a lost wake-up leaves a parked peek unanswered while changes are pending and fails the test by timeout;
 * a lost or reordered change fails the comparison.
 */
class DiffSessionStressTest {
    private static final int SESSIONS = 48;
    private static final int USERS = 6;
    private static final int CONSUMERS = 3;
    private static final int PUSHES = 60_000;
    private static final String[] INSTRUMENTS = {"SHFE.cu2512", "CFFEX.IF2512", "DCE.m2601"};
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(20);

    private static final class Probe {
        final ConcurrentLinkedQueue<List<JsonObject>> answers = new ConcurrentLinkedQueue<>();
        DiffSession session;
        JsonValue replica = new JsonObject();
        boolean peekOutstanding;
        long answered;
    }

    @Test
    void shouldDeliverEveryChangeWithoutLostWakeUpsWhenProducerAndConsumersRace() throws Exception {
        DiffSnapshotManager manager = new DiffSnapshotManager();
        AtomicLong completedByProducer = new AtomicLong();
        AtomicLong completedByConsumers = new AtomicLong();
        List<Probe> probes = new ArrayList<>();
        SubscribeQuote subscribe = (SubscribeQuote) ClientMessageDecoder.decode(
                "{\"aid\":\"subscribe_quote\",\"ins_list\":\"SHFE.cu2512,CFFEX.IF2512,DCE.m2601\"}");
        for (int i = 0; i < SESSIONS; i++) {
            Probe probe = new Probe();
            probe.session = manager.openSession((session, patches) -> {
                if (Thread.currentThread().getName().equals("producer")) {
                    completedByProducer.incrementAndGet();
                } else {
                    completedByConsumers.incrementAndGet();
                }
                probe.answers.add(patches);
            });
            manager.login(probe.session, "u" + (i % USERS));
            manager.subscribeQuotes(probe.session, subscribe);
            probes.add(probe);
        }
        AtomicReference<List<JsonObject>> expected = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch consumersDone = new CountDownLatch(CONSUMERS);

        Thread producer = new Thread(() -> {
            Random random = new Random(42);
            for (int n = 0; n < PUSHES; n++) {
                if (random.nextInt(3) == 0) {
                    manager.pushQuote(INSTRUMENTS[random.nextInt(INSTRUMENTS.length)],
                            new JsonObject().put("last_price", 75_000 + random.nextInt(100)).put("volume", n));
                } else {
                    String order = "o" + random.nextInt(20);
                    JsonObject patch = random.nextInt(10) == 0
                            ? new JsonObject().put("orders", new JsonObject().put(order,
                                    JsonNull.INSTANCE))
                            : DiffLayout.entry(DiffLayout.ORDERS, order,
                                    new JsonObject().put("volume_left", random.nextInt(10)).put("seq", n));
                    manager.pushTrade("u" + random.nextInt(USERS), patch);
                }
            }
            List<JsonObject> finals = new ArrayList<>();
            for (Probe probe : probes) {
                finals.add(manager.entitledSnapshot(probe.session));
            }
            expected.set(finals);
        }, "producer");

        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            int first = c;
            consumers.add(new Thread(() -> {
                try {
                    consume(probes, first, expected);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    consumersDone.countDown();
                }
            }, "consumer-" + c));
        }
        consumers.forEach(Thread::start);
        producer.start();

        producer.join(TimeUnit.NANOSECONDS.toMillis(TIMEOUT_NS));
        assertThat(producer.isAlive()).as("producer finished").isFalse();
        assertThat(consumersDone.await(TIMEOUT_NS, TimeUnit.NANOSECONDS)).as("consumers finished").isTrue();
        assertThat(failure.get()).isNull();
        for (int i = 0; i < SESSIONS; i++) {
            assertThat(probes.get(i).replica).as("session %d", i).isEqualTo(expected.get().get(i));
            assertThat(probes.get(i).answered).isGreaterThan(0);
        }
        assertThat(completedByProducer.get()).as("parked peeks woken by the producer").isPositive();
        assertThat(completedByConsumers.get()).as("peeks answered at once by consumers").isPositive();
    }

    private static void consume(List<Probe> probes, int first, AtomicReference<List<JsonObject>> expected) {
        long deadline = System.nanoTime() + TIMEOUT_NS;
        while (System.nanoTime() < deadline) {
            boolean allMatch = expected.get() != null;
            for (int i = first; i < probes.size(); i += CONSUMERS) {
                Probe probe = probes.get(i);
                List<JsonObject> answer;
                while ((answer = probe.answers.poll()) != null) {
                    assertThat(answer).isNotEmpty();
                    for (JsonObject patch : answer) {
                        probe.replica = MergePatch.apply(probe.replica, patch);
                    }
                    probe.peekOutstanding = false;
                    probe.answered++;
                }
                if (!probe.peekOutstanding) {
                    probe.peekOutstanding = true;
                    probe.session.peek();
                }
                List<JsonObject> finals = expected.get();
                allMatch &= finals != null && probe.replica.equals(finals.get(i));
            }
            if (allMatch) {
                return;
            }
            Thread.yield();
        }
        throw new AssertionError("consumer " + first + " did not converge: a wake-up or a change was lost");
    }
}
