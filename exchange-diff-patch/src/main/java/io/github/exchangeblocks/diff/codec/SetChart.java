package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.diff.json.JsonObject;

import java.util.List;

/**
 * {@code set_chart}: subscribe a chart to a kline series ({@code durationNs > 0}) or to ticks
 * ({@code durationNs == 0}); an empty {@code ins_list} removes the chart. The server echoes {@link #request()} in
 * {@code charts.<chart_id>.state}.
 *
 * @param chartId the chart id, non-empty
 * @param instruments the instruments, each {@code EXCHANGE.code}; empty to remove the chart
 * @param durationNs the bar duration in nanoseconds, {@code 0} for ticks
 * @param viewWidth the number of bars the chart shows, {@code > 0} (or {@code 0} when removing)
 * @param request the request's members except {@code aid}, for the echo; do not mutate
 */
public record SetChart(String chartId, List<String> instruments, long durationNs, long viewWidth, JsonObject request)
        implements ClientMessage {
    /** The aid. */
    public static final String AID = "set_chart";

    /**
     * Creates the message.
     *
     * @param chartId the chart id
     * @param instruments the instruments, copied
     * @param durationNs the duration in nanoseconds
     * @param viewWidth the view width in bars
     * @param request the echoed request
     */
    public SetChart {
        instruments = List.copyOf(instruments);
    }

    @Override
    public String aid() {
        return AID;
    }
}
