package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.github.exchangeblocks.wal.TestRecords.assertExpected;
import static io.github.exchangeblocks.wal.TestRecords.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PretouchTest {
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    @TempDir
    Path copy;

    private WalWriter open(Path directory, DurabilityMode mode, int pretouchBytes, boolean async) {
        return Wal.openWriter(WalConfig.builder(directory).segmentLength(SEGMENT).durabilityMode(mode)
                .pretouchBytes(pretouchBytes).asyncPretouch(async).build());
    }

    @Test
    void shouldKeepEveryRecordWhenAPretouchThreadRacesTheWriter() throws Exception {
        for (DurabilityMode mode : new DurabilityMode[] {DurabilityMode.NONE, DurabilityMode.GROUP}) {
            Path log = dir.resolve(mode.name());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong touched = new AtomicLong();
            try (WalWriter writer = open(log, mode, SEGMENT, true)) {
                WalPretoucher pretoucher = writer.pretoucher();
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        touched.addAndGet(pretoucher.doWork());
                    }
                });
                thread.start();
                while (touched.get() == 0) {
                    Thread.onSpinWait();
                }
                for (int i = 0; i < 6_000; i++) {
                    TestRecords.appendExpected(writer);
                    if (i % 50 == 0) {
                        Thread.yield();
                    }
                }
                running.set(false);
                thread.join();
            }
            assertThat(touched.get()).as("pages touched").isPositive();
            assertThat(TestRecords.segments(log)).hasSizeGreaterThan(10);
            assertThat(temporaryFiles(log)).isZero();
            assertExpected(readAll(log, 1), 1, 6_000);
            assertThat(Wal.verify(log)).isEqualTo(6_000);
        }
    }

    @Test
    void shouldPretouchAndPrepareTheNextSegmentFromDoWorkWhenNoHostThreadRuns() throws IOException {
        try (WalWriter writer = open(dir, DurabilityMode.NONE, 32 * 1024, false)) {
            assertThat(writer.doWork(0)).as("pages from 4 KiB up to 32 KiB past the tail").isEqualTo(8);
            assertThat(writer.doWork(0)).as("far enough ahead").isZero();
            long sequence = 0;
            while (!Files.exists(dir.resolve(PreparedSegment.FILE_NAME))) {
                sequence = TestRecords.appendExpected(writer);
                writer.doWork(0);
            }
            assertThat(TestRecords.segments(dir)).hasSize(1);
            while (TestRecords.segments(dir).size() == 1) {
                sequence = TestRecords.appendExpected(writer);
            }
            assertThat(dir.resolve(PreparedSegment.FILE_NAME)).doesNotExist();
            assertThat(TestRecords.segments(dir).get(1).getFileName())
                    .hasToString(SegmentDescriptor.fileName(sequence));
            assertThat(writer.doWork(0)).as("continues in the adopted segment").isPositive();
        }
        long last = Wal.verify(dir);
        assertExpected(readAll(dir, 1), 1, last);
    }

    @Test
    void shouldDeleteTheUnadoptedSegmentWhenClosed() {
        WalWriter writer = open(dir, DurabilityMode.NONE, SEGMENT, true);
        WalPretoucher pretoucher = writer.pretoucher();
        while (pretoucher.doWork() > 0) {
            assertThat(writer.lastSequence()).isZero();
        }
        assertThat(dir.resolve(PreparedSegment.FILE_NAME)).exists();
        writer.close();
        assertThat(dir.resolve(PreparedSegment.FILE_NAME)).doesNotExist();
        assertThat(pretoucher.doWork()).as("after close").isZero();
        assertThat(writer.doWork(0)).isZero();
    }

    @Test
    void shouldRecoverWhenACrashLeavesAPreparedSegment() throws IOException {
        try (WalWriter writer = open(dir, DurabilityMode.GROUP, SEGMENT, false)) {
            for (int i = 0; i < 100; i++) {
                TestRecords.appendExpected(writer);
            }
            writer.flush();
            while (writer.doWork(0) > 0) {
                assertThat(writer.lastSequence()).isEqualTo(100);
            }
            assertThat(dir.resolve(PreparedSegment.FILE_NAME)).exists();
            copyLog(dir, copy);
        }
        assertThat(copy.resolve(PreparedSegment.FILE_NAME)).exists();
        try (WalWriter writer = Wal.openWriter(TestRecords.config(copy, DurabilityMode.GROUP))) {
            assertThat(writer.lastSequence()).isEqualTo(100);
            assertThat(writer.truncatedTornTail()).isFalse();
            TestRecords.appendExpected(writer);
        }
        assertThat(copy.resolve(PreparedSegment.FILE_NAME)).doesNotExist();
        assertExpected(readAll(copy, 1), 1, 101);
    }

    @Test
    void shouldContinueInAFullyPretouchedAdoptedSegmentThatHasNoRecordYet() {
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(SEGMENT).build())) {
            for (int i = 0; i < 100; i++) {
                TestRecords.appendExpected(writer);
            }
        }
        PreparedSegment prepared = SegmentFiles.prepare(dir, SEGMENT, true);
        assertThat(WalPretoucher.touch(prepared.buffer, 0, SEGMENT, SEGMENT)).isEqualTo(SEGMENT / 4096);
        SegmentFiles.adopt(dir, prepared, 101, true);
        Path adopted = dir.resolve(SegmentDescriptor.fileName(101));
        assertThat(adopted).exists().hasSize(SEGMENT);
        assertThat(Wal.verify(dir)).isEqualTo(100);
        try (WalWriter writer = Wal.openWriter(WalConfig.builder(dir).segmentLength(SEGMENT).build())) {
            assertThat(writer.lastSequence()).isEqualTo(100);
            assertThat(writer.truncatedTornTail()).isFalse();
            TestRecords.appendExpected(writer);
        }
        assertThat(TestRecords.segments(dir)).endsWith(adopted);
        assertExpected(readAll(dir, 101), 101, 101);
        assertExpected(readAll(dir, 1), 1, 101);
    }

    @Test
    void shouldRejectInvalidPretouchSettings() {
        assertThatThrownBy(() -> WalConfig.builder(dir).pretouchBytes(-1).build())
                .hasMessage("pretouchBytes=-1 must be in [0, 1073741824]");
        assertThatThrownBy(() -> WalConfig.builder(dir).asyncPretouch(true).build())
                .hasMessage("asyncPretouch=true needs pretouchBytes > 0, not 0");
        try (WalWriter writer = open(dir, DurabilityMode.NONE, 8192, false)) {
            assertThatThrownBy(writer::pretoucher).isInstanceOf(IllegalStateException.class)
                    .hasMessage("pretoucher() needs asyncPretouch=true in the WalConfig");
        }
    }

    private static long temporaryFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SegmentFiles.TMP_SUFFIX)).count();
        }
    }

    /** What a crash would leave: the files as the page cache holds them, without the writer's lock. */
    private static void copyLog(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals(WriterLock.FILE_NAME)) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
