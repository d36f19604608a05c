package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;
import io.github.exchangeblocks.engine.marketdata.KlineSeriesView;
import io.github.exchangeblocks.engine.marketdata.KlineVisitor;
import io.github.exchangeblocks.engine.marketdata.TickVisitor;
import io.github.exchangeblocks.engine.marketdata.TradeTapeView;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One series of the DIFF snapshot, read from an instrument's market data: the klines of one duration at
 * {@code klines.<ins>.<duration_ns>} or, with duration 0, the trade tape at {@code ticks.<ins>}; and the charts of
 * sessions that show it.
 *
 * <p>A kline's id is {@code floorDiv(timestamp, duration)} (the engine's), so ids are ascending with gaps for
 * periods without trades; a bar is {@code {datetime (ns, the bar's start), open, high, low, close, volume, open_oi,
 * close_oi}}. A tick is one trade of the tape, id counting trades from 1: {@code {datetime (ns), last_price, volume,
 * amount, bid_price1, bid_volume1, ask_price1, ask_volume1}} where volume and amount are the trade's own (not the
 * day's running totals of an exchange tick) and bid/ask are the best levels the trade left ({@code "-"} and 0 for an
 * empty side; see {@code TradeTapeView.bidPrice}); the tape has no open interest, which TqSdk then reads as NaN.
 *
 * <p>Windows: a chart that follows the newest bars shows the newest {@code view_width} bars held; an anchored chart
 * ({@code left_kline_id}, or {@code focus_datetime} with {@code focus_position}, see {@link DiffCharts}) shows the
 * bars with ids {@code anchor .. anchor + view_width - 1}, as TqSdk's id arithmetic has it (a kline period without
 * trades has no bar, so such a window may hold fewer bars), and stays there as new bars arrive. Each window is sent
 * as {@code left_id}..{@code right_id} (the first and last bar it holds), or -1..-1 while it holds none.
 *
 * <p>The snapshot holds exactly the bars some chart's window shows: the newest up to the widest following
 * {@code view_width}, plus those in anchored windows (others are deleted as new ones arrive; a new or wider chart
 * brings older kept bars back). A series whose charts are all gone keeps its bars but is no longer updated until a
 * chart shows it again. Engine thread only.
 */
final class ChartSeries implements KlineVisitor, TickVisitor {
    private static final int TICK_MEMBERS = 8;
    /** {@link Chart#anchorId} of a chart that follows the newest bars. */
    static final long FOLLOW_NEWEST = Long.MIN_VALUE;

    /** One chart of one session on this series, with the window last sent to it. */
    static final class Chart {
        final DiffSession session;
        final String chartId;
        final int width;
        /** The first id of an anchored window, or {@link #FOLLOW_NEWEST}. */
        final long anchorId;
        boolean opened;
        long leftId = Long.MIN_VALUE;
        long rightId = Long.MIN_VALUE;

        Chart(DiffSession session, String chartId, int width, long anchorId) {
            this.session = session;
            this.chartId = chartId;
            this.width = width;
            this.anchorId = anchorId;
        }

        /** @return the last id of an anchored window (saturating) */
        long lastAnchoredId() {
            return anchorId > Long.MAX_VALUE - width ? Long.MAX_VALUE : anchorId + width - 1;
        }
    }

    final String instrumentId;
    final int instrumentIndex;
    final long durationNs;
    private final List<Chart> charts = new ArrayList<>();
    private final InstrumentSpec spec;
    private final BigDecimal notionalPerTick;
    /** Ids held in the snapshot, ascending. */
    private final LongArrayList ids = new LongArrayList();
    private long publishedVersion = -1;
    private long publishedLastId = Long.MIN_VALUE;
    /** The newest tick visited (ticks never change once recorded). */
    private long seenTickId;
    /** A chart came or went: the windows' bars are read again, and held bars no window shows are deleted. */
    private boolean chartsChanged;
    /** Visiting fills in bars a new window needs (held ones are skipped) rather than taking changes. */
    private boolean filling;
    private int followWidth;
    private JsonObject data;
    /** The bars this sync deletes (sent after the windows move off them). */
    private JsonObject dropped;
    /** The tape being read, for each tick's top of book. */
    private TradeTapeView tape;

    /**
     * @param spec            the instrument
     * @param instrumentIndex its index in the venue
     * @param durationNs      the bar duration, 0 for ticks
     */
    ChartSeries(InstrumentSpec spec, int instrumentIndex, long durationNs) {
        this.spec = spec;
        this.instrumentId = spec.instrumentId();
        this.instrumentIndex = instrumentIndex;
        this.durationNs = durationNs;
        this.notionalPerTick = BigDecimal.valueOf(spec.tickSize(), spec.priceScale())
                .multiply(BigDecimal.valueOf(spec.volumeMultiple()));
    }

