package io.github.exchangeblocks.examples.server.channels;

/** Kline interval names ({@code 1s}, {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}) to nanoseconds and back. */
final class KlineIntervals {
    private static final long SECOND_NS = 1_000_000_000L;
    private static final char[] UNITS = {'d', 'h', 'm', 's'};
    private static final long[] UNIT_NS = {86_400 * SECOND_NS, 3_600 * SECOND_NS, 60 * SECOND_NS, SECOND_NS};

    private KlineIntervals() {
    }

    /**
     * @param interval digits then one of {@code s m h d}
     * @return the duration in nanoseconds, or -1 if malformed
     */
    static long parseNs(String interval) {
        int length = interval.length();
        if (length < 2 || length > 8) {
            return -1;
        }
        long count = 0;
        for (int i = 0; i < length - 1; i++) {
            char c = interval.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            count = count * 10 + (c - '0');
        }
        char unit = interval.charAt(length - 1);
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u] == unit) {
                return count == 0 ? -1 : count * UNIT_NS[u];
            }
        }
        return -1;
    }

    /**
     * @param durationNs a positive duration
     * @return its name in the largest unit that divides it ({@code 300s} is {@code 5m}); sub-second durations
     *     have no name and give {@code <n>ns}
     */
    static String name(long durationNs) {
        for (int u = 0; u < UNITS.length; u++) {
            if (durationNs % UNIT_NS[u] == 0) {
                return (durationNs / UNIT_NS[u]) + String.valueOf(UNITS[u]);
            }
        }
        return durationNs + "ns";
    }
}
