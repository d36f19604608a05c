package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.exchangeblocks.wal.TestRecords.assertExpected;
import static io.github.exchangeblocks.wal.TestRecords.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalWriterReaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplayEveryRecordWhenAppendedAcrossManySegments() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            for (int i = 0; i < 500; i++) {
                TestRecords.appendExpected(writer);
            }
            assertThat(writer.lastSequence()).isEqualTo(500);
        }
        assertThat(TestRecords.segments(dir)).hasSizeGreaterThan(10);
        assertThat(TestRecords.segments(dir).get(0).getFileName()).hasToString("00000000000000000001.wal");
        assertExpected(readAll(dir, 1), 1, 500);
        assertThat(Wal.verify(dir)).isEqualTo(500);
    }

    @Test
    void shouldStartAtAnySequenceWhenReplayingFromTheMiddle() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            for (int i = 0; i < 300; i++) {
                TestRecords.appendExpected(writer);
            }
        }
        for (long from : new long[] {1, 2, 57, 150, 299, 300}) {
            assertExpected(readAll(dir, from), from, 300);
        }
        assertThat(readAll(dir, 301)).isEmpty();
    }

    @Test
    void shouldContinueTheSequenceWhenReopened() {
        for (int round = 0; round < 5; round++) {
            try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.GROUP))) {
                assertThat(writer.lastSequence()).isEqualTo(round * 40L);
                assertThat(writer.truncatedTornTail()).isFalse();
                for (int i = 0; i < 40; i++) {
                    TestRecords.appendExpected(writer);
                }
            }
        }
        assertExpected(readAll(dir, 1), 1, 200);
    }

    @Test
    void shouldCopyFromBufferRangeWhenAppendingFromHeapAndDirectBuffers() {
        ByteBuffer heap = ByteBuffer.wrap("xxhello heapyy".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer direct = ByteBuffer.allocateDirect(32);
        direct.put(4, "direct".getBytes(StandardCharsets.US_ASCII));
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            assertThat(writer.append(1, heap, 2, 10)).isEqualTo(1);
            assertThat(writer.append(2, direct, 4, 6)).isEqualTo(2);
            assertThat(writer.append(3, new byte[0], 0, 0)).isEqualTo(3);
        }
        assertThat(heap.position()).isZero();
        List<String> seen = new ArrayList<>();
        Wal.openReader(dir).replay(1, r -> seen.add(r.type() + ":"
                + new String(r.payloadToArray(), StandardCharsets.US_ASCII)));
        assertThat(seen).containsExactly("1:hello heap", "2:direct", "3:");
    }

    @Test
    void shouldPublishClaimedPayloadWhenCommittedAndNothingWhenAborted() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            RecordClaim claim = writer.claim(9, 16);
            claim.buffer().putLong(claim.payloadOffset(), 42L);
            claim.buffer().putLong(claim.payloadOffset() + 8, 43L);
            assertThat(claim.sequence()).isEqualTo(1);
            assertThat(writer.commit()).isEqualTo(1);
            RecordClaim aborted = writer.claim(5, 40);
            aborted.buffer().putLong(aborted.payloadOffset(), -1L);
            writer.abort();
            RecordClaim small = writer.claim(6, 8);
            small.buffer().putLong(small.payloadOffset(), 7L);
            assertThat(writer.commit()).isEqualTo(2);
        }
        List<long[]> seen = new ArrayList<>();
        Wal.openReader(dir).replay(1, r -> seen.add(new long[] {r.sequence(), r.type(), r.getLong(0),
                r.payloadLength() == 16 ? r.getLong(8) : -2}));
        assertThat(seen).containsExactly(new long[] {1, 9, 42, 43}, new long[] {2, 6, 7, -2});
        assertThat(Wal.verify(dir)).isEqualTo(2);
    }

    @Test
    void shouldRejectMisuseWithMessageWhenArgumentsAreInvalid() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            int max = TestRecords.config(dir, DurabilityMode.NONE).maxPayloadLength();
            assertThatThrownBy(() -> writer.append(0, new byte[max + 1], 0, max + 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("length=4009 must be in [0, 4008]");
            assertThatThrownBy(() -> writer.append(0, new byte[4], 2, 3))
                    .hasMessage("offset=2 length=3 must lie inside the source of 4 bytes");
            assertThatThrownBy(() -> writer.append(0, new byte[4], -1, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
            writer.claim(0, 8);
            assertThatThrownBy(() -> writer.append(0, new byte[1], 0, 1))
                    .hasMessage("a claim is open: commit() or abort() it first");
            writer.abort();
            assertThat(writer.append(0, new byte[max], 0, max)).isEqualTo(1);
            assertThat(writer.append(0, new byte[max], 0, max)).isEqualTo(2);
        }
        assertThat(TestRecords.segments(dir)).hasSize(2);
        assertThat(Wal.verify(dir)).isEqualTo(2);
    }

    @Test
    void shouldRejectInvalidConfigurationWhenBuilt() {
        assertThatThrownBy(() -> WalConfig.builder(dir).segmentLength(1000).build())
                .hasMessage("segmentLength=1000 must be in [4096, 1073741824]");
        assertThatThrownBy(() -> WalConfig.builder(dir).segmentLength(6000).build())
                .hasMessage("segmentLength=6000 must be a multiple of 4096");
        assertThatThrownBy(() -> WalConfig.builder(dir).groupCommitRecords(0).build())
                .hasMessage("groupCommitRecords=0 must be >= 1");
        assertThatThrownBy(() -> WalConfig.builder(dir).groupCommitDelayNs(-1).build())
                .hasMessage("groupCommitDelayNs=-1 must be >= 0");
    }

    @Test
    void shouldRefuseUseWhenClosed() {
        WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE));
        writer.close();
        assertThatThrownBy(() -> writer.append(0, new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::flush).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseASecondWriterWhenTheLogIsOpen() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            TestRecords.appendExpected(writer);
            assertThatThrownBy(() -> Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already open by a writer");
            assertThatThrownBy(() -> Wal.repair(dir)).isInstanceOf(IllegalStateException.class);
            TestRecords.appendExpected(writer);
        }
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            assertThat(writer.lastSequence()).isEqualTo(2);
        }
    }

    @Test
    void shouldRejectPayloadIndexesOutsideTheRecordWhenReading() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            writer.append(4, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 9);
        }
        List<String> failures = new ArrayList<>();
        Wal.openReader(dir).replay(1, r -> {
            assertThat(r.getByte(8)).isEqualTo((byte) 9);
            assertThat(r.getInt(0)).isEqualTo(0x04030201);
            byte[] dst = new byte[3];
            r.getBytes(6, dst, 0, 3);
            assertThat(dst).containsExactly(7, 8, 9);
            for (Runnable bad : List.<Runnable>of(() -> r.getByte(9), () -> r.getLong(2), () -> r.getInt(-1),
                    () -> r.getBytes(7, dst, 0, 3))) {
                try {
                    bad.run();
                } catch (IndexOutOfBoundsException e) {
                    failures.add(e.getMessage());
                }
            }
        });
        assertThat(failures).hasSize(4).contains("index=9 length=1 must lie inside payloadLength=9");
    }

    @Test
    void shouldNameSegmentsSoTheySortBySequence() {
        assertThat(SegmentDescriptor.fileName(1)).isEqualTo("00000000000000000001.wal");
        assertThat(SegmentDescriptor.parseFileName("00000000000000001234.wal")).isEqualTo(1234);
        assertThat(SegmentDescriptor.parseFileName("0000000000000000123x.wal")).isEqualTo(-1);
        assertThat(SegmentDescriptor.parseFileName("1.wal")).isEqualTo(-1);
        assertThat(SegmentDescriptor.fileName(99).compareTo(SegmentDescriptor.fileName(100))).isNegative();
    }
}
