package io.github.exchangeblocks.wal;

import io.github.exchangeblocks.wal.snapshot.Snapshot;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the committed format-version-1 golden files; every later version must keep passing this. */
class GoldenFileTest {
    private static final String[] FILES = {"00000000000000000001.wal", "00000000000000000029.wal",
        "snapshot-00000000000000000012.snap"};

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryGoldenRecordExactlyWhenReplayingVersion1() throws IOException {
        copyGolden();
        List<TestRecords.Copy> records = new ArrayList<>();
        Wal.openReader(dir).replay(1, r -> records.add(new TestRecords.Copy(r.sequence(), r.type(),
                r.payloadToArray())));
        assertThat(records).hasSize(GoldenRecords.COUNT);
        for (int i = 0; i < records.size(); i++) {
            long sequence = i + 1;
            assertThat(records.get(i).sequence()).isEqualTo(sequence);
            assertThat(records.get(i).type()).isEqualTo(GoldenRecords.type(sequence));
            assertThat(records.get(i).payload()).isEqualTo(GoldenRecords.payload(sequence));
        }
        assertThat(Wal.verify(dir)).isEqualTo(GoldenRecords.COUNT);
    }

    @Test
    void shouldMatchTheDocumentedLayoutByteForByte() throws IOException {
        copyGolden();
        ByteBuffer segment = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(FILES[0]))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(segment.capacity()).isEqualTo(GoldenRecords.SEGMENT_LENGTH);
        assertThat(new String(segment.array(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("EXBWAL01");
        assertThat(segment.getInt(SegmentDescriptor.VERSION_OFFSET)).isEqualTo(1);
        assertThat(segment.getInt(SegmentDescriptor.HEADER_LENGTH_OFFSET)).isEqualTo(64);
        assertThat(segment.getLong(SegmentDescriptor.BASE_SEQUENCE_OFFSET)).isEqualTo(1);
        assertThat(segment.getLong(SegmentDescriptor.SEGMENT_LENGTH_OFFSET)).isEqualTo(4096);
        int record2 = 64 + 24;
        assertThat(segment.getInt(64)).as("record 1: empty payload").isEqualTo(24);
        assertThat(segment.getInt(record2)).isEqualTo(24 + 19);
        assertThat(segment.getLong(record2 + RecordDescriptor.SEQUENCE_OFFSET)).isEqualTo(2);
        assertThat(segment.getInt(record2 + RecordDescriptor.TYPE_OFFSET)).isEqualTo(200);
        assertThat(new String(segment.array(), record2 + 24, 19, StandardCharsets.US_ASCII))
                .isEqualTo("hello, golden world");
        int record3 = record2 + 48;
        assertThat(segment.getInt(record3 + RecordDescriptor.TYPE_OFFSET)).isEqualTo(-7);
        int sealAt = 64;
        while (segment.getInt(sealAt) > 0) {
            sealAt += RecordDescriptor.alignedLength(segment.getInt(sealAt));
        }
        assertThat(segment.getInt(sealAt)).as("end-of-segment marker").isEqualTo(RecordDescriptor.END_OF_SEGMENT);
    }

    @Test
    void shouldLoadTheGoldenSnapshotAndContinueTheGoldenLog() throws IOException {
        copyGolden();
        Snapshot snapshot = new SnapshotStore(dir).loadLatest();
        assertThat(snapshot.sequence()).isEqualTo(GoldenRecords.SNAPSHOT_SEQUENCE);
        assertThat(new String(snapshot.data(), StandardCharsets.US_ASCII)).isEqualTo(GoldenRecords.SNAPSHOT_TEXT);
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            assertThat(writer.lastSequence()).isEqualTo(GoldenRecords.COUNT);
            assertThat(writer.truncatedTornTail()).isFalse();
            writer.append(1, new byte[] {1, 2, 3}, 0, 3);
        }
        assertThat(Wal.verify(dir)).isEqualTo(GoldenRecords.COUNT + 1);
    }

    private void copyGolden() throws IOException {
        for (String file : FILES) {
            try (InputStream in = GoldenFileTest.class.getResourceAsStream("/golden/v1/" + file)) {
                assertThat(in).as(file).isNotNull();
                Files.copy(in, dir.resolve(file));
            }
        }
    }
}
