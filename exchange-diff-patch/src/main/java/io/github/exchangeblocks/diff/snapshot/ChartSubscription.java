package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;

/**
 * One chart of a session: the series it shows and the request echoed in {@code charts.<chart_id>.state}.
 *
 * @param seriesKeys the series keys ({@code instrument|durationNs}, duration {@code 0} for ticks)
 * @param state the echoed request; never mutated
 */
record ChartSubscription(String[] seriesKeys, JsonObject state) {
    static String seriesKey(String instrument, long durationNs) {
        return instrument + '|' + durationNs;
    }
}
