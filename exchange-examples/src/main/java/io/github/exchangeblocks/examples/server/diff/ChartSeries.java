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
 * amount}} where volume and amount are the trade's own (not the day's running totals of an exchange tick); the tape
 * has no bid/ask or open interest, which TqSdk then reads as NaN.
 *
 * <p>The snapshot holds the newest bars up to the widest {@code view_width} of the series' charts (older ones are
 * deleted as new ones arrive, wider charts bring older kept bars back); each chart's window is the newest
 * {@code view_width} bars held, {@code left_id}..{@code right_id}, or -1..-1 while there is none. A series whose
 * charts are all gone keeps its bars but is no longer updated until a chart shows it again. Engine thread only.
 */
final class ChartSeries implements KlineVisitor, TickVisitor {
    /** One chart of one session on this series, with the window last sent to it. */
    static final class Chart {
        final DiffSession session;
        final String chartId;
        final int width;
        boolean opened;
        long leftId = Long.MIN_VALUE;
        long rightId = Long.MIN_VALUE;

        Chart(DiffSession session, String chartId, int width) {
            this.session = session;
            this.chartId = chartId;
            this.width = width;
        }
    }

    final String instrumentId;
    final int instrumentIndex;
    final long durationNs;
    final List<Chart> charts = new ArrayList<>();
    private final InstrumentSpec spec;
    private final BigDecimal notionalPerTick;
    /** Ids held in the snapshot, ascending. */
    private final LongArrayList ids = new LongArrayList();
    private final LongArrayList older = new LongArrayList();
    private long publishedVersion = -1;
    private long publishedLastId = Long.MIN_VALUE;
    private boolean extending;
    private JsonObject data;

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

    /**
     * Brings the snapshot's series up to the market data and every opened chart's window up to the series: pushes
     * new and changed bars, older bars a wider chart needs, deletions of bars no chart shows any more, then each
     * chart's {@code left_id}/{@code right_id} (with {@code ready: true} the first time).
     */
    void sync(InstrumentMarketDataView marketData, DiffSnapshotManager manager) {
        int width = widest();
        if (width == 0) {
            return;
        }
        data = new JsonObject();
        long lastId;
        if (durationNs == 0) {
            lastId = readTicks(marketData.tape(), width);
        } else {
            lastId = readBars(marketData.klines(durationNs), width);
        }
        publishedVersion = marketData.version();
        int surplus = ids.size() - width;
        if (surplus > 0) {
            for (int i = 0; i < surplus; i++) {
                String key = Long.toString(ids.getLong(i));
                if (data.remove(key) == null) {
                    data.put(key, JsonNull.INSTANCE);
                }
            }
            ids.removeElements(0, surplus);
        }
        if (!data.isEmpty() || lastId != publishedLastId) {
            JsonObject patch = new JsonObject().put("last_id", lastId);
            if (!data.isEmpty()) {
                patch.put("data", data);
            }
            if (durationNs == 0) {
                manager.pushTicks(instrumentId, patch);
            } else {
                manager.pushKlines(instrumentId, durationNs, patch);
            }
            publishedLastId = lastId;
        }
        data = null;
        for (Chart chart : charts) {
            if (chart.opened) {
                sendWindow(chart, manager);
            }
        }
    }

    private long readBars(KlineSeriesView series, int width) {
        if (ids.isEmpty()) {
            series.visitLast(width, this);
        } else {
            series.visitChangedSince(publishedVersion, this);
            if (ids.size() < width && series.size() > 0 && series.firstId() < ids.getLong(0)) {
                readOlder(() -> series.visitLast(width, this));
            }
        }
        return series.lastId() == KlineSeriesView.NULL_ID ? -1 : series.lastId();
    }

    private long readTicks(TradeTapeView tape, int width) {
        long last = tape.lastTickId();
        long windowStart = Math.max(tape.firstTickId(), last - width + 1);
        if (ids.isEmpty()) {
            tape.visit(windowStart, last, this);
        } else {
            tape.visit(ids.getLong(ids.size() - 1) + 1, last, this);
            if (ids.size() < width && windowStart < ids.getLong(0)) {
                readOlder(() -> tape.visit(windowStart, ids.getLong(0) - 1, this));
            }
        }
        return last == 0 ? -1 : last;
    }

    /** Visits older bars than those held and puts them in front. */
    private void readOlder(Runnable visit) {
        extending = true;
        older.clear();
        try {
            visit.run();
        } finally {
            extending = false;
        }
        ids.addElements(0, older.elements(), 0, older.size());
    }

    private void sendWindow(Chart chart, DiffSnapshotManager manager) {
        long right = ids.isEmpty() ? -1 : ids.getLong(ids.size() - 1);
        long left = ids.isEmpty() ? -1 : ids.getLong(Math.max(0, ids.size() - chart.width));
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

    /** @return the widest view of the charts (opened or about to open), 0 if none */
    int widest() {
        int width = 0;
        for (Chart chart : charts) {
            width = Math.max(width, chart.width);
        }
        return width;
    }

    /**
     * Takes an id the market data visited: appended if newer than the held ones, updated if held, collected if
     * older while extending; false if it is to be skipped.
     */
    private boolean take(long id) {
        if (extending) {
            if (ids.isEmpty() || id < ids.getLong(0)) {
                older.add(id);
                return true;
            }
            return false;
        }
        if (ids.isEmpty() || id > ids.getLong(ids.size() - 1)) {
            ids.add(id);
            return true;
        }
        return id >= ids.getLong(0);
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
        data.put(Long.toString(tickId), new JsonObject()
                .put("datetime", timestampNs)
                .put("last_price", DiffFields.price(spec, price))
                .put("volume", volume)
                .put("amount", JsonNumber.of(
                        notionalPerTick.multiply(BigDecimal.valueOf(price)).multiply(BigDecimal.valueOf(volume)))));
    }
}
