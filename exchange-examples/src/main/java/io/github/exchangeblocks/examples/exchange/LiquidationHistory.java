package io.github.exchangeblocks.examples.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The forced-liquidation orders the venue placed, oldest first, the newest {@value #MAX_RECORDS} kept. Part of the
 * exchange's durable state: replaying the journal rebuilds it (the same {@code Liquidate}, mark and end-of-day
 * commands place the same orders) and snapshots carry it, so a restarted server reports the same records. Each
 * record is the live order record, final once the command that placed it is done (liquidation orders are
 * immediate-or-cancel). Engine thread only.
 */
public final class LiquidationHistory {
    /** The most records kept; older ones are dropped first. */
    public static final int MAX_RECORDS = 10_000;

    private final ArrayDeque<OrderRecord> records = new ArrayDeque<>();

    /** @return how many records are kept */
    public int size() {
        return records.size();
    }

    /** @return a copy of the records, oldest first */
    public List<OrderRecord> records() {
        return new ArrayList<>(records);
    }

    void add(OrderRecord order) {
        records.addLast(order);
        if (records.size() > MAX_RECORDS) {
            records.removeFirst();
        }
    }

    Iterable<OrderRecord> inOrder() {
        return records;
    }

    /** Mixes the records (ids, fills, status) into {@code hash}; leaves it as it is while empty. */
    long hash(long hash) {
        if (records.isEmpty()) {
            return hash;
        }
        hash = (hash ^ records.size()) * 0x100000001b3L;
        for (OrderRecord order : records) {
            hash = (hash ^ order.user.hashCode()) * 0x100000001b3L;
            hash = (hash ^ order.orderId) * 0x100000001b3L;
            hash = (hash ^ order.volumeLeft) * 0x100000001b3L;
            hash = (hash ^ (order.alive ? 1 : 0)) * 0x100000001b3L;
        }
        return hash;
    }
}
