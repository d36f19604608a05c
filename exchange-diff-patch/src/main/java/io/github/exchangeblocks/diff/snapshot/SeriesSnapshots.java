package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.github.exchangeblocks.diff.snapshot.DiffLayout.KLINES;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.TICKS;

/** Kline and tick series in snapshots: which series a session's charts name, and copying one into a document. */
final class SeriesSnapshots {
    private SeriesSnapshots() {
    }

    /**
     * Adds the stored series a key names (a deep copy) to a document at {@code ticks.<ins>} or
     * {@code klines.<ins>.<duration>}; nothing if the series does not exist yet.
     */
    static void add(JsonObject target, String seriesKey, JsonObject ticks, JsonObject klines) {
        int separator = seriesKey.lastIndexOf('|');
        String instrument = seriesKey.substring(0, separator);
        String duration = seriesKey.substring(separator + 1);
        JsonObject series;
        String top;
        if ("0".equals(duration)) {
            series = ticks.getObject(instrument);
            top = TICKS;
        } else {
            JsonObject byDuration = klines.getObject(instrument);
            series = byDuration == null ? null : byDuration.getObject(duration);
            top = KLINES;
        }
        if (series == null) {
            return;
        }
        JsonObject section = target.getObject(top);
        if (section == null) {
            section = new JsonObject();
            target.put(top, section);
        }
        if ("0".equals(duration)) {
            section.put(instrument, series.deepCopy());
        } else {
            JsonObject byInstrument = section.getObject(instrument);
            if (byInstrument == null) {
                byInstrument = new JsonObject();
                section.put(instrument, byInstrument);
            }
            byInstrument.put(duration, series.deepCopy());
        }
    }

    /** The series keys of every chart of a session, in chart order, without duplicates. */
    static Set<String> subscribed(DiffSession session) {
        Set<String> keys = new LinkedHashSet<>();
        if (session.charts != null) {
            for (ChartSubscription chart : session.charts.values()) {
                keys.addAll(List.of(chart.seriesKeys()));
            }
        }
        return keys;
    }
}
