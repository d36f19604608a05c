package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.json.JsonObject;
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
 * or, with duration 0, its trades as ticks; its window is the newest {@code view_width} bars, at most
 * {@value #MAX_VIEW_WIDTH} (a wider request is refused, not clamped, so a client never gets fewer bars than it
 * believes it asked for). A new chart gets its bars and then, in the same answer, {@code left_id}, {@code right_id},
 * {@code more_data: false} and {@code ready: true}; afterwards every change of its series reaches it at the end of
 * the command batch that made it. An empty {@code ins_list} removes the chart ({@code charts.<id>: null}) and its
 * updates. Refused, with a notify naming the field and nothing changed: an unknown instrument, a duration the venue
 * does not keep, more than one instrument (no kline binding), a window anchored elsewhere than the newest bar
 * ({@code left_kline_id}, {@code focus_datetime}, {@code focus_position}), a view wider than {@value #MAX_VIEW_WIDTH}
 * and more than {@value #MAX_CHARTS_PER_SESSION} charts in a session. Engine thread only.
 */
final class DiffCharts {
    /** The widest {@code view_width} offered, in bars (TqSdk's own upper bound on a serial's length). */
    static final int MAX_VIEW_WIDTH = 10_000;
    /** The most charts one session may have open. */
    static final int MAX_CHARTS_PER_SESSION = 32;
    private static final String[] ANCHORS = {"left_kline_id", "focus_datetime", "focus_position"};

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
        ChartSeries.Chart chart = new ChartSeries.Chart(session, message.chartId(), (int) message.viewWidth());
        charts.put(message.chartId(), chart);
        seriesOf.put(chart, target);
        target.charts.add(chart);
        InstrumentMarketDataView marketData = venue.marketData(index);
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
                seriesOf.remove(chart).charts.remove(chart);
            }
        }
    }

    /** Pushes what changed in every shown series since the last publish. */
    void publish(Venue venue) {
        for (ChartSeries shown : series.values()) {
            if (!shown.charts.isEmpty()) {
                shown.sync(venue.marketData(shown.instrumentIndex), manager);
            }
        }
    }

    private void remove(Map<String, ChartSeries.Chart> charts, ChartSeries.Chart chart) {
        charts.remove(chart.chartId);
        seriesOf.remove(chart).charts.remove(chart);
    }

    /** A refusal names the chart, so a client with several charts knows which one was refused. */
    private static JsonObject refuse(RejectCode code, SetChart message, String rule) {
        return DiffGateway.error(code, "set_chart chart_id=" + message.chartId() + ": " + rule);
    }

    private static JsonObject refusal(Venue venue, SetChart message, int otherCharts) {
        if (message.instruments().size() > 1) {
            return refuse(RejectCode.DIFF_NOT_SUPPORTED, message, "ins_list=" + String.join(",",
                    message.instruments()) + " names several instruments: a chart shows one (no kline binding)");
        }
        for (String anchor : ANCHORS) {
            if (message.request().containsKey(anchor)) {
                return refuse(RejectCode.DIFF_NOT_SUPPORTED, message, anchor
                        + " is not offered: a chart shows the newest view_width bars");
            }
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
