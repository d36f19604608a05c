package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;

/**
 * The trade tape in a preallocated ring of primitive arrays; tick ids are consecutive, so a tick's slot follows
 * from its id. Allocates nothing after construction.
 */
final class TradeTape implements TradeTapeView {
    final int capacity;
    final long[] tradeIds;
    final long[] timestamps;
    final long[] prices;
    final long[] volumes;
    final byte[] sides;
    long lastTickId;
    int size;

    TradeTape(int capacity) {
        this.capacity = capacity;
        tradeIds = new long[capacity];
        timestamps = new long[capacity];
        prices = new long[capacity];
        volumes = new long[capacity];
        sides = new byte[capacity];
    }

    int slotOf(long tickId) {
        return (int) Math.floorMod(tickId - 1, (long) capacity);
    }

    void add(long tradeId, long timestampNs, long price, long volume, Side aggressorSide) {
        lastTickId++;
        int slot = slotOf(lastTickId);
        tradeIds[slot] = tradeId;
        timestamps[slot] = timestampNs;
        prices[slot] = price;
        volumes[slot] = volume;
        sides[slot] = aggressorSide.code();
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
    public int visit(long fromTickId, long toTickId, TickVisitor visitor) {
        long from = Math.max(fromTickId, firstTickId());
        long to = Math.min(toTickId, lastTickId);
        int visited = 0;
        for (long tickId = from; tickId <= to; tickId++) {
            int slot = slotOf(tickId);
            visitor.onTick(tickId, tradeIds[slot], timestamps[slot], prices[slot], volumes[slot],
                Side.fromCode(sides[slot]));
            visited++;
        }
        return visited;
    }
}
