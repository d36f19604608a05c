package io.github.exchangeblocks.engine.marketdata;

import static io.github.exchangeblocks.engine.marketdata.MarketDataSnapshotDescriptor.*;

import io.github.exchangeblocks.api.Side;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a {@link MarketDataSnapshotDescriptor} snapshot into freshly created market data. Works on a little-endian
 * duplicate of the source; only the source's position moves, and only when the whole snapshot was read.
 */
final class MarketDataSnapshotReader {
    private MarketDataSnapshotReader() {
    }

    /**
     * Reads a snapshot into {@code data}, which must be freshly created from the same settings.
     *
     * @throws IllegalArgumentException if the bytes are not a valid snapshot for these settings
     */
    static void read(ByteBuffer source, MarketDataEngine data) {
        ByteBuffer in = source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        try {
            short version = readHeader(in, data);
            readQuote(in, data.quote);
            readDepth(in, data.depth);
            readTape(in, data, version);
            readTicker(in, data);
            readKlines(in, data);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("snapshot length=" + source.remaining()
                + " must hold every block its counts announce", e);
        }
        source.position(in.position());
    }

    /** @return the snapshot's version, 1 or 2 */
    private static short readHeader(ByteBuffer in, MarketDataEngine data) {
        int magic = in.getInt();
        require(magic == MAGIC, "snapshot magic=0x" + Integer.toHexString(magic) + " must be 0x"
            + Integer.toHexString(MAGIC));
        short version = in.getShort();
        require(version == VERSION_1 || version == VERSION, "snapshot version=" + version + " must be "
            + VERSION_1 + " or " + VERSION);
        in.getShort();
        long instrumentId = in.getLong();
        require(instrumentId == data.settings.instrumentId(), "snapshot instrumentId=" + instrumentId
            + " must equal settings instrumentId=" + data.settings.instrumentId());
        data.timestampNs = in.getLong();
        data.version = in.getLong();
        require(data.timestampNs >= 0 && data.timestampNs <= InstrumentMarketData.MAX_TIMESTAMP_NS,
            "snapshot timestampNs=" + data.timestampNs + " must be in 0.." + InstrumentMarketData.MAX_TIMESTAMP_NS);
        return version;
    }

    private static void readQuote(ByteBuffer in, DayQuote q) {
        q.datetimeNs = in.getLong();
        q.version = in.getLong();
        q.lastPrice = in.getLong();
        q.open = in.getLong();
        q.highest = in.getLong();
        q.lowest = in.getLong();
        q.close = in.getLong();
        q.volume = in.getLong();
        q.amount = in.getLong();
        q.openInterest = in.getLong();
        q.settlement = in.getLong();
        q.upperLimit = in.getLong();
        q.lowerLimit = in.getLong();
        q.preSettlement = in.getLong();
        q.preClose = in.getLong();
        q.preOpenInterest = in.getLong();
    }

    private static void readDepth(ByteBuffer in, DepthMirror depth) {
        long lastUpdateId = in.getLong();
        long lastDrained = in.getLong();
        int bidLevels = in.getInt();
        int askLevels = in.getInt();
        int pending = in.getInt();
        in.getInt();
        require(bidLevels >= 0 && askLevels >= 0 && pending >= 0 && lastDrained >= 0 && lastDrained <= lastUpdateId
            && (pending == 0) == (lastDrained == lastUpdateId), "snapshot depth header (lastUpdateId=" + lastUpdateId
            + ", lastDrainedUpdateId=" + lastDrained + ", bidLevels=" + bidLevels + ", askLevels=" + askLevels
            + ", pendingLevels=" + pending + ") is inconsistent");
        readLevels(in, depth.bids, bidLevels);
        readLevels(in, depth.asks, askLevels);
        for (int entry = 0; entry < pending; entry++) {
            long price = in.getLong();
            long quantity = in.getLong();
            int count = in.getInt();
            Side side = Side.fromCode(in.get());
            in.get();
            in.getShort();
            depth.record(side, price, quantity, count);
        }
        require(depth.pendingSize == pending, "snapshot pending levels must be distinct");
        depth.lastUpdateId = lastUpdateId;
        depth.lastDrainedUpdateId = lastDrained;
    }

    private static void readLevels(ByteBuffer in, DepthSide side, int levels) {
        for (int rank = 0; rank < levels; rank++) {
            long price = in.getLong();
            long quantity = in.getLong();
            int count = in.getInt();
            in.getInt();
            require(price > 0 && quantity > 0 && count > 0 && side.rankOf(price) < 0, "snapshot " + side.side
                + " level " + rank + " (price=" + price + ", quantity=" + quantity + ", count=" + count
                + ") must be positive and distinct");
            side.apply(price, quantity, count);
        }
    }

