package io.github.exchangeblocks.wal;

import io.github.exchangeblocks.wal.snapshot.Recovery;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way of reading a log meets each shape of damage before the tail the same way: a
 * {@link WalCorruptionException} naming the damaged record's file, offset and sequence, never a silently
 * shortened history.
 */
class DamagePathsTest {
    /** How one record is damaged. */
    enum Shape {
        ZEROED_LENGTH, ZEROED_HEADER, BAD_CRC, LENGTH_PAST_SEGMENT_END
    }

    /** Which segment holds the damaged record; either way valid records follow it. */
    enum Where {
        LAST_SEGMENT, EARLIER_SEGMENT
    }

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            for (Where where : Where.values()) {
                cases.add(Arguments.of(shape, where));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void shouldRefuseOnEveryPathWhenARecordBeforeTheTailIsDamaged(Shape shape, Where where) {
        LogLayout.Frame victim = damage(writeLog(), shape, where);

        expectDamageAt(victim, () -> Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE)).close());
        expectDamageAt(victim, () -> Wal.verify(dir));
        AtomicInteger replayed = new AtomicInteger();
        expectDamageAt(victim, () -> Wal.openReader(dir).replay(1, r -> replayed.incrementAndGet()));
        assertThat(replayed.get()).as("records before the damage are delivered first")
                .isEqualTo((int) victim.sequence() - 1);
        expectDamageAt(victim, () -> Wal.openReader(dir).replay(victim.sequence(), r -> { }));
        expectDamageAt(victim, () -> {
            WalTailer tailer = Wal.openTailer(dir, 1);
            int polls = (int) victim.sequence() + WalConfig.MIN_SEGMENT_LENGTH / WalTailer.SCAN_BYTES_PER_POLL + 2;
            for (int i = 0; i < polls; i++) {
                tailer.poll(r -> { }, 7);
                assertThat(tailer.nextSequence()).isLessThanOrEqualTo(victim.sequence());
            }
        });
        SnapshotStore noSnapshots = new SnapshotStore(dir.resolve("no-snapshots"));
        expectDamageAt(victim, () -> Recovery.recover(noSnapshots, dir, s -> replayed.set(-1),
                r -> replayed.set(-1)));
        SnapshotStore snapshots = new SnapshotStore(dir.resolve("snapshots"));
        snapshots.write(victim.sequence() - 2, new byte[] {1, 2, 3}, 0, 3);
        expectDamageAt(victim, () -> Recovery.recover(snapshots, dir, s -> replayed.set(-1),
                r -> replayed.set(-1)));
        assertThat(replayed.get()).as("Recovery hands nothing over from a damaged log").isNotNegative();
    }

    @Test
    void shouldThrowWhenReplayMeetsAZeroedLengthWordFollowedByFifteenValidRecords() {
        WalConfig config = WalConfig.builder(dir).segmentLength(64 * 1024).durabilityMode(DurabilityMode.NONE)
                .build();
        try (WalWriter writer = Wal.openWriter(config)) {
            for (int i = 0; i < 24; i++) {
                TestRecords.appendExpected(writer);
            }
        }
        LogLayout.Frame ninth = LogLayout.frames(dir).get(8);
        byte[] bytes = LogLayout.read(ninth.file());
        Arrays.fill(bytes, ninth.start(), ninth.start() + Integer.BYTES, (byte) 0);
        LogLayout.write(ninth.file(), bytes);
        List<Long> seen = new ArrayList<>();
        WalCorruptionException e = catchThrowableOfType(WalCorruptionException.class,
                () -> Wal.openReader(dir).replay(1, r -> seen.add(r.sequence())));
        assertThat(e).isNotNull();
        assertThat(e.sequence()).isEqualTo(9);
        assertThat(e.getMessage()).contains("frameLength=0: record never written; yet a valid record follows");
        assertThat(seen).hasSize(8);
    }

    private void expectDamageAt(LogLayout.Frame victim, ThrowingRunnable path) {
        WalCorruptionException e = catchThrowableOfType(WalCorruptionException.class, path::run);
        assertThat(e).as("damage at sequence %d", victim.sequence()).isNotNull();
        assertThat(e.file()).isEqualTo(victim.file());
        assertThat(e.offset()).isEqualTo(victim.start());
        assertThat(e.sequence()).isEqualTo(victim.sequence());
        assertThat(e.getMessage()).contains("yet a valid record follows at offset");
    }

    /** A log of at least two segments whose last segment holds at least five records. */
    private List<LogLayout.Frame> writeLog() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            for (int i = 0; i < 40; i++) {
                TestRecords.appendExpected(writer);
            }
            while (framesInLastSegment() < 5) {
                TestRecords.appendExpected(writer);
            }
        }
        assertThat(TestRecords.segments(dir)).hasSizeGreaterThan(1);
        return LogLayout.frames(dir);
    }

    private long framesInLastSegment() {
        List<Path> segments = TestRecords.segments(dir);
        Path last = segments.get(segments.size() - 1);
        return LogLayout.frames(dir).stream().filter(f -> f.file().equals(last)).count();
    }

    private static LogLayout.Frame damage(List<LogLayout.Frame> frames, Shape shape, Where where) {
        Path lastFile = frames.get(frames.size() - 1).file();
        List<LogLayout.Frame> candidates = frames.stream()
                .filter(f -> f.file().equals(lastFile) == (where == Where.LAST_SEGMENT)).toList();
        LogLayout.Frame victim = candidates.get(candidates.size() / 2);
        if (where == Where.LAST_SEGMENT) {
            victim = candidates.get(candidates.size() - 3);
        }
        byte[] bytes = LogLayout.read(victim.file());
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (shape) {
            case ZEROED_LENGTH -> buffer.putInt(victim.start() + RecordDescriptor.LENGTH_OFFSET, 0);
            case ZEROED_HEADER -> Arrays.fill(bytes, victim.start(), victim.start() + RecordDescriptor.HEADER_LENGTH,
                    (byte) 0);
            case BAD_CRC -> buffer.putInt(victim.start() + RecordDescriptor.CRC_OFFSET,
                    ~buffer.getInt(victim.start() + RecordDescriptor.CRC_OFFSET));
            case LENGTH_PAST_SEGMENT_END -> buffer.putInt(victim.start() + RecordDescriptor.LENGTH_OFFSET,
                    bytes.length - victim.start() + RecordDescriptor.ALIGNMENT);
            default -> throw new AssertionError(shape);
        }
        LogLayout.write(victim.file(), bytes);
        return victim;
    }

    /** A path that may throw. */
    private interface ThrowingRunnable {
        void run();
    }
}
