package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts test child JVMs and kills them with SIGKILL through {@link ProcessHandle#destroyForcibly()}, which on
 * Linux and macOS is {@code kill(pid, SIGKILL)} and nothing else. Not {@link Process#destroyForcibly()}: that
 * sends the same signal but also closes the parent's ends of the child's pipes, so output the child wrote and the
 * parent had not read yet is lost ({@link KillSemanticsIT} shows both).
 */
final class ChildJvm {
    /** Exit value the JDK reports for a process ended by signal 9. */
    static final int SIGKILL_EXIT_VALUE = 128 + 9;

    private ChildJvm() {
    }

    /** Starts {@code main} with the test class path; stdout is a pipe, stderr goes to {@code stderr}. */
    static Process start(Class<?> main, Path stderr, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends SIGKILL to a child that must still be running, waits for it to end and checks that the signal ended
     * it (not a failure of its own).
     */
    static void kill(Process process, Path stderr) throws InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("child ended before the kill, exit value " + process.exitValue() + ": "
                    + read(stderr));
        }
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " still alive 30 s after SIGKILL");
        }
        if (process.exitValue() != SIGKILL_EXIT_VALUE) {
            throw new AssertionError("child exit value " + process.exitValue() + " must be " + SIGKILL_EXIT_VALUE
                    + " (SIGKILL): " + read(stderr));
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
