package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;
import io.github.exchangeblocks.engine.venue.Venue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The DIFF gateway's charts ({@code set_chart}): which session shows which series, and the series themselves
 * ({@link ChartSeries}), read from the venue's market data on the engine thread.
 *
 * <p>A chart shows one instrument: klines of a duration the venue keeps (see {@code VenueSettings.klineDurationsNs})
 * or, with duration 0, its trades as ticks; {@code view_width} bars, at most {@value #MAX_VIEW_WIDTH} (a wider request
 * is refused, not clamped, so a client never gets fewer bars than it believes it asked for). Its window is the newest
 * bars, or, as in TqSdk, placed and then fixed: with {@code left_kline_id} it covers ids {@code left_kline_id ..
 * left_kline_id + view_width - 1}; with {@code focus_datetime} (ns) and {@code focus_position} the bar containing that
 * time (for ticks the first tick at or after it) sits at that position, ids {@code focus - focus_position ..} (see
 * {@link ChartSeries} for ids with gaps). A new chart gets its bars and then, in the same answer, {@code left_id},
 * {@code right_id}, {@code more_data: false} and {@code ready: true}; afterwards every change of its series reaches it
 * at the end of the command batch that made it. An empty {@code ins_list} removes the chart ({@code charts.<id>:
 * null}) and its updates. Refused, with a notify naming the field and nothing changed: an unknown instrument, a
 * duration the venue does not keep, more than one instrument (no kline binding), {@code left_kline_id} with
 * {@code focus_*}, one {@code focus_*} without the other, a {@code left_kline_id} or {@code focus_datetime} that is
 * not an integer {@code >= 0}, a {@code focus_position} outside {@code 0 .. view_width - 1}, a view wider than
 * {@value #MAX_VIEW_WIDTH} and more than {@value #MAX_CHARTS_PER_SESSION} charts in a session. Engine thread only.
 */
final class DiffCharts {
    /** The widest {@code view_width} offered, in bars (TqSdk's own upper bound on a serial's length). */
    static final int MAX_VIEW_WIDTH = 10_000;
    /** The most charts one session may have open. */
    static final int MAX_CHARTS_PER_SESSION = 32;
    private static final String LEFT_KLINE_ID = "left_kline_id";
    private static final String FOCUS_DATETIME = "focus_datetime";
    private static final String FOCUS_POSITION = "focus_position";

    private final DiffSnapshotManager manager;
    private final Map<String, ChartSeries> series = new TreeMap<>();
    private final Map<DiffSession, Map<String, ChartSeries.Chart>> sessionCharts = new HashMap<>();
    private final Map<ChartSeries.Chart, ChartSeries> seriesOf = new HashMap<>();

    DiffCharts(DiffSnapshotManager manager) {
        this.manager = manager;
    }

    /**
     * Creates, replaces or removes a chart of a session.
     *
     * @return {@code null} when done, else the error notify that refuses the request (nothing changed)
     */
    JsonObject set(Venue venue, DiffSession session, SetChart message) {
        Map<String, ChartSeries.Chart> charts = sessionCharts.computeIfAbsent(session, k -> new LinkedHashMap<>());
        ChartSeries.Chart previous = charts.get(message.chartId());
        if (message.instruments().isEmpty()) {
            if (previous != null) {
                remove(charts, previous);
            }
            manager.setChart(session, message);
            return null;
        }
        JsonObject refusal = refusal(venue, message, previous == null ? charts.size() : 0);
        if (refusal != null) {
            if (charts.isEmpty()) {
                sessionCharts.remove(session);
            }
            return refusal;
        }
        String instrument = message.instruments().get(0);
        int index = venue.registry().indexOf(instrument);
        ChartSeries target = series.computeIfAbsent(instrument + '|' + message.durationNs(),
                key -> new ChartSeries(venue.registry().get(index).spec(), index, message.durationNs()));
        if (previous != null) {
            remove(charts, previous);
        }
        InstrumentMarketDataView marketData = venue.marketData(index);
        ChartSeries.Chart chart = new ChartSeries.Chart(session, message.chartId(), (int) message.viewWidth(),
                anchor(message, target, marketData));
        charts.put(message.chartId(), chart);
        seriesOf.put(chart, target);
        target.add(chart);
        try {
            target.sync(marketData, manager);
            manager.setChart(session, message);
            chart.opened = true;
            target.sync(marketData, manager);
        } catch (RuntimeException e) {
            // A chart the manager may not know must not stay registered: every later batch would fail on it.
            remove(charts, chart);
            throw e;
        }
        return null;
    }

    /** A session closed: its charts stop. */
    void closed(DiffSession session) {
        Map<String, ChartSeries.Chart> charts = sessionCharts.remove(session);
        if (charts != null) {
            for (ChartSeries.Chart chart : charts.values()) {
                seriesOf.remove(chart).remove(chart);
            }
        }
    }

    /** Pushes what changed in every shown series since the last publish. */
    void publish(Venue venue) {
        for (ChartSeries shown : series.values()) {
            if (!shown.isHidden()) {
                shown.sync(venue.marketData(shown.instrumentIndex), manager);
            }
        }
    }

    private void remove(Map<String, ChartSeries.Chart> charts, ChartSeries.Chart chart) {
        charts.remove(chart.chartId);
        seriesOf.remove(chart).remove(chart);
    }

    /** A refusal names the chart, so a client with several charts knows which one was refused. */
    private static JsonObject refuse(RejectCode code, SetChart message, String rule) {
        return DiffGateway.error(code, "set_chart chart_id=" + message.chartId() + ": " + rule);
    }

    /**
     * The window's first id: {@code left_kline_id}, or the one that puts the bar of {@code focus_datetime} at
     * {@code focus_position}; {@link ChartSeries#FOLLOW_NEWEST} without either. The request was validated.
     */
    private static long anchor(SetChart message, ChartSeries series, InstrumentMarketDataView marketData) {
        JsonObject request = message.request();
        if (request.containsKey(LEFT_KLINE_ID)) {
            return ((JsonNumber) request.get(LEFT_KLINE_ID)).longValue();
        }
        if (request.containsKey(FOCUS_DATETIME)) {
            return series.focusAnchor(marketData, ((JsonNumber) request.get(FOCUS_DATETIME)).longValue(),
                    (int) ((JsonNumber) request.get(FOCUS_POSITION)).longValue());
        }
        return ChartSeries.FOLLOW_NEWEST;
    }

    /** Checks {@code left_kline_id} and {@code focus_datetime}/{@code focus_position}: which go together, and ranges. */
    private static JsonObject anchorRefusal(SetChart message) {
        JsonObject request = message.request();
        boolean left = request.containsKey(LEFT_KLINE_ID);
        boolean focus = request.containsKey(FOCUS_DATETIME);
        if (left && (focus || request.containsKey(FOCUS_POSITION))) {
            return refuse(RejectCode.DIFF_INVALID_FIELD, message, "left_kline_id and focus_datetime/focus_position"
                    + " both place the window: give one of them");
        }
        if (focus != request.containsKey(FOCUS_POSITION)) {
            return refuse(RejectCode.DIFF_INVALID_FIELD, message, (focus ? "focus_datetime" : "focus_position")
                    + " needs " + (focus ? "focus_position" : "focus_datetime") + ": they place the window together");
        }
        if (left && integer(request.get(LEFT_KLINE_ID), 0, Long.MAX_VALUE) == null) {
            return refuse(RejectCode.DIFF_INVALID_FIELD, message, "left_kline_id=" + request.get(LEFT_KLINE_ID)
                    + " must be a bar id, an integer >= 0");
        }
        if (focus && integer(request.get(FOCUS_DATETIME), 0, Long.MAX_VALUE) == null) {
            return refuse(RejectCode.DIFF_INVALID_FIELD, message, "focus_datetime=" + request.get(FOCUS_DATETIME)
                    + " must be a time in nanoseconds since the epoch, an integer >= 0");
        }
        if (focus && integer(request.get(FOCUS_POSITION), 0, message.viewWidth() - 1) == null) {
            return refuse(RejectCode.DIFF_INVALID_FIELD, message, "focus_position=" + request.get(FOCUS_POSITION)
                    + " must be an integer from 0 to view_width - 1 = " + (message.viewWidth() - 1));
        }
        return null;
    }

    /** @return the value as a long if it is an integer within {@code [min, max]}, else {@code null} */
    private static Long integer(JsonValue value, long min, long max) {
        if (!(value instanceof JsonNumber number)) {
            return null;
        }
        try {
            long integer = number.decimalValue().longValueExact();
            return integer >= min && integer <= max ? integer : null;
        } catch (ArithmeticException notAnInteger) {
            return null;
        }
    }

    private static JsonObject refusal(Venue venue, SetChart message, int otherCharts) {
        if (message.instruments().size() > 1) {
            return refuse(RejectCode.DIFF_NOT_SUPPORTED, message, "ins_list=" + String.join(",",
                    message.instruments()) + " names several instruments: a chart shows one (no kline binding)");
        }
        JsonObject anchorRefusal = anchorRefusal(message);
        if (anchorRefusal != null) {
            return anchorRefusal;
        }
        String instrument = message.instruments().get(0);
        int index = venue.registry().indexOf(instrument);
        if (index < 0) {
            return refuse(RejectCode.UNKNOWN_INSTRUMENT, message, "ins_list entry " + instrument
                    + " is not an instrument of this exchange");
        }
        InstrumentMarketDataView marketData = venue.marketData(index);
        if (message.durationNs() != 0 && marketData.klines(message.durationNs()) == null) {
            StringJoiner offered = new StringJoiner(", ", "0 (ticks), ", "");
            for (int i = 0; i < marketData.klineDurationCount(); i++) {
                offered.add(Long.toString(marketData.klineDurationNs(i)));
            }
            return refuse(RejectCode.DIFF_INVALID_FIELD, message, "duration=" + message.durationNs()
                    + " ns is not kept by this exchange; offered: " + offered);
        }
        if (message.viewWidth() > MAX_VIEW_WIDTH) {
            return refuse(RejectCode.DIFF_INVALID_FIELD, message, "view_width=" + message.viewWidth()
                    + " must be <= " + MAX_VIEW_WIDTH);
        }
        if (otherCharts >= MAX_CHARTS_PER_SESSION) {
            return refuse(RejectCode.DIFF_INVALID_FIELD, message, "it would be chart " + (otherCharts + 1)
                    + " of this session; at most " + MAX_CHARTS_PER_SESSION + " are allowed");
        }
        return null;
    }
}
