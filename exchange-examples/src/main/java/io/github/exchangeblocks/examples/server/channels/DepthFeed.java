package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.engine.marketdata.DepthView;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.io.IOException;

/**
 * The depth channels of one instrument, read from the engine's depth mirror ({@link DepthView}): update ids and
 * level quantities are the mirror's. {@code @depth} is a full snapshot, then, each time the publisher sends (after
 * an engine batch or on its update tick, see {@link ChannelsConfig#updateIntervalMs()}), one delta with the levels
 * that changed since the last one, {@code U} = the previous delta's {@code u} + 1 and {@code u} = the mirror's
 * {@link DepthView#lastUpdateId()}, so deltas chain exactly (Binance's {@code U}/{@code u}). The changed prices are
 * taken from the book's level events; their final quantities from the mirror. (The mirror's own
 * pending batch is not drained here: draining changes the market data's state hash, which the journal replay must
 * reproduce, and a gateway's drains are not journaled.) {@code @depth5/10/20} are top-N snapshots, sent when the
 * top N changed. Engine thread only.
 */
final class DepthFeed {
    private static final int[] FIXED = {5, 10, 20};

    private final String symbol;
    private final InstrumentSpec spec;
    private final String depthTopic;
    private final String[] fixedTopics = new String[FIXED.length];
    private final long[] fixedHashes = new long[FIXED.length];
    private final LongOpenHashSet changedBids = new LongOpenHashSet();
    private final LongOpenHashSet changedAsks = new LongOpenHashSet();
    private long publishedUpdateId;

    DepthFeed(String symbol, InstrumentSpec spec, DepthView depth) {
        this.symbol = symbol;
        this.spec = spec;
        this.depthTopic = symbol + "@depth";
        for (int i = 0; i < FIXED.length; i++) {
            fixedTopics[i] = symbol + "@depth" + FIXED[i];
        }
        this.publishedUpdateId = depth.lastUpdateId();
    }

    /** A level changed in this batch. */
    void onLevel(Side side, long price) {
        (side == Side.BUY ? changedBids : changedAsks).add(price);
    }

    /** @return true if the depth mirror moved or levels changed since the last delta */
    boolean pending(InstrumentMarketDataView data) {
        return data.depth().lastUpdateId() != publishedUpdateId || !changedBids.isEmpty() || !changedAsks.isEmpty();
    }

    /** The delta of every level that changed since the last one, and the top-N snapshots that changed. */
    void publish(InstrumentMarketDataView data, Outbox out, long timeMs) {
        DepthView depth = data.depth();
        long last = depth.lastUpdateId();
        if (last == publishedUpdateId) {
            changedBids.clear();
            changedAsks.clear();
            return;
        }
        if (out.interested(depthTopic)) {
            if (changedBids.isEmpty() && changedAsks.isEmpty()) {
                // The mirror moved without level events (a resync from the book): a new snapshot replaces the book.
                out.add(depthTopic, snapshot(data, depthTopic, 0, timeMs, out.allocator()));
            } else {
                out.add(depthTopic, delta(data, publishedUpdateId + 1, last, timeMs, out.allocator()));
            }
        }
        publishedUpdateId = last;
        changedBids.clear();
        changedAsks.clear();
        for (int i = 0; i < FIXED.length; i++) {
            if (!out.interested(fixedTopics[i])) {
                fixedHashes[i] = 0;
                continue;
            }
            long hash = topHash(depth, FIXED[i]);
            if (hash != fixedHashes[i]) {
                fixedHashes[i] = hash;
                out.add(fixedTopics[i], snapshot(data, fixedTopics[i], FIXED[i], timeMs, out.allocator()));
            }
        }
    }

    /**
     * A snapshot message of the book as of the mirror's last update id (the last delta published).
     *
     * @param channel the channel name
     * @param levels  levels per side, 0 for all
     * @param timeMs  the message's time: when it is published, milliseconds since the epoch
     */
    ByteBuf snapshot(InstrumentMarketDataView data, String channel, int levels, long timeMs,
                     ByteBufAllocator allocator) {
        DepthView depth = data.depth();
        return MessageWriter.channelBody(allocator, channel, symbol, timeMs, "snapshot",
                json -> {
                    json.writeNumberField("lastUpdateId", depth.lastUpdateId());
                    writeSide(json, "bids", depth, Side.BUY, levels);
                    writeSide(json, "asks", depth, Side.SELL, levels);
                });
    }

    private ByteBuf delta(InstrumentMarketDataView data, long first, long last, long timeMs,
                          ByteBufAllocator allocator) {
        DepthView depth = data.depth();
        return MessageWriter.channelBody(allocator, depthTopic, symbol, timeMs, "delta",
                json -> {
                    json.writeNumberField("U", first);
                    json.writeNumberField("u", last);
                    writeChanged(json, "bids", depth, Side.BUY, changedBids);
                    writeChanged(json, "asks", depth, Side.SELL, changedAsks);
                });
    }

    private void writeSide(JsonGenerator json, String field, DepthView depth, Side side, int levels)
            throws IOException {
        int count = depth.levelCount(side);
        if (levels > 0) {
            count = Math.min(count, levels);
        }
        json.writeArrayFieldStart(field);
        for (int rank = 0; rank < count; rank++) {
            level(json, depth.price(side, rank), depth.quantity(side, rank));
        }
        json.writeEndArray();
    }

    private void writeChanged(JsonGenerator json, String field, DepthView depth, Side side, LongOpenHashSet prices)
            throws IOException {
        long[] sorted = prices.toLongArray();
        LongArrays.quickSort(sorted);
        json.writeArrayFieldStart(field);
        for (int i = 0; i < sorted.length; i++) {
            long price = side == Side.BUY ? sorted[sorted.length - 1 - i] : sorted[i];
            level(json, price, depth.quantityAt(side, price));
        }
        json.writeEndArray();
    }

    private void level(JsonGenerator json, long priceTicks, long quantity) throws IOException {
        json.writeStartArray();
        json.writeString(MessageWriter.price(spec, priceTicks));
        json.writeNumber(quantity);
        json.writeEndArray();
    }

    private static long topHash(DepthView depth, int levels) {
        long hash = 1;
        for (Side side : Side.values()) {
            int count = Math.min(levels, depth.levelCount(side));
            hash = hash * 31 + count;
            for (int rank = 0; rank < count; rank++) {
                hash = (hash ^ depth.price(side, rank)) * 0x100000001b3L;
                hash = (hash ^ depth.quantity(side, rank)) * 0x100000001b3L;
            }
        }
        return hash == 0 ? 1 : hash;
    }
}
