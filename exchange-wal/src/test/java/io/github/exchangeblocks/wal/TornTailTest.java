package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.github.exchangeblocks.wal.TestRecords.assertExpected;
import static io.github.exchangeblocks.wal.TestRecords.readAll;
import static org.assertj.core.api.Assertions.assertThat;

class TornTailTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryWholeRecordWhenTheLastRecordsAreCutAtEveryByteOffset() {
        List<LogLayout.Frame> frames = writeLog(20);
        LogLayout.Frame last = frames.get(frames.size() - 1);
        Path file = last.file();
        byte[] original = LogLayout.read(file);
        int from = frames.get(frames.size() - 3).start();
        int checked = 0;
        for (int cut = from; cut <= last.alignedEnd(); cut++) {
            byte[] damaged = original.clone();
            Arrays.fill(damaged, cut, damaged.length, (byte) 0);
            LogLayout.write(file, damaged);
            int firstChanged = firstNonZero(original, cut);
            long expectedLast = countWhole(frames, file, firstChanged);
            int brokenStart = frames.stream().filter(f -> f.file().equals(file) && f.end() > firstChanged)
                    .mapToInt(LogLayout.Frame::start).min().orElse(original.length);
            boolean torn = firstNonZero(original, brokenStart) < cut;
            try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
                assertThat(writer.lastSequence()).as("cut at %d", cut).isEqualTo(expectedLast);
                assertThat(writer.truncatedTornTail()).as("cut at %d", cut).isEqualTo(torn);
                TestRecords.appendExpected(writer);
            }
            assertExpected(readAll(dir, 1), 1, expectedLast + 1);
            checked++;
        }
        LogLayout.write(file, original);
        assertThat(checked).isGreaterThan(3 * RecordDescriptor.HEADER_LENGTH);
    }

    @Test
    void shouldDropTheRecordWhenItsCommitWordWasNeverWritten() {
        List<LogLayout.Frame> frames = writeLog(10);
        LogLayout.Frame last = frames.get(frames.size() - 1);
        byte[] bytes = LogLayout.read(last.file());
        Arrays.fill(bytes, last.start(), last.start() + 4, (byte) 0);
        LogLayout.write(last.file(), bytes);
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            assertThat(writer.truncatedTornTail()).isTrue();
            assertThat(writer.lastSequence()).isEqualTo(last.sequence() - 1);
        }
        assertThat(Frames.isZero(java.nio.ByteBuffer.wrap(LogLayout.read(last.file())), last.start(),
                bytes.length)).isTrue();
        assertExpected(readAll(dir, 1), 1, last.sequence() - 1);
    }

    private List<LogLayout.Frame> writeLog(int records) {
        WalConfig config = WalConfig.builder(dir).segmentLength(64 * 1024).durabilityMode(DurabilityMode.GROUP).build();
        try (WalWriter writer = Wal.openWriter(config)) {
            for (int i = 0; i < records; i++) {
                TestRecords.appendExpected(writer);
            }
        }
        assertThat(TestRecords.segments(dir)).hasSize(1);
        return LogLayout.frames(dir);
    }

    private static long countWhole(List<LogLayout.Frame> frames, Path file, int cut) {
        long whole = 0;
        for (LogLayout.Frame frame : frames) {
            if (!frame.file().equals(file) || frame.end() <= cut) {
                whole = frame.sequence();
            } else {
                break;
            }
        }
        return whole;
    }

    /** Zeroing from {@code from} changes nothing before the first non-zero byte at or after it. */
    private static int firstNonZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return i;
            }
        }
        return bytes.length;
    }
}
