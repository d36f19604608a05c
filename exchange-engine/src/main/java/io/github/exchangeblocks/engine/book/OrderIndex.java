package io.github.exchangeblocks.engine.book;

/**
 * Resting orders by order id: an open-addressing hash table from order id ({@code > 0}) to the order's
 * {@link OrderStore} handle, with linear probing and backward-shift deletion (no tombstones, so probe chains stay
 * as short after a million cancels as on day one).
 *
 * <p>Each entry is two adjacent {@code long}s (id, handle) in one primitive array, so a hit reads one cache line
 * and nothing stores an object reference. Id 0 marks an empty entry, which the book's validation guarantees no
 * order has. Slots come from Fibonacci hashing (multiply by 2^64 / golden ratio, keep the top bits) of the id
 * without its two low bits, which pick the entry within a group of four: the sequential ids exchanges assign
 * spread over the table four by four, and consecutive inserts mostly land in a cache line already loaded. The
 * table doubles (the only allocation) when it is three quarters full. Never iterated, so its layout cannot leak
 * into the book's behaviour.
 */
final class OrderIndex {
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final int MIN_CAPACITY = 16;

    private long[] table;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    OrderIndex(int expectedOrders) {
        int capacity = MIN_CAPACITY;
        while (capacity * 3L < expectedOrders * 4L) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        table = new long[capacity * 2];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = (int) (capacity * 3L / 4);
    }

    int size() {
        return size;
    }

    private int home(long orderId) {
        // Ids that differ only in their two low bits share a group of four adjacent entries (one cache line, about),
        // so sequentially assigned ids insert into a line the previous insert already brought in.
        return (int) (((orderId >>> 2) * GOLDEN) >>> shift) & ~3 | (int) orderId & 3;
    }

    /** The entry holding {@code orderId}, or the empty entry where it would go. */
    private int probe(long orderId) {
        long[] t = table;
        int entry = home(orderId);
        while (true) {
            long key = t[entry << 1];
            if (key == orderId || key == 0) {
                return entry;
            }
            entry = (entry + 1) & mask;
        }
    }

    boolean containsKey(long orderId) {
        return table[probe(orderId) << 1] != 0;
    }

    /** The handle of a resting order, or {@link OrderStore#NIL}. */
    int get(long orderId) {
        return (int) table[(probe(orderId) << 1) + 1];
    }

    /** Adds the order unless the id is taken; returns the order already there, or {@link OrderStore#NIL}. */
    int putIfAbsent(long orderId, int order) {
        int at = probe(orderId) << 1;
        if (table[at] != 0) {
            return (int) table[at + 1];
        }
        insert(at, orderId, order);
        return OrderStore.NIL;
    }

    /** Adds the order or replaces the handle of the id. */
    void put(long orderId, int order) {
        int at = probe(orderId) << 1;
        if (table[at] != 0) {
            table[at + 1] = order;
        } else {
            insert(at, orderId, order);
        }
    }

    private void insert(int at, long orderId, int order) {
        table[at] = orderId;
        table[at + 1] = order;
        if (++size > resizeAt) {
            grow();
        }
    }

    /** Removes the order; returns its handle, or {@link OrderStore#NIL} if it was not there. */
    int remove(long orderId) {
        long[] t = table;
        int hole = probe(orderId);
        if (t[hole << 1] == 0) {
            return OrderStore.NIL;
        }
        int order = (int) t[(hole << 1) + 1];
        size--;
        // Shift back every following entry of the run that the hole now separates from its home entry.
        int entry = hole;
        while (true) {
            entry = (entry + 1) & mask;
            long key = t[entry << 1];
            if (key == 0) {
                break;
            }
            int home = home(key);
            if (((entry - home) & mask) >= ((entry - hole) & mask)) {
                t[hole << 1] = key;
                t[(hole << 1) + 1] = t[(entry << 1) + 1];
                hole = entry;
            }
        }
        t[hole << 1] = 0;
        t[(hole << 1) + 1] = OrderStore.NIL;
        return order;
    }

    private void grow() {
        long[] old = table;
        allocate((mask + 1) * 2);
        for (int at = 0; at < old.length; at += 2) {
            long key = old[at];
            if (key != 0) {
                int slot = probe(key) << 1;
                table[slot] = key;
                table[slot + 1] = old[at + 1];
            }
        }
    }
}
