package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.exchangeblocks.wal.TestRecords.assertExpected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalTailerTest {
    @TempDir
    Path dir;

    @Test
    void shouldFollowTheWriterAcrossSegmentRollsWhenInterleaved() {
        List<TestRecords.Copy> seen = new ArrayList<>();
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            WalTailer tailer = Wal.openTailer(dir, 1);
            assertThat(tailer.poll(r -> seen.add(copy(r)), 10)).isZero();
            for (int i = 0; i < 400; i++) {
                TestRecords.appendExpected(writer);
                if (i % 7 == 0) {
                    tailer.poll(r -> seen.add(copy(r)), 3);
                }
            }
            while (tailer.poll(r -> seen.add(copy(r)), 100) > 0) {
                assertThat(seen).isNotEmpty();
            }
            assertThat(tailer.nextSequence()).isEqualTo(401);
        }
        assertExpected(seen, 1, 400);
    }

    @Test
    void shouldStartAtTheRequestedSequenceWhenOpenedMidLog() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            for (int i = 0; i < 100; i++) {
                TestRecords.appendExpected(writer);
            }
        }
        List<TestRecords.Copy> seen = new ArrayList<>();
        WalTailer tailer = Wal.openTailer(dir, 77);
        assertThat(tailer.poll(r -> seen.add(copy(r)), 1000)).isEqualTo(24);
        assertExpected(seen, 77, 100);
        assertThatThrownBy(() -> Wal.openTailer(dir, 0)).hasMessage("fromSequence=0 must be >= 1");
    }

    @Test
    void shouldFailLoudlyWhenRetentionDeletedSegmentsTheTailerHadNotRead() {
        WalTailer tailer = Wal.openTailer(dir, 1);
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            while (TestRecords.segments(dir).size() < 3) {
                TestRecords.appendExpected(writer);
            }
            assertThat(writer.deleteSegmentsCoveredBy(writer.lastSequence())).isEqualTo(2);
        }
        assertThatThrownBy(() -> tailer.poll(r -> { }, 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no segment starts at sequence 1");
    }

    @Test
    void shouldSeeEveryRecordWhenTheWriterRunsOnAnotherThread() throws Exception {
        int records = 20_000;
        List<TestRecords.Copy> seen = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(256 * 1024)
                .durabilityMode(DurabilityMode.NONE).build());
        Thread thread = new Thread(() -> {
            try (writer) {
                for (int i = 0; i < records; i++) {
                    TestRecords.appendExpected(writer);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        WalTailer tailer = Wal.openTailer(dir, 1);
        thread.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (seen.size() < records && System.nanoTime() < deadline && failure.get() == null) {
            if (tailer.poll(r -> seen.add(copy(r)), 256) == 0) {
                Thread.onSpinWait();
            }
        }
        thread.join();
        assertThat(failure.get()).isNull();
        assertExpected(seen, 1, records);
    }

    @Test
    void shouldWaitAtATornTailAndFollowTheWriterThatCutsIt() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            for (int i = 0; i < 10; i++) {
                TestRecords.appendExpected(writer);
            }
        }
        List<LogLayout.Frame> frames = LogLayout.frames(dir);
        LogLayout.Frame torn = frames.get(frames.size() - 1);
        byte[] bytes = LogLayout.read(torn.file());
        bytes[torn.end() - 1] ^= 0x40;
        LogLayout.write(torn.file(), bytes);
        List<TestRecords.Copy> seen = new ArrayList<>();
        WalTailer tailer = Wal.openTailer(dir, 1);
        assertThat(tailer.poll(r -> seen.add(copy(r)), 100)).isEqualTo(9);
        assertThat(tailer.poll(r -> seen.add(copy(r)), 100)).as("a torn tail is waited at, not refused").isZero();
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            assertThat(writer.truncatedTornTail()).isTrue();
            assertThat(writer.tornTailReport()).contains(torn.file().toString(), "offset " + torn.start(),
                    "expected sequence 10", "crc=");
            TestRecords.appendExpected(writer);
            TestRecords.appendExpected(writer);
        }
        assertThat(tailer.poll(r -> seen.add(copy(r)), 100)).isEqualTo(2);
        assertExpected(seen, 1, 11);
    }

    @Test
    void shouldMoveOnWhenASegmentLostItsEndMarkerBeforeTheNextSegment() {
        try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
            while (TestRecords.segments(dir).size() < 5) {
                TestRecords.appendExpected(writer);
            }
        }
        List<LogLayout.Frame> frames = LogLayout.frames(dir);
        Path first = null;
        int marker = 0;
        for (Path segment : TestRecords.segments(dir)) {
            int end = frames.stream().filter(f -> f.file().equals(segment)).mapToInt(LogLayout.Frame::alignedEnd)
                    .max().orElseThrow();
            if (first == null && end < WalConfig.MIN_SEGMENT_LENGTH) {
                first = segment;
                marker = end;
            }
        }
        assertThat(first).as("a segment ending in a marker").isNotNull();
        byte[] bytes = LogLayout.read(first);
        assertThat(java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(marker))
                .isEqualTo(RecordDescriptor.END_OF_SEGMENT);
        java.util.Arrays.fill(bytes, marker, marker + Integer.BYTES, (byte) 0);
        LogLayout.write(first, bytes);
        long last = frames.get(frames.size() - 1).sequence();
        assertThat(Wal.verify(dir)).isEqualTo(last);
        List<TestRecords.Copy> seen = new ArrayList<>();
        WalTailer tailer = Wal.openTailer(dir, 1);
        while (tailer.poll(r -> seen.add(copy(r)), 10) > 0) {
            assertThat(seen).isNotEmpty();
        }
        assertExpected(seen, 1, last);
    }

    @Test
    void shouldFindDamageFarPastTheStopWithinOnePollPerPieceOfTheSegment() {
        int segmentLength = 1 << 20;
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(segmentLength)
                .durabilityMode(DurabilityMode.NONE).build())) {
            for (int i = 0; i < 2000; i++) {
                TestRecords.appendExpected(writer);
            }
        }
        List<LogLayout.Frame> frames = LogLayout.frames(dir);
        assertThat(TestRecords.segments(dir)).hasSize(1);
        LogLayout.Frame stop = frames.get(10);
        LogLayout.Frame survivor = frames.stream().filter(f -> f.start() > 3 * WalTailer.SCAN_BYTES_PER_POLL)
                .findFirst().orElseThrow();
        byte[] bytes = LogLayout.read(stop.file());
        java.util.Arrays.fill(bytes, stop.start(), survivor.start(), (byte) 0);
        LogLayout.write(stop.file(), bytes);
        WalTailer tailer = Wal.openTailer(dir, 1);
        assertThat(tailer.poll(r -> { }, 100)).isEqualTo(10);
        int polls = 0;
        WalCorruptionException e = null;
        while (e == null && polls < segmentLength / WalTailer.SCAN_BYTES_PER_POLL) {
            polls++;
            try {
                assertThat(tailer.poll(r -> { }, 100)).isZero();
            } catch (WalCorruptionException thrown) {
                e = thrown;
            }
        }
        assertThat(polls).as("one piece per poll after the first stop").isBetween(3, 6);
        assertThat(e).isNotNull();
        assertThat(e.offset()).isEqualTo(stop.start());
        assertThat(e.sequence()).isEqualTo(stop.sequence());
        assertThat(e.getMessage()).contains("yet a valid record follows at offset " + survivor.start());
        assertThatThrownBy(() -> Wal.verify(dir)).isInstanceOf(WalCorruptionException.class)
                .hasMessage(e.getMessage());
    }

    private static TestRecords.Copy copy(WalRecord record) {
        return new TestRecords.Copy(record.sequence(), record.type(), record.payloadToArray());
    }
}
