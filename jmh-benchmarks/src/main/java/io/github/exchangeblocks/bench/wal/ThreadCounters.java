package io.github.exchangeblocks.bench.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The calling thread's kernel counters (Linux only, from {@code /proc/thread-self}), for the throughput tool:
 * minor page faults, voluntary context switches (the thread blocked, e.g. on a lock or I/O) and involuntary ones
 * (it was preempted). Each value is -1 where the files cannot be read.
 *
 * @param minorFaults   minor page faults taken so far
 * @param voluntary     voluntary context switches so far
 * @param involuntary   involuntary context switches so far
 */
record ThreadCounters(long minorFaults, long voluntary, long involuntary) {
    /** Field index of {@code minflt} counted from the state field, which follows the command name. */
    private static final int MINFLT_AFTER_STATE = 7;

    /**
     * Reads the calling thread's counters.
     *
     * @return the counters; never {@code null}
     */
    static ThreadCounters read() {
        return new ThreadCounters(readMinorFaults(), status("voluntary_ctxt_switches:"),
                status("nonvoluntary_ctxt_switches:"));
    }

    /**
     * Counter differences.
     *
     * @param earlier an earlier reading of the same thread
     * @return this minus {@code earlier}, field by field
     */
    ThreadCounters minus(ThreadCounters earlier) {
        return new ThreadCounters(minorFaults - earlier.minorFaults, voluntary - earlier.voluntary,
                involuntary - earlier.involuntary);
    }

    private static long readMinorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[MINFLT_AFTER_STATE]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long status(String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/thread-self/status"));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim());
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
