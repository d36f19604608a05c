package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.CancelOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.InsertOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeCoreTest {
    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_765_000_000_000_000_000L);

    private long tick() {
        return clock.addAndGet(1_000);
    }

    /** Collects results by correlation id. */
    static final class Results implements CommandSource {
        final ConcurrentHashMap<Long, String> byId = new ConcurrentHashMap<>();
        final CountDownLatch latch;

        Results(int expected) {
            latch = new CountDownLatch(expected);
        }

        @Override
        public void onResult(long correlationId, long sequence, RejectCode code, CharSequence message) {
            byId.put(correlationId, (code == null ? "OK" : code.name()) + " seq=" + sequence + " " + message);
            latch.countDown();
        }

        void await() throws InterruptedException {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    static InsertOrder order(String user, String clientId, Side side, long price, long volume, TimeInForce tif) {
        return new InsertOrder(user, clientId, Defaults.COPPER.instrumentId(), side, Offset.AUTO, OrderType.LIMIT,
                tif, price, volume, 0);
    }

    @Test
    void shouldAcknowledgeAfterJournalingAndRecoverTheSameStateWhenRestarted() throws Exception {
        CoreConfig config = Defaults.config(dir);
        long hash;
        try (ExchangeCore core = ExchangeCore.start(config, new ExchangeListener() {
        }, this::tick)) {
            Results results = new Results(4);
            assertThat(core.submit(order("alice", "a1", Side.BUY, 7000, 2, TimeInForce.GTC), results, 1)).isNull();
            assertThat(core.submit(order("bob", "b1", Side.SELL, 7000, 1, TimeInForce.GTC), results, 2)).isNull();
            assertThat(core.submit(order("bob", "b1", Side.SELL, 7000, 1, TimeInForce.GTC), results, 3)).isNull();
            assertThat(core.submit(new CancelOrder("bob", "a1"), results, 4)).isNull();
            results.await();
            // The bootstrap took sequences 1..10 (3 instruments x 2, 2 users x 2).
            assertThat(results.byId).containsEntry(1L, "OK seq=11 accepted").containsEntry(2L, "OK seq=12 accepted")
                    .containsEntry(3L, "EXCHANGE_DUPLICATE_CLIENT_ORDER_ID seq=13 clientOrderId=b1 is already used"
                            + " today by user=bob")
                    .containsEntry(4L, "UNKNOWN_ORDER seq=14 clientOrderId=a1 must name a working order of user=bob");
            long[] seen = new long[2];
            core.await(state -> {
                seen[0] = state.stateHash();
                seen[1] = state.orders("alice").get(0).volumeLeft();
            }, 5_000);
            assertThat(seen[1]).isEqualTo(1);
            hash = seen[0];
        }
        try (ExchangeCore core = ExchangeCore.start(config, new ExchangeListener() {
        }, this::tick)) {
            long[] seen = new long[1];
            java.util.concurrent.atomic.AtomicReference<List<OrderRecord>> orders =
                    new java.util.concurrent.atomic.AtomicReference<>();
            core.await(state -> {
                seen[0] = state.stateHash();
                orders.set(List.copyOf(state.orders("alice")));
            }, 5_000);
            assertThat(seen[0]).isEqualTo(hash);
            assertThat(orders.get()).singleElement().satisfies(o -> {
                assertThat(o.alive()).isTrue();
                assertThat(o.volumeLeft()).isEqualTo(1);
            });
            assertThat(core.appliedSequence()).isEqualTo(14);
        }
    }

    @Test
    void shouldFinishABootstrapThatACrashCutShort() throws Exception {
        CoreConfig config = Defaults.config(dir.resolve("cut"));
        long startNs = 1_765_000_000_000_000_000L;
        // A first start killed while it journaled the bootstrap: only its first three commands reached the journal.
        Path wal = config.dataDirectory().resolve("wal");
        java.nio.file.Files.createDirectories(wal);
        try (io.github.exchangeblocks.wal.WalWriter journal = io.github.exchangeblocks.wal.Wal.openWriter(
                io.github.exchangeblocks.wal.WalConfig.builder(wal).build())) {
            CommandCodec codec = new CommandCodec();
            for (ExchangeCommand command : config.bootstrap().subList(0, 3)) {
                int length = codec.encode(startNs, command);
                journal.append(CommandCodec.typeOf(command), codec.array(), 0, length);
            }
            journal.flush();
        }
        CoreConfig fresh = Defaults.config(dir.resolve("fresh"));
        long[] hashes = new long[2];
        // Both cores stamp the order at startNs + 1,000: the uninterrupted one reads its clock once more, for its
        // bootstrap (the resumed one finishes its bootstrap at the journal's time).
        AtomicLong resumedClock = new AtomicLong(startNs + 1_000);
        AtomicLong wholeClock = new AtomicLong(startNs);
        try (ExchangeCore resumed = ExchangeCore.start(config, new ExchangeListener() {
        }, () -> resumedClock.getAndAdd(1_000)); ExchangeCore whole = ExchangeCore.start(fresh,
                new ExchangeListener() {
                }, () -> wholeClock.getAndAdd(1_000))) {
            assertThat(resumed.appliedSequence()).isEqualTo(config.bootstrap().size());
            Results results = new Results(1);
            assertThat(resumed.submit(order("bob", "b1", Side.SELL, 7000, 1, TimeInForce.GTC), results, 1)).isNull();
            results.await();
            assertThat(results.byId.get(1L)).startsWith("OK seq=" + (config.bootstrap().size() + 1));
            resumed.await(state -> hashes[0] = state.venue().stateHash(), 5_000);
            Results wholeResults = new Results(1);
            whole.submit(order("bob", "b1", Side.SELL, 7000, 1, TimeInForce.GTC), wholeResults, 1);
            wholeResults.await();
            whole.await(state -> hashes[1] = state.venue().stateHash(), 5_000);
        }
        assertThat(hashes[0]).as("the venue after a resumed bootstrap equals one after an uninterrupted one")
                .isEqualTo(hashes[1]);
        try (ExchangeCore again = ExchangeCore.start(config, new ExchangeListener() {
        }, this::tick)) {
            assertThat(again.appliedSequence()).as("a finished bootstrap is not journaled twice")
                    .isEqualTo(config.bootstrap().size() + 1);
        }
    }

    @Test
    void shouldAnswerBusyAtOnceWhenTheRingIsFull() throws Exception {
        CoreConfig config = ringOf64();
        CountDownLatch release = new CountDownLatch(1);
        try (ExchangeCore core = ExchangeCore.start(config, new ExchangeListener() {
        }, this::tick)) {
            holdTheEngine(core, release);
            int queued = 0;
            RejectCode last = null;
            for (int i = 0; i < 200 && last == null; i++) {
                last = core.submit(order("alice", "x" + i, Side.BUY, 6000, 1, TimeInForce.GTC), null, i);
                if (last == null) {
                    queued++;
                }
            }
            assertThat(last).isEqualTo(RejectCode.EXCHANGE_BUSY);
            assertThat(queued).isBetween(63, 64);
            release.countDown();
        }
        assertThat(Defaults.config(dir).bootstrap()).isNotEmpty();
    }

    @Test
    void shouldQueueAnAwaitedReadOnceAFullRingDrainsAndGiveUpWhenItDoesNotDrainInTime() throws Exception {
        CoreConfig config = ringOf64();
        CountDownLatch release = new CountDownLatch(1);
        try (ExchangeCore core = ExchangeCore.start(config, new ExchangeListener() {
        }, this::tick)) {
            long bootstrapped = core.appliedSequence();
            holdTheEngine(core, release);
            int i = 0;
            while (core.submit(order("alice", "w" + i, Side.BUY, 6000, 1, TimeInForce.GTC), null, i) == null) {
                i++;
            }
            long triedFrom = System.nanoTime();
            assertThatThrownBy(() -> core.await(state -> { }, 50))
                    .isInstanceOf(IllegalStateException.class).hasMessage("query not queued: EXCHANGE_BUSY");
            assertThat(System.nanoTime() - triedFrom).as("it kept trying for its whole timeout")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> core.await(state -> { }, 10_000))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted while waiting to queue a query");
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
            long[] applied = new long[1];
            Thread releaser = new Thread(() -> {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                release.countDown();
            });
            releaser.start();
            core.await(state -> applied[0] = core.appliedSequence(), 10_000);
            releaser.join();
            assertThat(applied[0]).as("the read ran after every order queued before it")
                    .isEqualTo(bootstrapped + i);
        }
    }

    /** The default configuration with a ring of 64 slots and no periodic snapshots. */
    private CoreConfig ringOf64() {
        CoreConfig defaults = Defaults.config(dir);
        return new CoreConfig(dir, defaults.durability(), 64, 0, defaults.firstTradingDay(), defaults.venue(),
                defaults.bootstrap());
    }

    /** Queues a read that keeps the engine thread busy until {@code release} opens (10 s at most). */
    private static void holdTheEngine(ExchangeCore core, CountDownLatch release) {
        assertThat(core.query(state -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).isNull();
    }

    @Test
    void shouldAnswerACommandTooLongForTheJournalWithoutJournalingIt() throws Exception {
        CoreConfig config = Defaults.config(dir);
        try (ExchangeCore core = ExchangeCore.start(config, new ExchangeListener() {
        }, this::tick)) {
            Results results = new Results(2);
            String tooLong = "c".repeat(70_000);
            assertThat(core.submit(order("alice", tooLong, Side.BUY, 7000, 1, TimeInForce.GTC), results, 1)).isNull();
            assertThat(core.submit(order("alice", "a1", Side.BUY, 7000, 1, TimeInForce.GTC), results, 2)).isNull();
            results.await();
            assertThat(results.byId).containsEntry(1L, "EXCHANGE_INVALID_COMMAND seq=0 string of 70000 UTF-8 bytes"
                    + " must be at most 65534").containsEntry(2L, "OK seq=11 accepted");
            assertThat(core.appliedSequence()).isEqualTo(11);
        }
    }

    @Test
    void shouldRefuseANullCommandAtOnceAndStopAcceptingWhenClosed() {
        ExchangeCore core = ExchangeCore.start(Defaults.config(dir), new ExchangeListener() {
        }, this::tick);
        assertThat(core.submit(null, null, 1)).isEqualTo(RejectCode.EXCHANGE_INVALID_COMMAND);
        core.close();
        assertThat(core.submit(new CancelOrder("alice", "x"), null, 2)).isEqualTo(RejectCode.EXCHANGE_STOPPED);
        assertThat(core.appliedSequence()).isEqualTo(10);
    }

    @Test
    void shouldJournalIntoSegmentsOf16MiB() throws IOException {
        try (ExchangeCore core = ExchangeCore.start(Defaults.config(dir), new ExchangeListener() {
        }, this::tick)) {
            assertThat(core.appliedSequence()).isEqualTo(10);
        }
        try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".wal")).map(ExchangeCoreTest::size))
                    .containsExactly(16L << 20);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
