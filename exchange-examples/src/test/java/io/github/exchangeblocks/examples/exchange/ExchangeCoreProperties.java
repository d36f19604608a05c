package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.snapshot.Snapshot;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeCoreProperties {
    private static final VenueSettings VENUE = VenueSettings.builder().build();

    @Property(tries = 8)
    void shouldGiveTheSameEventsAndHashLiveReplayedFromTheJournalAndRestoredFromASnapshot(
            @ForAll long seed, @ForAll @IntRange(min = 7, max = 60) int snapshotInterval) throws Exception {
        Path dir = Files.createTempDirectory("core-props");
        try {
            DurabilityMode mode = seed % 2 == 0 ? DurabilityMode.NONE : DurabilityMode.GROUP;
            CoreConfig config = new CoreConfig(dir, mode, 256, snapshotInterval, 20261207, VENUE, List.of());
            List<ExchangeCommand> commands = RandomCommands.generate(seed, 300);
            AtomicLong clock = new AtomicLong(1_765_000_000_000_000_000L);
            EventLog live = new EventLog();
            long[] liveHash = new long[1];
            try (ExchangeCore core = ExchangeCore.start(config, live, () -> clock.addAndGet(1_000))) {
                live.state = core.state();
                for (int i = 0; i < commands.size(); i++) {
                    while (core.submit(commands.get(i), live, i) == RejectCode.EXCHANGE_BUSY) {
                        Thread.sleep(1);
                    }
                }
                core.await(s -> liveHash[0] = s.stateHash(), 10_000);
            }
            assertThat(live.lines.stream().filter(l -> l.startsWith("result")).count()).isEqualTo(commands.size());
            assertThat(live.lines.stream().filter(l -> l.startsWith("trade")).count()).isPositive();

            EventLog replayed = new EventLog();
            ExchangeState fromJournal = new ExchangeState(VENUE, 20261207, replayed);
            replayed.state = fromJournal;
            replay(dir, fromJournal, replayed, 1);
            assertThat(replayed.lines).isEqualTo(live.lines);
            assertThat(fromJournal.stateHash()).isEqualTo(liveHash[0]);

            Snapshot snapshot = new SnapshotStore(dir.resolve("snapshots")).loadLatest();
            assertThat(snapshot).isNotNull();
            EventLog tail = new EventLog();
            ExchangeState fromSnapshot = ExchangeState.restore(VENUE, snapshot.data(), tail);
            tail.state = fromSnapshot;
            replay(dir, fromSnapshot, tail, snapshot.sequence() + 1);
            int cut = live.lines.indexOf(live.lines.stream()
                    .filter(l -> l.startsWith("result seq=" + snapshot.sequence() + " ")).findFirst().orElseThrow());
            assertThat(tail.lines).isEqualTo(live.lines.subList(cut + 1, live.lines.size()));
            assertThat(fromSnapshot.stateHash()).isEqualTo(liveHash[0]);

            try (ExchangeCore restarted = ExchangeCore.start(config, new ExchangeListener() {
            }, () -> clock.addAndGet(1_000))) {
                long[] hash = new long[1];
                restarted.await(s -> hash[0] = s.stateHash(), 10_000);
                assertThat(hash[0]).isEqualTo(liveHash[0]);
            }
        } finally {
            delete(dir);
        }
    }

    private static void replay(Path dir, ExchangeState state, EventLog log, long from) {
        Wal.openReader(dir.resolve("wal")).replay(from, record -> {
            CommandCodec.Journaled journaled = CommandCodec.decode(record.type(), record.buffer(),
                    record.payloadOffset());
            RejectCode code = state.apply(journaled.timestampNs(), journaled.command());
            log.onResult(0, record.sequence(), code, code == null ? "accepted" : state.resultMessage());
        });
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
