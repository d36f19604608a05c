package io.github.exchangeblocks.engine.marketdata;

import static io.github.exchangeblocks.engine.marketdata.MarketDataSnapshotDescriptor.*;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes market data in the {@link MarketDataSnapshotDescriptor} format. Works on a little-endian duplicate of
 * the target, so the target's byte order setting is irrelevant; only its position moves.
 */
final class MarketDataSnapshotWriter {
    private MarketDataSnapshotWriter() {
    }

    static int length(MarketDataEngine data) {
        DepthMirror depth = data.depth;
        long length = HEADER_LENGTH + QUOTE_LENGTH + DEPTH_HEADER_LENGTH
            + (long) (depth.bids.levels() + depth.asks.levels()) * LEVEL_LENGTH
            + (long) depth.pendingSize * PENDING_LENGTH
            + TAPE_HEADER_LENGTH + (long) data.tape.size * TICK_LENGTH
            + TICKER_HEADER_LENGTH + (long) data.ticker.size * BUCKET_LENGTH
            + KLINES_HEADER_LENGTH;
        for (KlineSeries series : data.klines.series) {
            length += SERIES_HEADER_LENGTH + (long) series.size * BAR_LENGTH;
        }
        if (length > Integer.MAX_VALUE) {
            throw new IllegalStateException("snapshot length=" + length + " must be <= " + Integer.MAX_VALUE);
        }
        return (int) length;
    }

    static int write(MarketDataEngine data, ByteBuffer target) {
        int length = length(data);
        if (target.remaining() < length) {
            throw new BufferOverflowException();
        }
        ByteBuffer out = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putShort(VERSION).putShort((short) 0);
        out.putLong(data.settings.instrumentId()).putLong(data.timestampNs).putLong(data.version);
        writeQuote(data.quote, out);
        writeDepth(data.depth, out);
        writeTape(data.tape, out);
        writeTicker(data.ticker, out);
        out.putInt(data.klines.count()).putInt(0);
        for (KlineSeries series : data.klines.series) {
            writeSeries(series, out);
        }
        target.position(target.position() + length);
        return length;
    }

    private static void writeQuote(DayQuote q, ByteBuffer out) {
        out.putLong(q.datetimeNs).putLong(q.version).putLong(q.lastPrice).putLong(q.open).putLong(q.highest)
            .putLong(q.lowest).putLong(q.close).putLong(q.volume).putLong(q.amount).putLong(q.openInterest)
            .putLong(q.settlement).putLong(q.upperLimit).putLong(q.lowerLimit).putLong(q.preSettlement)
            .putLong(q.preClose).putLong(q.preOpenInterest);
    }

    private static void writeDepth(DepthMirror depth, ByteBuffer out) {
        out.putLong(depth.lastUpdateId).putLong(depth.lastDrainedUpdateId);
        out.putInt(depth.bids.levels()).putInt(depth.asks.levels()).putInt(depth.pendingSize).putInt(0);
        writeLevels(depth.bids, out);
        writeLevels(depth.asks, out);
        for (int entry = 0; entry < depth.pendingSize; entry++) {
            out.putLong(depth.pendingPrices[entry]).putLong(depth.pendingQuantities[entry])
                .putInt(depth.pendingCounts[entry]).put(depth.pendingSides[entry]).put((byte) 0).putShort((short) 0);
        }
    }

    private static void writeLevels(DepthSide side, ByteBuffer out) {
        for (int rank = 0; rank < side.levels(); rank++) {
            out.putLong(side.price(rank)).putLong(side.quantity(rank)).putInt(side.count(rank)).putInt(0);
        }
    }

    private static void writeTape(TradeTape tape, ByteBuffer out) {
        out.putLong(tape.lastTickId).putInt(tape.size).putInt(0);
        for (long tickId = tape.firstTickId(); tickId <= tape.lastTickId; tickId++) {
            int slot = tape.slotOf(tickId);
            out.putLong(tape.tradeIds[slot]).putLong(tape.timestamps[slot]).putLong(tape.prices[slot])
                .putLong(tape.volumes[slot]).put(tape.sides[slot]).put((byte) 0).putShort((short) 0).putInt(0)
                .putLong(tape.bidPrices[slot]).putLong(tape.bidVolumes[slot]).putLong(tape.askPrices[slot])
                .putLong(tape.askVolumes[slot]);
        }
    }

    private static void writeTicker(RollingTicker ticker, ByteBuffer out) {
        out.putLong(ticker.windowNs).putLong(ticker.bucketNs).putLong(ticker.asOfNs).putLong(ticker.version)
            .putLong(ticker.lastPrice).putInt(ticker.size).putInt(0);
        for (int i = 0; i < ticker.size; i++) {
            int slot = ticker.slot(i);
            out.putLong(ticker.bucketIds[slot]).putLong(ticker.opens[slot]).putLong(ticker.highs[slot])
                .putLong(ticker.lows[slot]).putLong(ticker.closes[slot]).putLong(ticker.volumes[slot])
                .putLong(ticker.amounts[slot]).putLong(ticker.counts[slot]);
        }
    }

    private static void writeSeries(KlineSeries series, ByteBuffer out) {
        out.putLong(series.durationNs).putInt(series.size).putInt(0);
        for (int i = 0; i < series.size; i++) {
            int slot = series.slot(i);
            out.putLong(series.ids[slot]).putLong(series.opens[slot]).putLong(series.highs[slot])
                .putLong(series.lows[slot]).putLong(series.closes[slot]).putLong(series.volumes[slot])
                .putLong(series.amounts[slot]).putLong(series.openOis[slot]).putLong(series.closeOis[slot])
                .putLong(series.versions[slot]);
        }
    }
}
