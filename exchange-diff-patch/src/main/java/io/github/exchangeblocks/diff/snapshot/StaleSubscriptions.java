package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonObject;

import java.util.HashSet;

import static io.github.exchangeblocks.diff.snapshot.DiffLayout.KLINES;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.TICKS;

/**
 * What a client still holds from subscriptions it dropped. A DIFF client keeps the last state of a quote or series
 * it unsubscribed from; if it subscribes again, that state is deleted first (in the same answer) so the current
 * state replaces it exactly instead of merging over it. Sessions that never unsubscribe pay nothing.
 */
final class StaleSubscriptions {
    private StaleSubscriptions() {
    }

    static void mark(DiffSession session, String key) {
        if (session.stale == null) {
            session.stale = new HashSet<>(4);
        }
        session.stale.add(key);
    }

    static boolean unmark(DiffSession session, String key) {
        return session.stale != null && session.stale.remove(key);
    }

    static void addSeriesDeletion(JsonObject target, String seriesKey) {
        int separator = seriesKey.lastIndexOf('|');
        String instrument = seriesKey.substring(0, separator);
        String duration = seriesKey.substring(separator + 1);
        if ("0".equals(duration)) {
            JsonObject section = target.getObject(TICKS);
            if (section == null) {
                section = new JsonObject();
                target.put(TICKS, section);
            }
            section.put(instrument, JsonNull.INSTANCE);
        } else {
            JsonObject section = target.getObject(KLINES);
            if (section == null) {
                section = new JsonObject();
                target.put(KLINES, section);
            }
            JsonObject byInstrument = section.getObject(instrument);
            if (byInstrument == null) {
                byInstrument = new JsonObject();
                section.put(instrument, byInstrument);
            }
            byInstrument.put(duration, JsonNull.INSTANCE);
        }
    }
}
