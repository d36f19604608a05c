package io.github.exchangeblocks.bench.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's minor page-fault count from {@code /proc/thread-self/stat} (Linux only), for the
 * throughput tool.
 */
final class MinorFaults {
    /** Field index of {@code minflt} counted from the state field, which follows the command name. */
    private static final int MINFLT_AFTER_STATE = 7;

    private MinorFaults() {
    }

    /**
     * Reads the count.
     *
     * @return minor faults taken by the calling thread so far, or -1 where the file cannot be read
     */
    static long read() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[MINFLT_AFTER_STATE]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
