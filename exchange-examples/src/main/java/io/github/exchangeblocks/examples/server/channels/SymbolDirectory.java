package io.github.exchangeblocks.examples.server.channels;

import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The listed symbols and the kline durations each keeps, as the engine thread last published them, for I/O threads
 * to check channel names against. Written on the engine thread, read anywhere (concurrent maps).
 */
final class SymbolDirectory {
    private final Map<String, Integer> indexes = new ConcurrentHashMap<>();
    private final Map<Integer, long[]> klineDurations = new ConcurrentHashMap<>();

    /** Engine thread: an instrument is listed (or its kline durations changed). */
    void put(String symbol, int index, long[] durationsNs) {
        klineDurations.put(index, durationsNs);
        indexes.put(symbol, index);
    }

    /** @return the instrument index, or -1 if not listed */
    int indexOf(String symbol) {
        Integer index = indexes.get(symbol);
        return index == null ? -1 : index;
    }

    boolean hasKline(int index, long durationNs) {
        long[] durations = klineDurations.get(index);
        if (durations != null) {
            for (long duration : durations) {
                if (duration == durationNs) {
                    return true;
                }
            }
        }
        return false;
    }

    String klineIntervals(int index) {
        StringJoiner names = new StringJoiner(", ");
        long[] durations = klineDurations.get(index);
        if (durations != null) {
            for (long duration : durations) {
                names.add(KlineIntervals.name(duration));
            }
        }
        return names.toString();
    }
}
