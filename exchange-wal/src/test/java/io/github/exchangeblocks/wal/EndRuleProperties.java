package io.github.exchangeblocks.wal;

import io.github.exchangeblocks.wal.snapshot.Recovery;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One end-of-log rule: after random damage anywhere (bit flips, zeroed ranges, garbage to the end of a file, a
 * file cut short, headers included), the writer's open, {@link Wal#verify}, the reader, the tailer and
 * {@link Recovery} all come to the same answer: the same last sequence, or damage at the same file, offset and
 * sequence.
 */
class EndRuleProperties {

    @Property(tries = 120)
    void shouldAgreeOnEveryPathWhenALogIsDamagedAtRandom(@ForAll @IntRange(min = 5, max = 80) int records,
                                                          @ForAll long seed) {
        Path dir = newLog(records);
        try {
            damage(dir, new SplittableRandom(seed));
            String verified = outcome(() -> Wal.verify(dir));
            Statistics.label("outcome").collect(verified.startsWith("damage") ? "damage"
                    : verified.equals("end " + records) ? "intact" : "shortened to a torn tail");
            assertThat(outcome(() -> Wal.openReader(dir).replay(1, r -> { }))).as("reader").isEqualTo(verified);
            assertThat(outcome(() -> tail(dir))).as("tailer").isEqualTo(verified);
            SnapshotStore none = new SnapshotStore(dir.resolve("snapshots"));
            assertThat(outcome(() -> Recovery.recover(none, dir, s -> { }, r -> { }))).as("recovery")
                    .isEqualTo(verified);
            assertThat(outcome(() -> {
                try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
                    return writer.lastSequence();
                }
            })).as("writer open").isEqualTo(verified);
        } finally {
            LogLayout.deleteRecursively(dir);
        }
    }

    /** {@code "end <last>"} or {@code "damage <file> <offset> <sequence>"}. */
    private static String outcome(LongSupplier path) {
        try {
            return "end " + path.getAsLong();
        } catch (WalCorruptionException e) {
            return "damage " + e.file().getFileName() + " " + e.offset() + " " + e.sequence();
        }
    }

    /** Polls until the tailer throws or makes no progress for longer than its damage search can take. */
    private static long tail(Path dir) {
        WalTailer tailer = Wal.openTailer(dir, 1);
        int idle = 0;
        while (idle < WalConfig.MIN_SEGMENT_LENGTH / WalTailer.SCAN_BYTES_PER_POLL + 3) {
            idle = tailer.poll(r -> { }, 16) > 0 ? 0 : idle + 1;
        }
        return tailer.nextSequence() - 1;
    }

    private static void damage(Path dir, SplittableRandom random) {
        List<Path> segments = TestRecords.segments(dir);
        Path file = segments.get(random.nextInt(segments.size()));
        byte[] bytes = LogLayout.read(file);
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(4)) {
            case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> Arrays.fill(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(64)), (byte) 0);
            case 2 -> {
                for (int i = at; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
            }
            default -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        LogLayout.write(file, bytes);
    }

    private static Path newLog(int records) {
        try {
            Path dir = Files.createTempDirectory("wal-end-rule");
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
