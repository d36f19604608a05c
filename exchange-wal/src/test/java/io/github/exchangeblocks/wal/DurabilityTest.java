package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurabilityTest {
    @TempDir
    Path dir;

    private final List<Long> durable = new ArrayList<>();

    private WalWriter open(DurabilityMode mode, int groupRecords, long delayNs) {
        return Wal.openWriter(WalConfig.builder(dir).segmentLength(64 * 1024).durabilityMode(mode)
                .groupCommitRecords(groupRecords).groupCommitDelayNs(delayNs).durabilityListener(durable::add)
                .build());
    }

    @Test
    void shouldCloseTheGroupWhenItReachesItsSize() {
        try (WalWriter writer = open(DurabilityMode.GROUP, 10, 1_000_000)) {
            for (int i = 0; i < 25; i++) {
                TestRecords.appendExpected(writer);
            }
            assertThat(durable).containsExactly(10L, 20L);
            assertThat(writer.durableSequence()).isEqualTo(20);
            assertThat(writer.lastSequence()).isEqualTo(25);
        }
        assertThat(durable).containsExactly(10L, 20L, 25L);
    }

    @Test
    void shouldCloseTheGroupOnTheDelayWhenNoFurtherRecordArrives() {
        try (WalWriter writer = open(DurabilityMode.GROUP, 1000, 500)) {
            assertThat(writer.doWork(0)).isZero();
            TestRecords.appendExpected(writer);
            TestRecords.appendExpected(writer);
            assertThat(writer.doWork(1_000)).as("starts the group clock").isZero();
            assertThat(writer.doWork(1_499)).isZero();
            assertThat(writer.durableSequence()).isZero();
            assertThat(writer.doWork(1_500)).isEqualTo(1);
            assertThat(writer.durableSequence()).isEqualTo(2);
            assertThat(durable).containsExactly(2L);
            assertThat(writer.doWork(5_000)).as("nothing pending").isZero();
            TestRecords.appendExpected(writer);
            assertThat(writer.doWork(10_000)).isZero();
            assertThat(writer.doWork(10_500)).isEqualTo(1);
            assertThat(durable).containsExactly(2L, 3L);
        }
    }

    @Test
    void shouldForceEveryRecordWhenSyncEach() {
        try (WalWriter writer = open(DurabilityMode.SYNC_EACH, 1, 0)) {
            for (int i = 1; i <= 5; i++) {
                TestRecords.appendExpected(writer);
                assertThat(writer.durableSequence()).isEqualTo(i);
            }
            assertThat(writer.doWork(Long.MAX_VALUE)).isZero();
        }
        assertThat(durable).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldForceOnlyOnFlushWhenModeIsNone() {
        try (WalWriter writer = open(DurabilityMode.NONE, 1, 0)) {
            TestRecords.appendExpected(writer);
            TestRecords.appendExpected(writer);
            assertThat(writer.doWork(Long.MAX_VALUE)).isZero();
            assertThat(writer.durableSequence()).isZero();
            writer.flush();
            assertThat(writer.durableSequence()).isEqualTo(2);
        }
        assertThat(durable).containsExactly(2L);
    }

    @Test
    void shouldMakeTheOldSegmentDurableWhenRolling() {
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(WalConfig.MIN_SEGMENT_LENGTH)
                .groupCommitRecords(100_000).durabilityListener(durable::add).build())) {
            while (TestRecords.segments(dir).size() < 2) {
                TestRecords.appendExpected(writer);
            }
            assertThat(writer.durableSequence()).isEqualTo(writer.lastSequence() - 1);
        }
    }

    @Test
    void shouldFlushEveryRolledSegmentWhenModeIsNone() {
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(WalConfig.MIN_SEGMENT_LENGTH)
                .durabilityMode(DurabilityMode.NONE).durabilityListener(durable::add).build())) {
            while (TestRecords.segments(dir).size() < 4) {
                TestRecords.appendExpected(writer);
            }
            assertThat(writer.durableSequence()).isZero();
            writer.flush();
            assertThat(writer.durableSequence()).isEqualTo(writer.lastSequence());
            assertThat(durable).containsExactly(writer.lastSequence());
        }
    }

    @Test
    void shouldMakeEverythingAppendedDurableWhenTheAsyncFlusherRuns() {
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(64 * 1024)
                .asyncGroupCommit(true).durabilityListener(durable::add).build())) {
            WalFlusher flusher = writer.flusher();
            assertThat(flusher.doWork()).isZero();
            for (int i = 0; i < 2000; i++) {
                TestRecords.appendExpected(writer);
            }
            assertThat(writer.doWork(Long.MAX_VALUE)).as("the writer leaves forcing to the flusher").isZero();
            assertThat(writer.durableSequence()).as("forced by segment rolls only").isLessThan(2000);
            assertThat(flusher.doWork()).isEqualTo(1);
            assertThat(writer.durableSequence()).isEqualTo(2000);
            assertThat(flusher.doWork()).isZero();
        }
        assertThat(durable).isSorted().doesNotHaveDuplicates().endsWith(2000L);
        assertThatThrownBy(() -> WalConfig.builder(dir).asyncGroupCommit(true).durabilityMode(DurabilityMode.NONE)
                .build()).hasMessage("asyncGroupCommit=true needs durabilityMode=GROUP, not NONE");
    }

    @Test
    void shouldMakeRecordsDurableWhoseBytesAnEarlierForceCoveredBeforeTheirSequenceWasSeen() {
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(64 * 1024)
                .asyncGroupCommit(true).durabilityListener(durable::add).build())) {
            WalFlusher flusher = writer.flusher();
            TestRecords.appendExpected(writer);
            TestRecords.appendExpected(writer);
            PublishedTail tail = writer.publishedTail();
            int endOfSecond = tail.positionAcquire();
            // The interleaving of a flusher on another thread that loads sequence 1, then the writer publishes
            // record 2, then the flusher loads the position: it forces both records but may count only the first.
            tail.publish(endOfSecond, 1);
            assertThat(flusher.doWork()).isEqualTo(1);
            assertThat(writer.durableSequence()).isEqualTo(1);
            tail.publish(endOfSecond, 2);
            assertThat(flusher.doWork()).as("record 2 is forced; its sequence must become durable").isEqualTo(1);
            assertThat(writer.durableSequence()).isEqualTo(2);
            assertThat(flusher.doWork()).isZero();
        }
        assertThat(durable).containsExactly(1L, 2L);
    }

    @Test
    void shouldAdvanceDurabilityMonotonicallyWhenTheFlusherRunsOnAnotherThread() throws Exception {
        List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(64 * 1024).asyncGroupCommit(true)
                .durabilityListener(seen::add).build());
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        WalFlusher flusher = writer.flusher();
        Thread thread = new Thread(() -> {
            while (running.get()) {
                if (flusher.doWork() == 0) {
                    Thread.onSpinWait();
                }
            }
        });
        thread.start();
        try (writer) {
            for (int i = 0; i < 20_000; i++) {
                TestRecords.appendExpected(writer);
                assertThat(writer.durableSequence()).isLessThanOrEqualTo(writer.lastSequence());
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (writer.durableSequence() < 20_000 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(writer.durableSequence()).isEqualTo(20_000);
        } finally {
            running.set(false);
            thread.join();
        }
        assertThat(seen).isSorted().doesNotHaveDuplicates().endsWith(20_000L);
        TestRecords.assertExpected(TestRecords.readAll(dir, 1), 1, 20_000);
    }

    @Test
    void shouldRefuseAFlusherWhenAsyncGroupCommitIsOff() {
        try (WalWriter writer = open(DurabilityMode.GROUP, 1, 0)) {
            assertThatThrownBy(writer::flusher).isInstanceOf(IllegalStateException.class)
                    .hasMessage("flusher() needs asyncGroupCommit=true in the WalConfig");
        }
    }

    @Test
    void shouldTreatRecoveredRecordsAsDurableWhenReopened() {
        try (WalWriter writer = open(DurabilityMode.NONE, 1, 0)) {
            TestRecords.appendExpected(writer);
        }
        try (WalWriter writer = open(DurabilityMode.GROUP, 1, 0)) {
            assertThat(writer.durableSequence()).isEqualTo(1);
        }
    }
}
