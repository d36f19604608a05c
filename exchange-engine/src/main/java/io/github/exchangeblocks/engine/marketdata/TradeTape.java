package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;

/**
 * The trade tape in a preallocated ring of primitive arrays; tick ids are consecutive, so a tick's slot follows
 * from its id (the next slot is kept, so adding a tick needs no division). Allocates nothing after
 * construction.
 */
final class TradeTape implements TradeTapeView {
    final int capacity;
    final long[] tradeIds;
    final long[] timestamps;
    final long[] prices;
    final long[] volumes;
    final byte[] sides;
    /** The best bid and ask right after each trade ({@link QuoteView#NULL_PRICE} and 0 for an empty side). */
    final long[] bidPrices;
    final long[] bidVolumes;
    final long[] askPrices;
    final long[] askVolumes;
    long lastTickId;
    int size;
    /** The slot of the next tick, {@code slotOf(lastTickId + 1)}, kept so that adding needs no division. */
    private int nextSlot;

    TradeTape(int capacity) {
        this.capacity = capacity;
        tradeIds = new long[capacity];
        timestamps = new long[capacity];
        prices = new long[capacity];
        volumes = new long[capacity];
        sides = new byte[capacity];
        bidPrices = new long[capacity];
        bidVolumes = new long[capacity];
        askPrices = new long[capacity];
        askVolumes = new long[capacity];
    }

    int slotOf(long tickId) {
        return (int) Math.floorMod(tickId - 1, (long) capacity);
    }

    /** Empties the tape and makes the next tick's id {@code lastTickId + 1} (restoring a snapshot). */
    void resetTo(long lastTickId) {
        this.lastTickId = lastTickId;
        size = 0;
        nextSlot = slotOf(lastTickId + 1);
    }

    void add(long tradeId, long timestampNs, long price, long volume, Side aggressorSide, long bidPrice,
             long bidVolume, long askPrice, long askVolume) {
        lastTickId++;
        int slot = nextSlot;
        nextSlot = slot + 1 == capacity ? 0 : slot + 1;
        tradeIds[slot] = tradeId;
        timestamps[slot] = timestampNs;
        prices[slot] = price;
        volumes[slot] = volume;
        sides[slot] = aggressorSide.code();
        bidPrices[slot] = bidPrice;
        bidVolumes[slot] = bidVolume;
        askPrices[slot] = askPrice;
        askVolumes[slot] = askVolume;
        if (size < capacity) {
            size++;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long firstTickId() {
        return lastTickId - size + 1;
    }

    @Override
    public long lastTickId() {
        return lastTickId;
    }

    @Override
    public long bidPrice(long tickId) {
        return bidPrices[keptSlot(tickId)];
    }

    @Override
    public long bidVolume(long tickId) {
        return bidVolumes[keptSlot(tickId)];
    }

    @Override
    public long askPrice(long tickId) {
        return askPrices[keptSlot(tickId)];
    }

    @Override
    public long askVolume(long tickId) {
        return askVolumes[keptSlot(tickId)];
    }

    private int keptSlot(long tickId) {
        if (tickId < firstTickId() || tickId > lastTickId) {
            throw new IllegalArgumentException("tickId=" + tickId + " must be a kept tick, " + firstTickId() + ".."
                + lastTickId);
        }
        return slotOf(tickId);
    }

    @Override
    public int visit(long fromTickId, long toTickId, TickVisitor visitor) {
        long from = Math.max(fromTickId, firstTickId());
        long to = Math.min(toTickId, lastTickId);
        int visited = 0;
        int slot = slotOf(from);
        for (long tickId = from; tickId <= to; tickId++) {
            visitor.onTick(tickId, tradeIds[slot], timestamps[slot], prices[slot], volumes[slot],
                Side.fromCode(sides[slot]));
            slot = slot + 1 == capacity ? 0 : slot + 1;
            visited++;
        }
        return visited;
    }
}
