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
 * tag holds the top bits of the hash, an entry's home slot is a shift of its tag: removal and resizing never
 * read a record.
 *
 * <p>The hash is Fibonacci hashing (multiply by 2^64 / golden ratio; the tag is the product's top 32 bits, the
 * home entry its top log2(capacity) bits), which spreads the sequential ids exchanges assign evenly over the
 * table, so probe runs stay short whatever pattern the ids follow.
 *
 * <p><b>Sized by the live count, not the hint.</b> The table in use is the first {@code capacity} entries of an
 * array reserved for the book's expected order count, and {@code capacity} follows the number of indexed orders:
 * it doubles when more than 3/8 of it is used and halves when less than 1/16 is (at least 64 entries). At 3/8 or
 * less, nearly every probe and removal touches one entry; and because a book with a few hundred live orders uses
 * a few kilobytes of table however large its hint, those stay in the first-level cache instead of being scattered
 * over megabytes (sizing a shallow book for its peak made it several times slower when the table was as large
 * as the hint). A resize rehashes every entry through a reserved scratch array: no allocation up to the
 * expected count, work proportional to the capacity once per doubling or halving of the live count (the factor
 * of three between the thresholds after a resize keeps an order count that hovers from rehashing again). Beyond
 * the reservation the table grows by allocating, as before, up to 2^30 entries. Never iterated in a way that
 * could reach the book's behaviour.
 */
final class OrderIndex {
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final int MIN_CAPACITY = 64;
    private static final int MAX_CAPACITY = 1 << 30;
    private static final long HANDLE = 0xFFFF_FFFFL;

    private final OrderStore orders;
    /** The reserved entries; the table in use is the first {@code mask + 1}, the rest are 0. */
    private long[] table;
    /** Holds the entries while a resize rehashes them: room for the most a table in {@link #table} can hold. */
    private long[] scratch;
    private int mask;
    /** {@code 32 - log2(capacity)}: a tag shifted right by this is its home entry. */
    private int shift;
    private int size;
    private int growAbove;
    private int shrinkBelow;

    /**
     * @param expectedOrders how many orders to reserve room for (no allocation until more are indexed)
     * @param orders the records the handles name; a handle's record must hold its id while it is indexed
     */
    OrderIndex(int expectedOrders, OrderStore orders) {
        this.orders = orders;
        int reserved = MIN_CAPACITY;
        while (reserved < MAX_CAPACITY && reserved * 3L < expectedOrders * 8L) {
            reserved <<= 1;
        }
        reserve(reserved);
        use(MIN_CAPACITY);
    }

    /** Allocates room for a table of {@code capacity} entries and its rehash. */
    private void reserve(int capacity) {
        table = new long[capacity];
        scratch = new long[limit(capacity) + 1];
    }

    /** The most entries a table of {@code capacity} holds before it doubles. */
    private static int limit(int capacity) {
        return (int) (capacity * 3L / 8);
    }

    /** Uses the first {@code capacity} entries of {@link #table} (which must be 0 beyond the current ones). */
    private void use(int capacity) {
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        growAbove = limit(capacity);
        shrinkBelow = capacity == MIN_CAPACITY ? 0 : capacity / 16;
    }

    int size() {
        return size;
    }

    /** The number of entries of the table in use (a power of two); for tests. */
    int capacity() {
        return mask + 1;
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
        if (++size > growAbove) {
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
        if (--size < shrinkBelow) {
            rehash((mask + 1) / 2);
        }
        return (int) removed;
    }

    private void grow() {
        int capacity = mask + 1;
        if (capacity == MAX_CAPACITY) {
            throw new IllegalStateException("order index full: " + size + " resting orders is the limit");
        }
        long[] from = table;
        if (capacity == table.length) {
            reserve(capacity * 2);
        }
        rehash(from, capacity * 2);
    }

    /** {@link #rehash(long[], int)} within the current reservation. */
    private void rehash(int capacity) {
        rehash(table, capacity);
    }

    /**
     * Switches to a table of {@code capacity} entries in {@link #table} holding the entries of the table in use
     * in {@code from} (which is {@link #table} or the reservation it replaced): they are moved to the scratch
     * array, leaving their slots 0, then inserted at their new homes.
     */
    private void rehash(long[] from, int capacity) {
        long[] s = scratch;
        int count = 0;
        for (int entry = 0; entry <= mask; entry++) {
            long e = from[entry];
            if (e != 0) {
                s[count++] = e;
                from[entry] = 0;
            }
        }
        use(capacity);
        long[] t = table;
        for (int i = 0; i < count; i++) {
            long e = s[i];
            int entry = home((int) (e >>> 32));
            while (t[entry] != 0) {
                entry = (entry + 1) & mask;
            }
            t[entry] = e;
        }
    }
}
