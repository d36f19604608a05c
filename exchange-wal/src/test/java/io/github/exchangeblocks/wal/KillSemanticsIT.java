package io.github.exchangeblocks.wal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Pins the JDK behaviour the crash tests rely on: both kill calls end the child with SIGKILL, but only
 * {@link ProcessHandle#destroyForcibly()} leaves what the child already wrote to its stdout pipe readable;
 * {@link Process#destroyForcibly()} closes the parent's end of the pipe and the unread output is gone.
 */
class KillSemanticsIT {
    @TempDir
    Path dir;

    @Test
    void shouldKeepUnreadChildOutputWhenKilledThroughItsProcessHandle() throws Exception {
        Process child = startAndWaitForOutput("handle");
        ChildJvm.kill(child, dir.resolve("handle.err"));
        assertThat(readLines(child)).isEqualTo(PipeFillerMain.LINES);
    }

    @Test
    void shouldLoseUnreadChildOutputWhenKilledThroughProcessDestroyForcibly() throws Exception {
        Process child = startAndWaitForOutput("process");
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(ChildJvm.SIGKILL_EXIT_VALUE);
        IOException closed = catchThrowableOfType(IOException.class, () -> readLines(child));
        assertThat(closed).hasMessage("Stream closed");
    }

    private Process startAndWaitForOutput(String name) throws InterruptedException {
        Path marker = dir.resolve(name + ".done");
        Process child = ChildJvm.start(PipeFillerMain.class, dir.resolve(name + ".err"), marker.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(marker)) {
            assertThat(System.nanoTime()).as("child wrote its lines").isLessThan(deadline);
            Thread.sleep(5);
        }
        return child;
    }

    private static int readLines(Process child) throws IOException {
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }
}