    /** Adds a chart (not opened yet); the next {@link #sync} reads the bars of its window. */
    void add(Chart chart) {
        charts.add(chart);
        chartsChanged = true;
    }

    /** Removes a chart; the next {@link #sync} deletes the bars only it showed. */
    void remove(Chart chart) {
        charts.remove(chart);
        chartsChanged = true;
    }

    /** @return whether no chart shows the series */
    boolean isHidden() {
        return charts.isEmpty();
    }

    /**
     * Brings the snapshot's series up to the market data and every opened chart's window up to the series: pushes
     * new and changed bars, the bars a new window needs, deletions of bars no window shows any more, then each
     * chart's {@code left_id}/{@code right_id} (with {@code ready: true} the first time).
     */
    void sync(InstrumentMarketDataView marketData, DiffSnapshotManager manager) {
        if (charts.isEmpty()) {
            return;
        }
        followWidth = 0;
        for (Chart chart : charts) {
            if (chart.anchorId == FOLLOW_NEWEST) {
                followWidth = Math.max(followWidth, chart.width);
            }
        }
        data = new JsonObject();
        dropped = new JsonObject();
        int heldBefore = ids.size();
        long lastId = durationNs == 0 ? readTicks(marketData.tape()) : readBars(marketData.klines(durationNs));
        publishedVersion = marketData.version();
        if (chartsChanged || ids.size() != heldBefore) {
            dropUnshown();
        }
        chartsChanged = false;
        // Three pushes in this order, so that whatever frame boundary a client's peek falls on, every window it
        // holds covers bars it holds: new and changed bars, then the windows, then the bars no window shows.
        if (!data.isEmpty() || lastId != publishedLastId) {
            JsonObject patch = new JsonObject().put("last_id", lastId);
            if (!data.isEmpty()) {
                patch.put("data", data);
            }
            push(manager, patch);
            publishedLastId = lastId;
        }
        for (Chart chart : charts) {
            if (chart.opened) {
                sendWindow(chart, manager);
            }
        }
        if (!dropped.isEmpty()) {
            push(manager, new JsonObject().put("data", dropped));
        }
        data = null;
        dropped = null;
    }

    private void push(DiffSnapshotManager manager, JsonObject patch) {
        if (durationNs == 0) {
            manager.pushTicks(instrumentId, patch);
        } else {
            manager.pushKlines(instrumentId, durationNs, patch);
        }
    }

    private long readBars(KlineSeriesView series) {
        if (publishedVersion >= 0) {
            series.visitChangedSince(publishedVersion, this);
        }
        if (chartsChanged && series.size() > 0) {
            fill(() -> series.visitLast(followWidth, this));
            for (Chart chart : charts) {
                if (chart.anchorId != FOLLOW_NEWEST) {
                    fill(() -> series.visit(chart.anchorId, chart.lastAnchoredId(), this));
                }
            }
        }
        return series.lastId() == KlineSeriesView.NULL_ID ? -1 : series.lastId();
    }

    private long readTicks(TradeTapeView tape) {
        this.tape = tape;
        long last = tape.lastTickId();
        if (publishedVersion >= 0 && seenTickId < last) {
            tape.visit(seenTickId + 1, last, this);
        }
        seenTickId = last;
        if (chartsChanged && tape.size() > 0) {
            fill(() -> tape.visit(last - followWidth + 1, last, this));
            for (Chart chart : charts) {
                if (chart.anchorId != FOLLOW_NEWEST) {
                    fill(() -> tape.visit(chart.anchorId, chart.lastAnchoredId(), this));
                }
            }
        }
        return last == 0 ? -1 : last;
    }

    /** Visits bars that windows need and the snapshot may lack; held ones are skipped. */
    private void fill(Runnable visit) {
        filling = true;
        try {
            visit.run();
        } finally {
            filling = false;
        }
    }