    /** Version 1 ticks carry no top of book: they are restored with none. */
    private static void readTape(ByteBuffer in, MarketDataEngine data, short version) {
        TradeTape tape = data.tape;
        long lastTickId = in.getLong();
        int count = in.getInt();
        in.getInt();
        require(count >= 0 && count <= tape.capacity && lastTickId >= count, "snapshot tape (lastTickId="
            + lastTickId + ", tickCount=" + count + ") must fit tickCapacity=" + tape.capacity);
        tape.resetTo(lastTickId - count);
        for (int i = 0; i < count; i++) {
            long tradeId = in.getLong();
            long timestampNs = in.getLong();
            long price = in.getLong();
            long volume = in.getLong();
            Side side = Side.fromCode(in.get());
            in.get();
            in.getShort();
            in.getInt();
            if (version == VERSION_1) {
                tape.add(tradeId, timestampNs, price, volume, side, QuoteView.NULL_PRICE, 0, QuoteView.NULL_PRICE, 0);
            } else {
                long bidPrice = in.getLong();
                long bidVolume = in.getLong();
                long askPrice = in.getLong();
                long askVolume = in.getLong();
                require(bidPrice >= 0 && bidVolume >= 0 && askPrice >= 0 && askVolume >= 0, "snapshot tick " + i
                    + " top of book (bid " + bidPrice + " x " + bidVolume + ", ask " + askPrice + " x " + askVolume
                    + ") must not be negative");
                tape.add(tradeId, timestampNs, price, volume, side, bidPrice, bidVolume, askPrice, askVolume);
            }
        }
    }

    private static void readTicker(ByteBuffer in, MarketDataEngine data) {
        RollingTicker ticker = data.ticker;
        long windowNs = in.getLong();
        long bucketNs = in.getLong();
        require(windowNs == ticker.windowNs && bucketNs == ticker.bucketNs, "snapshot ticker window="
            + windowNs + "/" + bucketNs + " must equal settings tickerWindowNs/tickerBucketNs=" + ticker.windowNs
            + "/" + ticker.bucketNs);
        ticker.asOfNs = in.getLong();
        ticker.version = in.getLong();
        ticker.lastPrice = in.getLong();
        int count = in.getInt();
        in.getInt();
        require(count >= 0 && count <= ticker.capacity, "snapshot ticker bucketCount=" + count + " must be in 0.."
            + ticker.capacity);
        ticker.head = 0;
        ticker.size = count;
        for (int slot = 0; slot < count; slot++) {
            ticker.bucketIds[slot] = in.getLong();
            ticker.opens[slot] = in.getLong();
            ticker.highs[slot] = in.getLong();
            ticker.lows[slot] = in.getLong();
            ticker.closes[slot] = in.getLong();
            ticker.volumes[slot] = in.getLong();
            ticker.amounts[slot] = in.getLong();
            ticker.counts[slot] = in.getLong();
            require(slot == 0 || ticker.bucketIds[slot] > ticker.bucketIds[slot - 1], "snapshot ticker bucket "
                + slot + " id=" + ticker.bucketIds[slot] + " must be above the one before");
            ticker.volume += ticker.volumes[slot];
            ticker.amount += ticker.amounts[slot];
            ticker.tradeCount += ticker.counts[slot];
        }
        ticker.rebuildDeques();
    }

    private static void readKlines(ByteBuffer in, MarketDataEngine data) {
        int seriesCount = in.getInt();
        in.getInt();
        require(seriesCount >= 0 && seriesCount <= MarketDataSettings.MAX_KLINE_DURATIONS, "snapshot seriesCount="
            + seriesCount + " must be in 0.." + MarketDataSettings.MAX_KLINE_DURATIONS);
        for (int s = 0; s < seriesCount; s++) {
            long durationNs = in.getLong();
            int count = in.getInt();
            in.getInt();
            KlineSeries series = data.klines.add(durationNs);
            require(series.size == 0 && count >= 0 && count <= series.capacity, "snapshot series durationNs="
                + durationNs + " barCount=" + count + " must be in 0.." + series.capacity + " and appear once");
            for (int slot = 0; slot < count; slot++) {
                series.ids[slot] = in.getLong();
                series.opens[slot] = in.getLong();
                series.highs[slot] = in.getLong();
                series.lows[slot] = in.getLong();
                series.closes[slot] = in.getLong();
                series.volumes[slot] = in.getLong();
                series.amounts[slot] = in.getLong();
                series.openOis[slot] = in.getLong();
                series.closeOis[slot] = in.getLong();
                series.versions[slot] = in.getLong();
                require(slot == 0 || series.ids[slot] > series.ids[slot - 1], "snapshot series durationNs="
                    + durationNs + " bar " + slot + " id=" + series.ids[slot] + " must be above the one before");
                series.size = slot + 1;
            }
            series.head = 0;
            series.restored();
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
