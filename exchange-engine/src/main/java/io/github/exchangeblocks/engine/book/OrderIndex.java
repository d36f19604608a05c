package io.github.exchangeblocks.engine.book;

/**
 * Resting orders by order id: an open-addressing hash table from order id ({@code > 0}) to the order's
 * {@link OrderStore} handle, with linear probing and backward-shift deletion (no tombstones, so probe chains stay
 * as short after a million cancels as on day one).
 *
 * <p>Each entry is one {@code long}: a 32-bit tag of the id's hash in the high half and the handle in the low
 * half (0 marks an empty entry; handle {@link OrderStore#NIL} is never stored). The id itself is not stored: a
 * tag match is confirmed by reading the id from the order's record, which a cancel or amend reads next anyway.
 * Half the footprint of an (id, handle) pair keeps more of the table in the first-level cache, and because the
 * tag holds the top bits of the hash, an entry's home slot is a shift of its tag: removal and growth never
 * rehash and never read a record.
 *
 * <p>The hash is Fibonacci hashing (multiply by 2^64 / golden ratio; the tag is the product's top 32 bits, the
 * home entry its top log2(capacity) bits), which spreads the sequential ids exchanges assign evenly over the
 * table, so probe runs stay short. (Keeping ids that differ in their low bits in adjacent entries, for cache-line
 * locality, was measured slower: the grouped homes lengthen linear-probing runs.) The table doubles (the only
 * allocation) when it is three quarters full, up to 2^30 entries; it starts at most three eighths full for the
 * book's expected order count. Never iterated, so its layout cannot leak into the book's behaviour.
 */
final class OrderIndex {
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;
    private static final long HANDLE = 0xFFFF_FFFFL;

    private final OrderStore orders;
    private long[] table;
    private int mask;
    /** {@code 32 - log2(capacity)}: a tag shifted right by this is its home entry. */
    private int shift;
    private int size;
    private int resizeAt;

    /**
     * @param expectedOrders how many orders to size the table for
     * @param orders the records the handles name; a handle's record must hold its id while it is indexed
     */
    OrderIndex(int expectedOrders, OrderStore orders) {
        this.orders = orders;
        int capacity = MIN_CAPACITY;
        // At most 3/8 full at the expected count: linear probing at a quarter or less full keeps nearly every
        // lookup and removal to one entry, which measured faster than the smaller table (8 bytes an entry).
        while (capacity < MAX_CAPACITY && capacity * 3L < expectedOrders * 8L) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        table = new long[capacity];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = (int) (capacity * 3L / 4);
    }

    int size() {
        return size;
    }

    private static int tag(long orderId) {
        return (int) ((orderId * GOLDEN) >>> 32);
    }

    private int home(int tag) {
        return tag >>> shift;
    }

    /** The entry holding {@code orderId}, or the empty entry where it would go. */
    private int probe(long orderId) {
        long[] t = table;
        int tag = tag(orderId);
        int entry = home(tag);
        while (true) {
            long e = t[entry];
            if (e == 0 || (int) (e >>> 32) == tag && orders.orderId((int) e) == orderId) {
                return entry;
            }
            entry = (entry + 1) & mask;
        }
    }

    boolean containsKey(long orderId) {
        return table[probe(orderId)] != 0;
    }

    /** The handle of a resting order, or {@link OrderStore#NIL}. */
    int get(long orderId) {
        return (int) table[probe(orderId)];
    }

    /**
     * Adds the order unless the id is taken; returns the order already there, or {@link OrderStore#NIL}. The
     * record of {@code order} must already hold {@code orderId}.
     */
    int putIfAbsent(long orderId, int order) {
        int at = probe(orderId);
        long e = table[at];
        if (e != 0) {
            return (int) e;
        }
        insert(at, orderId, order);
        return OrderStore.NIL;
    }

    /** Adds the order or replaces the handle of the id; the record of {@code order} must hold {@code orderId}. */
    void put(long orderId, int order) {
        int at = probe(orderId);
        if (table[at] != 0) {
            table[at] = table[at] & ~HANDLE | order & HANDLE;
        } else {
            insert(at, orderId, order);
        }
    }

    private void insert(int at, long orderId, int order) {
        table[at] = (long) tag(orderId) << 32 | order & HANDLE;
        if (++size > resizeAt) {
            grow();
        }
    }

    /** Removes the order; returns its handle, or {@link OrderStore#NIL} if it was not there. */
    int remove(long orderId) {
        long[] t = table;
        int hole = probe(orderId);
        long removed = t[hole];
        if (removed == 0) {
            return OrderStore.NIL;
        }
        size--;
        // Shift back every following entry of the run that the hole now separates from its home entry.
        int entry = hole;
        while (true) {
            entry = (entry + 1) & mask;
            long e = t[entry];
            if (e == 0) {
                break;
            }
            int home = home((int) (e >>> 32));
            if (((entry - home) & mask) >= ((entry - hole) & mask)) {
                t[hole] = e;
                hole = entry;
            }
        }
        t[hole] = 0;
        return (int) removed;
    }

    private void grow() {
        if (mask + 1 == MAX_CAPACITY) {
            throw new IllegalStateException("order index full: " + resizeAt + " resting orders is the limit");
        }
        long[] old = table;
        allocate((mask + 1) * 2);
        for (long e : old) {
            if (e != 0) {
                int entry = home((int) (e >>> 32));
                while (table[entry] != 0) {
                    entry = (entry + 1) & mask;
                }
                table[entry] = e;
            }
        }
    }
}
