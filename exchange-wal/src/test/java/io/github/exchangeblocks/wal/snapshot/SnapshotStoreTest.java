package io.github.exchangeblocks.wal.snapshot;

import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import io.github.exchangeblocks.wal.WalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadTheNewestSnapshotWhenSeveralExist() {
        SnapshotStore store = new SnapshotStore(dir);
        store.write(10, bytes("ten"), 0, 3);
        store.write(25, bytes("xtwenty-fivex"), 1, 11);
        Snapshot latest = store.loadLatest();
        assertThat(latest.sequence()).isEqualTo(25);
        assertThat(new String(latest.data(), StandardCharsets.US_ASCII)).isEqualTo("twenty-five");
        assertThat(store.sequences()).containsExactly(10, 25);
        assertThat(dir.resolve("snapshot-00000000000000000025.snap")).exists();
    }

    @Test
    void shouldFallBackToAnOlderSnapshotWhenTheNewestFailsItsChecksum() throws IOException {
        SnapshotStore store = new SnapshotStore(dir);
        store.write(10, bytes("ten"), 0, 3);
        Path newest = store.write(20, bytes("twenty"), 0, 6);
        byte[] content = Files.readAllBytes(newest);
        content[content.length - 1] ^= 0x10;
        Files.write(newest, content);
        assertThat(SnapshotDescriptor.validate(ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN), 20))
                .isEqualTo("payloadCrc does not match the payload");
        assertThat(store.load(20)).isNull();
        assertThat(store.loadLatest().sequence()).isEqualTo(10);
    }

    @Test
    void shouldIgnoreALeftoverTemporaryFileWhenLoading() throws IOException {
        SnapshotStore store = new SnapshotStore(dir);
        store.write(5, bytes("five"), 0, 4);
        Path leftover = dir.resolve("snapshot-00000000000000000009.snap.tmp");
        Files.write(leftover, bytes("partial"));
        assertThat(store.loadLatest().sequence()).isEqualTo(5);
        assertThat(store.retainNewest(1)).isZero();
        assertThat(new SnapshotStore(dir).loadLatest().sequence()).isEqualTo(5);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void shouldRejectInvalidArgumentsWithMessage() {
        SnapshotStore store = new SnapshotStore(dir);
        assertThatThrownBy(() -> store.write(-1, new byte[1], 0, 1)).hasMessage("sequence=-1 must be >= 0");
        assertThatThrownBy(() -> store.write(1, new byte[1], 1, 1))
                .hasMessage("offset=1 length=1 must lie inside data of 1 bytes");
        assertThatThrownBy(() -> store.retainNewest(0)).hasMessage("keep=0 must be >= 1");
        assertThat(store.loadLatest()).isNull();
    }

    @Test
    void shouldRestoreSnapshotPlusLaterRecordsWhenRecovering() {
        Path log = dir.resolve("log");
        SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
        long state = 0;
        try (WalWriter writer = Wal.openWriter(config(log))) {
            for (int i = 1; i <= 300; i++) {
                writer.append(0, longBytes(i), 0, 8);
                state += i;
                if (i == 200) {
                    store.write(writer.lastSequence(), longBytes(state), 0, 8);
                    assertThat(writer.deleteSegmentsCoveredBy(200)).isPositive();
                }
            }
        }
        assertThat(store.retainNewest(1)).isZero();
        long[] restored = new long[1];
        long last = Recovery.recover(store, log, s -> restored[0] = ByteBuffer.wrap(s.data()).order(ByteOrder.LITTLE_ENDIAN).getLong(),
                r -> restored[0] += r.getLong(0));
        assertThat(last).isEqualTo(300);
        assertThat(restored[0]).isEqualTo(state);
    }

    @Test
    void shouldDeleteOnlySegmentsWhollyCoveredWhenRetaining() throws IOException {
        Path log = dir.resolve("log");
        try (WalWriter writer = Wal.openWriter(config(log))) {
            for (int i = 1; i <= 1000; i++) {
                writer.append(0, longBytes(i), 0, 8);
            }
            List<Long> before = bases(log);
            long covered = before.get(3) + 1;
            int deleted = writer.deleteSegmentsCoveredBy(covered);
            assertThat(deleted).isEqualTo(3);
            assertThat(bases(log)).isEqualTo(before.subList(3, before.size()));
            assertThat(writer.firstSequence()).isEqualTo(before.get(3));
            assertThat(writer.deleteSegmentsCoveredBy(Long.MAX_VALUE)).isEqualTo(before.size() - 4);
            assertThat(bases(log)).hasSize(1);
            writer.append(0, longBytes(1001), 0, 8);
        }
        List<Long> sequences = new ArrayList<>();
        long first = bases(log).get(0);
        Wal.openReader(log).replay(first, r -> sequences.add(r.sequence()));
        assertThat(sequences).endsWith(1000L, 1001L).startsWith(first);
        assertThatThrownBy(() -> Wal.openReader(log).replay(1, r -> sequences.clear()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseRecoveryWhenTheSnapshotIsAheadOfTheLog() {
        Path log = dir.resolve("log");
        try (WalWriter writer = Wal.openWriter(config(log))) {
            writer.append(0, longBytes(1), 0, 8);
        }
        SnapshotStore store = new SnapshotStore(dir);
        store.write(5, longBytes(5), 0, 8);
        assertThatThrownBy(() -> Recovery.recover(store, log, s -> { }, r -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ends at 1");
    }

    private static WalConfig config(Path log) {
        return WalConfig.builder(log).segmentLength(WalConfig.MIN_SEGMENT_LENGTH).durabilityMode(DurabilityMode.GROUP)
                .build();
    }

    private static List<Long> bases(Path log) throws IOException {
        try (Stream<Path> files = Files.list(log)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wal")).sorted()
                    .map(n -> Long.parseLong(n.substring(0, 20))).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }
}
