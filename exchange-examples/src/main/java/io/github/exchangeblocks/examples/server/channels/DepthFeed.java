package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.engine.marketdata.DepthView;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectIterator;

import java.io.IOException;
import java.util.Arrays;

/**
 * The depth channels of one instrument, read from the engine's depth mirror ({@link DepthView}): update ids and
 * level quantities are the mirror's. {@code @depth} is a full snapshot, then deltas, each phase group of connections
 * ({@link ChannelsConfig#phaseGroups()}) with a chain of its own: each time the publisher sends to a group, one
 * delta with the levels that changed since that group's last one, {@code U} = the group's previous {@code u} + 1
 * and {@code u} = the mirror's {@link DepthView#lastUpdateId()}, so deltas chain exactly (Binance's
 * {@code U}/{@code u}). The changed prices are taken from the book's level events, each noted once with the number
 * of the change (whichever group sends next takes the prices changed after its own last delta); their final
 * quantities from the mirror. (The mirror's own pending batch is not drained here: draining changes the market
 * data's state hash, which the journal replay must reproduce, and a gateway's drains are not journaled.)
 * {@code @depth5/10/20} are top-N snapshots, sent to a group when its top N changed since the group's last one.
 * Engine thread only.
 */
final class DepthFeed {
    private static final int[] FIXED = {5, 10, 20};

    private final String symbol;
    private final InstrumentSpec spec;
    private final String depthChannel;
    private final String[] fixedChannels = new String[FIXED.length];
    /** Per group: the topic of {@code @depth} and of each fixed depth. */
    private final String[] depthTopics;
    private final String[][] fixedTopics;
    /** Per group: the hash of the top N each fixed depth last sent. */
    private final long[][] fixedHashes;
    /** Changed prices, each with the number of its last change; pruned once every group has sent it. */
    private final Long2LongOpenHashMap changedBids = new Long2LongOpenHashMap();
    private final Long2LongOpenHashMap changedAsks = new Long2LongOpenHashMap();
    /** Level events noted so far: the number of the last change. */
    private long changes;
    /** Per group: the changes its last delta covered. */
    private final long[] groupChanges;
    /** Per group: the {@code u} of its last delta (or the update id it last skipped to). */
    private final long[] publishedUpdateIds;
    /** Changes every group has sent (those entries are gone from the maps). */
    private long prunedChanges;
    /** Reused to sort one side's changed prices. */
    private long[] sorted = new long[64];

    /**
     * @param groups the phase groups, {@code >= 1}
     */
    DepthFeed(String symbol, InstrumentSpec spec, DepthView depth, int groups) {
        this.symbol = symbol;
        this.spec = spec;
        this.depthChannel = symbol + "@depth";
        for (int i = 0; i < FIXED.length; i++) {
            fixedChannels[i] = symbol + "@depth" + FIXED[i];
        }
        this.depthTopics = new String[groups];
        this.fixedTopics = new String[groups][FIXED.length];
        this.fixedHashes = new long[groups][FIXED.length];
        this.groupChanges = new long[groups];
        this.publishedUpdateIds = new long[groups];
        for (int group = 0; group < groups; group++) {
            depthTopics[group] = ChannelName.phasedTopic(depthChannel, group);
            for (int i = 0; i < FIXED.length; i++) {
                fixedTopics[group][i] = ChannelName.phasedTopic(fixedChannels[i], group);
            }
            publishedUpdateIds[group] = depth.lastUpdateId();
        }
    }

    /** A level changed in this batch. */
    void onLevel(Side side, long price) {
        (side == Side.BUY ? changedBids : changedAsks).put(price, ++changes);
    }

    /** @return true if the depth mirror moved or levels changed since the group's last delta */
    boolean pending(InstrumentMarketDataView data, int group) {
        return data.depth().lastUpdateId() != publishedUpdateIds[group] || changes != groupChanges[group];
    }

    /** To one group: the delta of every level that changed since its last one, and the top-N snapshots that changed. */
    void publish(InstrumentMarketDataView data, Outbox out, int group, long timeMs) {
        DepthView depth = data.depth();
        long last = depth.lastUpdateId();
        long since = groupChanges[group];
        groupChanges[group] = changes;
        if (last == publishedUpdateIds[group]) {
            prune();
            return;
        }
        if (out.interested(depthTopics[group])) {
            if (changes == since) {
                // The mirror moved without level events (a resync from the book): a new snapshot replaces the book.
                out.add(depthTopics[group], snapshot(data, depthChannel, 0, timeMs, out.allocator()));
            } else {
                out.add(depthTopics[group], delta(data, publishedUpdateIds[group] + 1, last, since, timeMs,
                        out.allocator()));
            }
        }
        publishedUpdateIds[group] = last;
        prune();
        long[] hashes = fixedHashes[group];
        for (int i = 0; i < FIXED.length; i++) {
            if (!out.interested(fixedTopics[group][i])) {
                hashes[i] = 0;
                continue;
            }
            long hash = topHash(depth, FIXED[i]);
            if (hash != hashes[i]) {
                hashes[i] = hash;
                out.add(fixedTopics[group][i], snapshot(data, fixedChannels[i], FIXED[i], timeMs, out.allocator()));
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

    private ByteBuf delta(InstrumentMarketDataView data, long first, long last, long sinceChange, long timeMs,
                          ByteBufAllocator allocator) {
        DepthView depth = data.depth();
        return MessageWriter.channelBody(allocator, depthChannel, symbol, timeMs, "delta",
                json -> {
                    json.writeNumberField("U", first);
                    json.writeNumberField("u", last);
                    writeChanged(json, "bids", depth, Side.BUY, changedBids, sinceChange);
                    writeChanged(json, "asks", depth, Side.SELL, changedAsks, sinceChange);
                });
    }

    /** Drops the changed prices every group has sent. */
    private void prune() {
        long oldest = changes;
        for (long covered : groupChanges) {
            oldest = Math.min(oldest, covered);
        }
        if (oldest == prunedChanges) {
            return;
        }
        prunedChanges = oldest;
        if (oldest == changes) {
            changedBids.clear();
            changedAsks.clear();
        } else {
            removeUpTo(changedBids, oldest);
            removeUpTo(changedAsks, oldest);
        }
    }

    private static void removeUpTo(Long2LongOpenHashMap changed, long change) {
        ObjectIterator<Long2LongMap.Entry> entries = changed.long2LongEntrySet().fastIterator();
        while (entries.hasNext()) {
            if (entries.next().getLongValue() <= change) {
                entries.remove();
            }
        }
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

    /** The levels of one side changed after {@code sinceChange}, best first, with their quantities now. */
    private void writeChanged(JsonGenerator json, String field, DepthView depth, Side side,
                              Long2LongOpenHashMap changed, long sinceChange) throws IOException {
        int count = 0;
        ObjectIterator<Long2LongMap.Entry> entries = changed.long2LongEntrySet().fastIterator();
        while (entries.hasNext()) {
            Long2LongMap.Entry entry = entries.next();
            if (entry.getLongValue() > sinceChange) {
                if (count == sorted.length) {
                    sorted = Arrays.copyOf(sorted, count * 2);
                }
                sorted[count++] = entry.getLongKey();
            }
        }
        Arrays.sort(sorted, 0, count);
        json.writeArrayFieldStart(field);
        for (int i = 0; i < count; i++) {
            long price = side == Side.BUY ? sorted[count - 1 - i] : sorted[i];
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
