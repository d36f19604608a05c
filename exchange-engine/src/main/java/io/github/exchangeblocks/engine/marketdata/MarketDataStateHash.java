package io.github.exchangeblocks.engine.marketdata;

/**
 * A 64-bit hash over everything the market data's future outputs depend on, in the snapshot's order: header,
 * quote, depth levels and pending batch, tape, ticker buckets, kline bars. Ring positions are not folded in (a
 * restore starts the rings at slot 0), only the logical contents. Each value is folded with a
 * fixed multiply-xorshift finaliser, so the result is the same on every JVM and platform.
 */
final class MarketDataStateHash {
    private static final long SEED = 0x3C6EF372FE94F82BL;

    private MarketDataStateHash() {
    }

    static long of(MarketDataEngine data) {
        long h = SEED;
        h = mix(h, data.settings.instrumentId());
        h = mix(h, data.timestampNs);
        h = mix(h, data.version);
        h = quote(h, data.quote);
        h = depth(h, data.depth);
        h = tape(h, data.tape);
        h = ticker(h, data.ticker);
        h = mix(h, data.klines.count());
        for (KlineSeries series : data.klines.series) {
            h = series(h, series);
        }
        return h;
    }

    private static long quote(long start, DayQuote q) {
        long h = start;
        h = mix(h, q.datetimeNs);
        h = mix(h, q.version);
        h = mix(h, q.lastPrice);
        h = mix(h, q.open);
        h = mix(h, q.highest);
        h = mix(h, q.lowest);
        h = mix(h, q.close);
        h = mix(h, q.volume);
        h = mix(h, q.amount);
        h = mix(h, q.openInterest);
        h = mix(h, q.settlement);
        h = mix(h, q.upperLimit);
        h = mix(h, q.lowerLimit);
        h = mix(h, q.preSettlement);
        h = mix(h, q.preClose);
        return mix(h, q.preOpenInterest);
    }

    private static long depth(long start, DepthMirror depth) {
        long h = mix(start, depth.lastUpdateId);
        h = mix(h, depth.lastDrainedUpdateId);
        h = levels(h, depth.bids);
        h = levels(h, depth.asks);
        h = mix(h, depth.pendingSize);
        for (int entry = 0; entry < depth.pendingSize; entry++) {
            h = mix(h, depth.pendingSides[entry]);
            h = mix(h, depth.pendingPrices[entry]);
            h = mix(h, depth.pendingQuantities[entry]);
            h = mix(h, depth.pendingCounts[entry]);
        }
        return h;
    }

    private static long levels(long start, DepthSide side) {
        long h = mix(start, side.levels());
        for (int rank = 0; rank < side.levels(); rank++) {
            h = mix(h, side.price(rank));
            h = mix(h, side.quantity(rank));
            h = mix(h, side.count(rank));
        }
        return h;
    }

    private static long tape(long start, TradeTape tape) {
        long h = mix(start, tape.lastTickId);
        h = mix(h, tape.size);
        for (long tickId = tape.firstTickId(); tickId <= tape.lastTickId; tickId++) {
            int slot = tape.slotOf(tickId);
            h = mix(h, tape.tradeIds[slot]);
            h = mix(h, tape.timestamps[slot]);
            h = mix(h, tape.prices[slot]);
            h = mix(h, tape.volumes[slot]);
            h = mix(h, tape.sides[slot]);
            // Version 1 ticks carry no top of book: they hash as they did before it was recorded.
            if (tape.bidPrices[slot] != QuoteView.NULL_PRICE || tape.askPrices[slot] != QuoteView.NULL_PRICE) {
                h = mix(h, tape.bidPrices[slot]);
                h = mix(h, tape.bidVolumes[slot]);
                h = mix(h, tape.askPrices[slot]);
                h = mix(h, tape.askVolumes[slot]);
            }
        }
        return h;
    }

    private static long ticker(long start, RollingTicker ticker) {
        long h = mix(start, ticker.asOfNs);
        h = mix(h, ticker.version);
        h = mix(h, ticker.lastPrice);
        h = mix(h, ticker.size);
        for (int i = 0; i < ticker.size; i++) {
            int slot = ticker.slot(i);
            h = mix(h, ticker.bucketIds[slot]);
            h = mix(h, ticker.opens[slot]);
            h = mix(h, ticker.highs[slot]);
            h = mix(h, ticker.lows[slot]);
            h = mix(h, ticker.closes[slot]);
            h = mix(h, ticker.volumes[slot]);
            h = mix(h, ticker.amounts[slot]);
            h = mix(h, ticker.counts[slot]);
        }
        return h;
    }

    private static long series(long start, KlineSeries series) {
        long h = mix(start, series.durationNs);
        h = mix(h, series.size);
        for (int i = 0; i < series.size; i++) {
            int slot = series.slot(i);
            h = mix(h, series.ids[slot]);
            h = mix(h, series.opens[slot]);
            h = mix(h, series.highs[slot]);
            h = mix(h, series.lows[slot]);
            h = mix(h, series.closes[slot]);
            h = mix(h, series.volumes[slot]);
            h = mix(h, series.amounts[slot]);
            h = mix(h, series.openOis[slot]);
            h = mix(h, series.closeOis[slot]);
            h = mix(h, series.versions[slot]);
        }
        return h;
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29);
    }
}
