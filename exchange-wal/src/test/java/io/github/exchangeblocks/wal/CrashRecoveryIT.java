package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writer child JVM ({@link CrashWriterMain}) with SIGKILL ({@link ChildJvm#kill}) many rounds on the same
 * log, at random points: during JVM start-up, while it opens and recovers the log, or while it appends. Each
 * round writes records with its own epoch in the payload. After each kill the log is checked read-only, record by
 * record: every record a previous check saw is still there with the same epoch (nothing dropped and written
 * again), every record after them carries this round's epoch, the log reaches the highest sequence the child
 * reported durable, a child that opened saw exactly the log the previous check saw, and the child reported no
 * broken durability promise. Reports come from a file the child appends whole lines to, read after it died.
 */
class CrashRecoveryIT {
    /** Child mode name for GROUP with asynchronous group commit by a flusher thread. */
    static final String GROUP_ASYNC = "GROUP_ASYNC";
    /** Suffix of a child mode name that also runs a {@link WalPretoucher} thread. */
    static final String PRETOUCH_SUFFIX = "_PRETOUCH";
    private static final int SEGMENT_LENGTH = 16 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "GROUP", GROUP_ASYNC, "SYNC_EACH", "GROUP_PRETOUCH"})
    void shouldKeepEveryReportedRecordWhenKilledAtRandomPoints(String mode) throws Exception {
        runRounds(mode, 8, 0x5EED + mode.hashCode());
    }

    @Tag("slow")
    @ParameterizedTest
    @ValueSource(strings = {"NONE", "GROUP", GROUP_ASYNC, "SYNC_EACH", "NONE_PRETOUCH", "GROUP_PRETOUCH",
        "SYNC_EACH_PRETOUCH"})
    void shouldKeepEveryReportedRecordWhenKilledManyTimes(String mode) throws Exception {
        runRounds(mode, 40, System.nanoTime());
    }

    private void runRounds(String mode, int rounds, long seed) throws Exception {
        Path log = dir.resolve("log");
        SplittableRandom random = new SplittableRandom(seed);
        int[] epochs = new int[0];
        long verified = 0;
        long maxDurable = 0;
        Map<String, Integer> phases = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            String context = "mode " + mode + " seed " + seed + " round " + round;
            CrashReports.Round report = crashOnce(mode, round, random);
            assertThat(report.errors()).as(context + ": broken promises").isEmpty();
            phases.merge(report.phase(), 1, Integer::sum);
            long last = Files.isDirectory(log) ? Wal.verify(log) : 0;
            if (report.opened()) {
                assertThat(report.openedLast()).as(context + ": the child opened the log the last check saw")
                        .isEqualTo(verified);
            } else {
                assertThat(last).as(context + ": killed before opening, nothing appended").isEqualTo(verified);
            }
            assertThat(last).as(context + ": last sequence vs reported durable")
                    .isGreaterThanOrEqualTo(report.maxDurable());
            epochs = Arrays.copyOf(epochs, (int) last);
            Arrays.fill(epochs, (int) verified, (int) last, round);
            checkRecords(log, epochs, context);
            verified = last;
            maxDurable = Math.max(maxDurable, report.maxDurable());
        }
        try (WalWriter writer = Wal.openWriter(TestRecords.config(log, DurabilityMode.NONE))) {
            assertThat(writer.lastSequence()).as("recovery agrees with the last read-only check").isEqualTo(verified);
        }
        System.out.printf("crash rounds %s: kills by phase %s, %d records, highest durable report %d%n", mode,
                phases, verified, maxDurable);
        assertThat(phases).as("a kill during JVM start-up").containsKey("start-up");
        assertThat(maxDurable).isPositive();
    }

    /** Every record {@code 1..epochs.length} is present, in order, with the content its epoch wrote. */
    private static void checkRecords(Path log, int[] epochs, String context) {
        if (epochs.length == 0) {
            return;
        }
        long[] next = {1};
        long last = Wal.openReader(log).replay(1, r -> {
            long sequence = r.sequence();
            if (sequence != next[0] || sequence > epochs.length || r.type() != TestRecords.type(sequence)
                    || !Arrays.equals(r.payloadToArray(), TestRecords.payload(sequence, epochs[(int) sequence - 1]))) {
                throw new AssertionError(context + ": record " + sequence + " (expected " + next[0]
                        + ") differs from what epoch " + (sequence <= epochs.length ? epochs[(int) sequence - 1] : -1)
                        + " wrote");
            }
            next[0]++;
        });
        assertThat(last).as(context + ": replayed up to").isEqualTo(epochs.length);
    }

    /**
     * One child round: kills it at a random point chosen by the round number (a quarter of the rounds at a random
     * delay from its start, round 0 at once; a quarter right after it reports it is about to open the log; the
     * rest while it appends), then returns what it reported.
     */
    private CrashReports.Round crashOnce(String mode, int round, SplittableRandom random) throws Exception {
        Path reports = dir.resolve("reports-" + round + ".txt");
        Path stderr = dir.resolve("child-" + round + ".err");
        Process child = ChildJvm.start(CrashWriterMain.class, stderr, dir.resolve("log").toString(), mode,
                Integer.toString(SEGMENT_LENGTH), Integer.toString(round), reports.toString());
        child.getOutputStream().close();
        switch (round % 4) {
            case 0 -> Thread.sleep(round == 0 ? 0 : random.nextInt(250));
            case 1 -> {
                awaitReport(reports, "S", child, stderr);
                sleepNanos(random.nextLong(3_000_000));
            }
            default -> {
                awaitReport(reports, "R", child, stderr);
                Thread.sleep(random.nextInt(20, 300));
            }
        }
        ChildJvm.kill(child, stderr);
        return CrashReports.read(reports);
    }

    private static void awaitReport(Path reports, String kind, Process child, Path stderr)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            CrashReports.Round round = CrashReports.read(reports);
            if (kind.equals("S") ? round.started() : round.opened()) {
                return;
            }
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("child never reported " + kind + ": " + ChildJvm.read(stderr));
            }
            sleepNanos(200_000);
        }
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }
}
