package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.exchangeblocks.wal.TestRecords.assertExpected;
import static io.github.exchangeblocks.wal.TestRecords.readAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writer child JVM with SIGKILL ({@link Process#destroyForcibly()}) at random moments, many rounds on the
 * same log, and checks after each: the log opens, every record the child reported durable is present,
 * byte-identical and in order, and no record that was never written appears (content is a function of the
 * sequence, and sequences are contiguous from 1).
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
    void shouldKeepEveryReportedRecordWhenKilledAtRandomMoments(String mode) throws Exception {
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
        SplittableRandom random = new SplittableRandom(seed);
        long reportedDurable = 0;
        for (int round = 0; round < rounds; round++) {
            long durable = crashOnce(mode, random.nextInt(20, 400));
            assertThat(durable).as("round %d reported", round).isGreaterThanOrEqualTo(reportedDurable);
            reportedDurable = durable;
            long last;
            try (WalWriter writer = Wal.openWriter(TestRecords.config(dir, DurabilityMode.NONE))) {
                last = writer.lastSequence();
            }
            assertThat(last).as("seed %d round %d: last sequence vs reported durable", seed, round)
                    .isGreaterThanOrEqualTo(reportedDurable);
            assertExpected(readAll(dir, 1), 1, last);
        }
        assertThat(reportedDurable).isPositive();
    }

    /** Runs the child until {@code killAfterMs} after it is ready, kills it, returns the highest durable report. */
    private long crashOnce(String mode, int killAfterMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashWriterMain.class.getName(), dir.toString(), mode,
                Integer.toString(SEGMENT_LENGTH)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        AtomicLong durable = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readReports(process, durable, ready));
        reader.start();
        try {
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("child ready").isTrue();
            Thread.sleep(killAfterMs);
            assertThat(process.isAlive()).as("child alive before kill").isTrue();
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join();
        }
        return durable.get();
    }

    private static void readReports(Process process, AtomicLong durable, CountDownLatch ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("R ")) {
                    durable.accumulateAndGet(Long.parseLong(line.substring(2)), Math::max);
                    ready.countDown();
                } else if (line.startsWith("D ")) {
                    durable.accumulateAndGet(Long.parseLong(line.substring(2)), Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            ready.countDown();
        }
    }
}
