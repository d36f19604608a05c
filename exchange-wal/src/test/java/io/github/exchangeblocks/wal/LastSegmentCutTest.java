package io.github.exchangeblocks.wal;

import io.github.exchangeblocks.wal.snapshot.Recovery;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.github.exchangeblocks.wal.TestRecords.assertExpected;
import static io.github.exchangeblocks.wal.TestRecords.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a power loss can leave of a segment created in {@link DurabilityMode#NONE} after the last flush (a
 * directory entry whose file is empty, short, or has no header on the device): cut as a torn tail when it is the
 * last segment and holds no valid record, refused as damage otherwise.
 */
class LastSegmentCutTest {
    private static final int SEGMENT_LENGTH = 8192;

    @TempDir
    Path dir;

    @Test
    void shouldCutAnEmptyLastSegmentOnEveryPathWhenItHoldsNothing() throws IOException {
        long base = writeLogEndingInASegmentOfOneRecord();
        Path last = SegmentFiles.path(dir, base);
        Files.write(last, new byte[0]);
        expectCutOnEveryReadPath(base, "fileLength=0 must be >= 64");
    }

    @Test
    void shouldCutAShortLastSegmentWhenItHoldsNoRecord() throws IOException {
        long base = writeLogEndingInASegmentOfOneRecord();
        Path last = SegmentFiles.path(dir, base);
        byte[] header = Arrays.copyOf(LogLayout.read(last), SegmentDescriptor.HEADER_LENGTH);
        try (RandomAccessFile file = new RandomAccessFile(last.toFile(), "rw")) {
            file.setLength(0);
            file.setLength(SEGMENT_LENGTH / 2);
            file.write(header);
        }
        expectCutOnEveryReadPath(base, "segmentLength=" + SEGMENT_LENGTH + " must equal the file length "
                + SEGMENT_LENGTH / 2);
    }

    @Test
    void shouldCutALastSegmentWhoseHeaderNeverReachedTheDeviceWhenItHoldsNoRecord() throws IOException {
        long base = writeLogEndingInASegmentOfOneRecord();
        Path last = SegmentFiles.path(dir, base);
        LogLayout.write(last, new byte[SEGMENT_LENGTH]);
        expectCutOnEveryReadPath(base, "magic=0x0 must be 0x");
    }

    @Test
    void shouldRefuseALastSegmentWithoutHeaderWhenAValidRecordSurvivedInIt() {
        long base = writeLogEndingInASegmentOfOneRecord();
        Path last = SegmentFiles.path(dir, base);
        byte[] bytes = LogLayout.read(last);
        Arrays.fill(bytes, 0, SegmentDescriptor.HEADER_LENGTH, (byte) 0);
        LogLayout.write(last, bytes);
        for (Runnable path : List.<Runnable>of(() -> Wal.openWriter(config()).close(), () -> Wal.verify(dir),
                () -> readAll(dir, 1), () -> Wal.openTailer(dir, 1).poll(r -> { }, 1000))) {
            WalCorruptionException e = catchThrowableOfType(WalCorruptionException.class, path::run);
            assertThat(e).isNotNull();
            assertThat(e.file()).isEqualTo(last);
            assertThat(e.offset()).isZero();
            assertThat(e.sequence()).isEqualTo(base);
            assertThat(e.getMessage()).contains("magic=0x0 must be", "yet a valid record follows at offset 64");
        }
        assertThat(LogLayout.read(last)).as("refusing changes nothing").isEqualTo(bytes);
    }

    @Test
    void shouldRefuseAnEmptySegmentWhenALaterSegmentExists() throws IOException {
        long base = writeLogEndingInASegmentOfOneRecord();
        List<Path> segments = TestRecords.segments(dir);
        Path earlier = segments.get(segments.size() - 2);
        Files.write(earlier, new byte[0]);
        WalCorruptionException e = catchThrowableOfType(WalCorruptionException.class,
                () -> Wal.openWriter(config()));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(earlier);
        assertThat(e.getMessage()).contains("fileLength=0 must be >= 64; a later segment exists");
        assertThat(SegmentFiles.path(dir, base)).exists();
    }

    private void expectCutOnEveryReadPath(long base, String reason) throws IOException {
        Path last = SegmentFiles.path(dir, base);
        assertThat(Wal.verify(dir)).isEqualTo(base - 1);
        assertExpected(readAll(dir, 1), 1, base - 1);
        List<Long> recovered = new ArrayList<>();
        assertThat(Recovery.recover(new SnapshotStore(dir.resolve("snapshots")), dir, s -> { },
                r -> recovered.add(r.sequence()))).isEqualTo(base - 1);
        assertThat(recovered).hasSize((int) base - 1);
        WalTailer tailer = Wal.openTailer(dir, 1);
        assertThat(tailer.poll(r -> { }, 1000)).isEqualTo((int) base - 1);
        assertThat(tailer.poll(r -> { }, 1000)).as("the tailer waits at the cut segment").isZero();
        assertThat(last).as("read-only paths change nothing").exists();

        try (WalWriter writer = Wal.openWriter(config())) {
            assertThat(writer.truncatedTornTail()).isTrue();
            assertThat(writer.tornTailReport()).contains("cut the last segment " + last, "base sequence " + base,
                    reason, "it holds no valid record and no segment follows it");
            assertThat(writer.lastSequence()).isEqualTo(base - 1);
            assertThat(TestRecords.appendExpected(writer)).isEqualTo(base);
        }
        assertThat(Files.size(last)).isEqualTo(SEGMENT_LENGTH);
        assertExpected(readAll(dir, 1), 1, base);
        List<TestRecords.Copy> tailed = new ArrayList<>();
        tailer.poll(r -> tailed.add(new TestRecords.Copy(r.sequence(), r.type(), r.payloadToArray())), 10);
        assertExpected(tailed, base, base);
        try (WalWriter writer = Wal.openWriter(config())) {
            assertThat(writer.truncatedTornTail()).isFalse();
            assertThat(writer.tornTailReport()).isEmpty();
        }
    }

    /**
     * Writes records until a third segment is rolled to, and closes with one record in it (the one a power loss
     * in NONE mode loses along with the segment's data); returns its base sequence.
     */
    private long writeLogEndingInASegmentOfOneRecord() {
        try (WalWriter writer = Wal.openWriter(config())) {
            while (TestRecords.segments(dir).size() < 3) {
                TestRecords.appendExpected(writer);
            }
            long base = writer.lastSequence();
            assertThat(SegmentFiles.path(dir, base)).exists();
            return base;
        }
    }

    private WalConfig config() {
        return WalConfig.builder(dir).segmentLength(SEGMENT_LENGTH).durabilityMode(DurabilityMode.NONE).build();
    }
}