    /** Deletes the held bars no window shows: not among the newest {@code followWidth}, in no anchored window. */
    private void dropUnshown() {
        int followFrom = ids.size() - followWidth;
        int kept = 0;
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.getLong(i);
            if (i >= followFrom || inAnchoredWindow(id)) {
                ids.set(kept++, id);
            } else {
                String key = Long.toString(id);
                data.remove(key);
                dropped.put(key, JsonNull.INSTANCE);
            }
        }
        ids.size(kept);
    }

    private boolean inAnchoredWindow(long id) {
        for (Chart chart : charts) {
            if (chart.anchorId != FOLLOW_NEWEST && id >= chart.anchorId && id <= chart.lastAnchoredId()) {
                return true;
            }
        }
        return false;
    }

    private void sendWindow(Chart chart, DiffSnapshotManager manager) {
        long left = -1;
        long right = -1;
        if (chart.anchorId == FOLLOW_NEWEST) {
            if (!ids.isEmpty()) {
                right = ids.getLong(ids.size() - 1);
                left = ids.getLong(Math.max(0, ids.size() - chart.width));
            }
        } else {
            int from = indexOf(chart.anchorId);
            int to = indexOf(chart.lastAnchoredId() == Long.MAX_VALUE ? Long.MAX_VALUE : chart.lastAnchoredId() + 1);
            if (from < to) {
                left = ids.getLong(from);
                right = ids.getLong(to - 1);
            }
        }
        if (left == chart.leftId && right == chart.rightId) {
            return;
        }
        JsonObject window = new JsonObject().put("left_id", left).put("right_id", right);
        if (chart.leftId == Long.MIN_VALUE) {
            window.put("more_data", false).put("ready", true);
        }
        chart.leftId = left;
        chart.rightId = right;
        manager.updateChart(chart.session, chart.chartId, window);
    }

    /** The index of the first held id {@code >= id} ({@code ids.size()} if none). */
    private int indexOf(long id) {
        int index = LongArrays.binarySearch(ids.elements(), 0, ids.size(), id);
        return index >= 0 ? index : -index - 1;
    }

    /**
     * The anchor of a window placed by {@code focus_datetime}/{@code focus_position}: the id of the bar containing
     * {@code focusNs} ({@code floorDiv(focusNs, duration)}, whether or not it traded; for ticks the first tick at or
     * after it, or the next tick to come) minus {@code position}.
     *
     * @param focusNs  nanoseconds since the epoch, {@code >= 0}
     * @param position the focus bar's place in the window, 0 up to the view width - 1
     * @return the window's first id
     */
    long focusAnchor(InstrumentMarketDataView marketData, long focusNs, int position) {
        if (durationNs != 0) {
            return Math.floorDiv(focusNs, durationNs) - position;
        }
        TradeTapeView tape = marketData.tape();
        long[] focus = {tape.lastTickId() + 1};
        tape.visit(tape.firstTickId(), tape.lastTickId(), (tickId, tradeId, timestampNs, price, volume, side) -> {
            if (timestampNs >= focusNs && tickId < focus[0]) {
                focus[0] = tickId;
            }
        });
        return focus[0] - position;
    }

    /**
     * Takes an id the market data visited: while filling, one not held yet; otherwise a held one (changed) or one a
     * window shows (a new newest bar while a chart follows the newest, or one in an anchored window). Inserts what
     * it takes into the held ids.
     */
    private boolean take(long id) {
        int index = indexOf(id);
        if (index < ids.size() && ids.getLong(index) == id) {
            return !filling;
        }
        if (filling || (followWidth > 0 && index == ids.size()) || inAnchoredWindow(id)) {
            ids.add(index, id);
            return true;
        }
        return false;
    }

    @Override
    public void onBar(long duration, long id, long open, long high, long low, long close, long volume, long amount,
                      long openOpenInterest, long closeOpenInterest) {
        if (!take(id)) {
            return;
        }
        data.put(Long.toString(id), new JsonObject()
                .put("datetime", Math.multiplyExact(id, duration))
                .put("open", DiffFields.price(spec, open))
                .put("high", DiffFields.price(spec, high))
                .put("low", DiffFields.price(spec, low))
                .put("close", DiffFields.price(spec, close))
                .put("volume", volume)
                .put("open_oi", openOpenInterest)
                .put("close_oi", closeOpenInterest));
    }

    @Override
    public void onTick(long tickId, long tradeId, long timestampNs, long price, long volume, Side aggressorSide) {
        if (!take(tickId)) {
            return;
        }
        data.put(Long.toString(tickId), new JsonObject(TICK_MEMBERS)
                .put("datetime", timestampNs)
                .put("last_price", DiffFields.price(spec, price))
                .put("volume", volume)
                .put("amount", JsonNumber.of(
                        notionalPerTick.multiply(BigDecimal.valueOf(price)).multiply(BigDecimal.valueOf(volume))))
                .put("bid_price1", DiffFields.price(spec, tape.bidPrice(tickId)))
                .put("bid_volume1", tape.bidVolume(tickId))
                .put("ask_price1", DiffFields.price(spec, tape.askPrice(tickId)))
                .put("ask_volume1", tape.askVolume(tickId)));
    }
}
