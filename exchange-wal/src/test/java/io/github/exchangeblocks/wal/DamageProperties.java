package io.github.exchangeblocks.wal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static io.github.exchangeblocks.wal.TestRecords.assertExpected;
import static io.github.exchangeblocks.wal.TestRecords.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DamageProperties {

    @Property(tries = 150)
    void shouldDetectDamageWhenOneBitFlipsInAnyRecordButTheLast(@ForAll @IntRange(min = 10, max = 60) int records,
                                                               @ForAll long seed) {
        Path dir = newLog(records);
        try {
            List<LogLayout.Frame> frames = LogLayout.frames(dir);
            SplittableRandom random = new SplittableRandom(seed);
            LogLayout.Frame victim = frames.get(random.nextInt(frames.size() - 1));
            byte[] bytes = LogLayout.read(victim.file());
            int bit = victim.start() * 8 + random.nextInt((victim.alignedEnd() - victim.start()) * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            LogLayout.write(victim.file(), bytes);

            WalCorruptionException onOpen = catchThrowableOfType(WalCorruptionException.class,
                    () -> Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE)));
            assertThat(onOpen).isNotNull();
            assertThat(onOpen.file()).isEqualTo(victim.file());
            assertThat(onOpen.offset()).isEqualTo(victim.start());
            assertThat(onOpen.sequence()).isEqualTo(victim.sequence());
            assertThat(onOpen.getMessage()).contains(victim.file().toString(), "offset " + victim.start(),
                    "sequence " + victim.sequence());
            assertThatThrownBy(() -> readAll(dir, 1)).isInstanceOf(WalCorruptionException.class);
            assertThat(LogLayout.read(victim.file())).isEqualTo(bytes);

            RepairResult repair = Wal.repair(dir);
            assertThat(repair.repaired()).isTrue();
            assertThat(repair.lastSequence()).isEqualTo(victim.sequence() - 1);
            try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
                assertThat(writer.lastSequence()).isEqualTo(victim.sequence() - 1);
                TestRecords.appendExpected(writer);
            }
            assertExpected(readAll(dir, 1), 1, victim.sequence());
        } finally {
            LogLayout.deleteRecursively(dir);
        }
    }

    @Property(tries = 100)
    void shouldTruncateOrRefuseWhenRandomGarbageOverwritesFromRandomOffset(
            @ForAll @IntRange(min = 5, max = 60) int records, @ForAll long seed) {
        Path dir = newLog(records);
        try {
            List<LogLayout.Frame> frames = LogLayout.frames(dir);
            List<Path> segments = TestRecords.segments(dir);
            SplittableRandom random = new SplittableRandom(seed);
            Path file = segments.get(random.nextInt(segments.size()));
            boolean lastSegment = file.equals(segments.get(segments.size() - 1));
            byte[] bytes = LogLayout.read(file);
            int from = SegmentDescriptor.HEADER_LENGTH + random.nextInt(bytes.length - SegmentDescriptor.HEADER_LENGTH);
            for (int i = from; i < bytes.length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            LogLayout.write(file, bytes);

            LogLayout.Frame firstHit = null;
            long lastInFile = 0;
            for (LogLayout.Frame frame : frames) {
                if (frame.file().equals(file)) {
                    lastInFile = frame.sequence();
                    if (firstHit == null && frame.alignedEnd() > from) {
                        firstHit = frame;
                    }
                }
            }
            long lastGood = firstHit == null ? lastInFile : firstHit.sequence() - 1;
            if (lastSegment) {
                try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
                    assertThat(writer.lastSequence()).isEqualTo(lastGood);
                    assertThat(writer.truncatedTornTail()).isTrue();
                }
                assertExpected(readAll(dir, 1), 1, lastGood);
            } else {
                int sealAt = frames.stream().filter(f -> f.file().equals(file))
                        .mapToInt(LogLayout.Frame::alignedEnd).max().orElseThrow();
                if (firstHit == null && from >= sealAt + RecordDescriptor.ALIGNMENT) {
                    assertThat(Wal.verify(dir)).isEqualTo(records);
                } else {
                    WalCorruptionException e = catchThrowableOfType(WalCorruptionException.class,
                            () -> Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE)));
                    assertThat(e).isNotNull();
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.sequence()).isEqualTo(lastGood + 1);
                }
            }
        } finally {
            LogLayout.deleteRecursively(dir);
        }
    }

    private static Path newLog(int records) {
        try {
            Path dir = Files.createTempDirectory("wal-damage");
            try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
                for (int i = 0; i < records; i++) {
                    TestRecords.appendExpected(writer);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
