package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;

/**
 * One chart of a session: the series it shows, the request echoed in {@code charts.<chart_id>.state} and the
 * members the host sets beside it ({@code left_id}, {@code right_id}, {@code more_data}, {@code ready}).
 *
 * @param seriesKeys the series keys ({@code instrument|durationNs}, duration {@code 0} for ticks)
 * @param state the echoed request; never mutated
 * @param view the host's members of {@code charts.<chart_id>} other than {@code state}; changed in place by
 *        {@link DiffSnapshotManager#updateChart}
 */
record ChartSubscription(String[] seriesKeys, JsonObject state, JsonObject view) {
    static String seriesKey(String instrument, long durationNs) {
        return instrument + '|' + durationNs;
    }
}
