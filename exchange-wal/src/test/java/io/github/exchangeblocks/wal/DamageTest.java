package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.github.exchangeblocks.wal.TestRecords.assertExpected;
import static io.github.exchangeblocks.wal.TestRecords.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DamageTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseToOpenWhenAMiddleSegmentIsMissing() throws IOException {
        writeLog(200);
        List<Path> segments = TestRecords.segments(dir);
        assertThat(segments).hasSizeGreaterThan(3);
        Files.delete(segments.get(2));
        Path next = segments.get(3);
        long expected = SegmentDescriptor.parseFileName(segments.get(2).getFileName().toString());
        assertThatThrownBy(() -> Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE)))
                .isInstanceOf(WalCorruptionException.class)
                .hasMessageContaining(next.toString())
                .hasMessageContaining("expected sequence " + expected)
                .hasMessageContaining("a segment is missing or the sequence has a gap");
        assertThatThrownBy(() -> readAll(dir, 1)).isInstanceOf(WalCorruptionException.class);

        RepairResult repair = Wal.repair(dir);
        assertThat(repair.segmentsRemoved()).isEqualTo(segments.size() - 3);
        assertThat(repair.lastSequence()).isEqualTo(expected - 1);
        assertThat(Files.exists(next.resolveSibling(next.getFileName() + ".removed"))).isTrue();
        assertExpected(readAll(dir, 1), 1, expected - 1);
    }

    @Test
    void shouldRefuseToOpenWhenAZeroedRecordIsFollowedByGoodOnes() {
        writeLog(20);
        List<LogLayout.Frame> frames = LogLayout.frames(dir);
        LogLayout.Frame victim = frames.get(frames.size() - 3);
        byte[] bytes = LogLayout.read(victim.file());
        Arrays.fill(bytes, victim.start(), victim.end(), (byte) 0);
        LogLayout.write(victim.file(), bytes);
        assertThatThrownBy(() -> Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE)))
                .isInstanceOf(WalCorruptionException.class)
                .hasMessageContaining("frameLength=0: record never written; yet a valid record follows at offset "
                        + victim.alignedEnd());
    }

    @Test
    void shouldRefuseToOpenWhenASegmentHeaderIsDamaged() {
        writeLog(100);
        Path first = TestRecords.segments(dir).get(0);
        byte[] bytes = LogLayout.read(first);
        bytes[SegmentDescriptor.BASE_SEQUENCE_OFFSET] = 7;
        LogLayout.write(first, bytes);
        assertThatThrownBy(() -> Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE)))
                .isInstanceOf(WalCorruptionException.class)
                .hasMessageContaining(first + " at offset 0")
                .hasMessageContaining("headerCrc=");
    }

    @Test
    void shouldRefuseToOpenWhenTheVersionIsUnknown() {
        writeLog(3);
        Path first = TestRecords.segments(dir).get(0);
        byte[] bytes = LogLayout.read(first);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(SegmentDescriptor.VERSION_OFFSET, 2);
        header.putInt(SegmentDescriptor.HEADER_CRC_OFFSET, SegmentDescriptor.headerCrc(header));
        LogLayout.write(first, bytes);
        assertThatThrownBy(() -> Wal.verify(dir)).isInstanceOf(WalCorruptionException.class)
                .hasMessageContaining("version=2 must be 1");
    }

    @Test
    void shouldReportNothingToRepairWhenTheLogIsIntact() {
        writeLog(50);
        RepairResult repair = Wal.repair(dir);
        assertThat(repair.repaired()).isFalse();
        assertThat(repair.lastSequence()).isEqualTo(50);
        assertExpected(readAll(dir, 1), 1, 50);
    }

    @Test
    void shouldContinueInANewSegmentWhenTheLastSegmentWasSealedBeforeACrash() throws IOException {
        writeLog(40);
        List<Path> segments = TestRecords.segments(dir);
        Path last = segments.get(segments.size() - 1);
        assertThat(LogLayout.frames(dir).stream().anyMatch(f -> f.file().equals(last))).isTrue();
        long base = SegmentDescriptor.parseFileName(last.getFileName().toString());
        List<LogLayout.Frame> frames = LogLayout.frames(dir);
        Files.delete(last);
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            assertThat(writer.lastSequence()).isEqualTo(base - 1);
            TestRecords.appendExpected(writer);
        }
        assertThat(frames).isNotEmpty();
        assertExpected(readAll(dir, 1), 1, base);
    }

    private void writeLog(int records) {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            for (int i = 0; i < records; i++) {
                TestRecords.appendExpected(writer);
            }
        }
    }
}
