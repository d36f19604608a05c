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

    private static TestRecords.Copy copy(WalRecord record) {
        return new TestRecords.Copy(record.sequence(), record.type(), record.payloadToArray());
    }
}
