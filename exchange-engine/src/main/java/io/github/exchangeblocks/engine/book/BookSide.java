package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;

/**
 * The price levels of one side in a direct-mapped ladder. A level's key is its tick (price / tick size) on the
 * ask side and minus its tick on the bid side, so that on both sides the best level has the smallest key and the
 * code has no branch on the side (which is as good as random from one order to the next). Level {@code k} lives
 * in slot {@code k & mask} of a power-of-two table of four-{@code long} records (key, total quantity, order count,
 * FIFO head and tail; one cache line holds two levels), with a bit per slot marking occupied levels. A level is
 * named by its slot (an {@code int}), valid until the next {@link #findOrCreate} (which may re-slot everything).
 * The occupied keys always span less than the table's length, so the mapping is unique and needs no rebasing as
 * prices drift; the table doubles (the only allocation) when the span outgrows it. Finding a level is one array
 * index; the best level is tracked; stepping to the next occupied level scans the bit words 64 slots at a time.
 *
 * <p>Each level's orders form a FIFO doubly linked through the {@link OrderStore} records. Nothing here stores an
 * object reference, so the garbage collector's write barrier never runs on these paths.
 */
final class BookSide {
    /** The level handle that names no level. */
    static final int NONE = -1;

    private static final int SHIFT = 2;
    private static final int KEY = 0;
    private static final int QUANTITY = 1;
    private static final int COUNT = 2;
    /** FIFO head handle in the high 32 bits, tail handle in the low 32 bits. */
    private static final int ENDS = 3;
    private static final long LOW = 0xFFFF_FFFFL;

    final Side side;
    /** 0 on the ask side, -1 on the bid side: {@code (x ^ flip) - flip} turns a tick into a key and back. */
    private final long flip;
    private final Granularity tick;
    /** The price of one key step: the tick size, negative on the bid side. */
    private final long keyPrice;
    private final OrderStore orders;
    private long[] bits;
    private long[] levels;
    private int mask;
    private int size;
    /** The key of the best level (smallest key); meaningless when empty. */
    private long bestKey;
    /** The key of the worst level (largest key); meaningless when empty. */
    private long worstKey;

    BookSide(Side side, Granularity tick, int expectedSpanTicks, OrderStore orders) {
        this.side = side;
        this.flip = side == Side.BUY ? -1L : 0L;
        this.tick = tick;
        this.keyPrice = side == Side.BUY ? -tick.unit : tick.unit;
        this.orders = orders;
        int capacity = 64;
        while (capacity < expectedSpanTicks) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        bits = new long[capacity >>> 6];
        levels = new long[capacity << SHIFT];
        mask = capacity - 1;
    }

    private long key(int level) {
        return levels[(level << SHIFT) + KEY];
    }

    private int tail(int level) {
        return (int) levels[(level << SHIFT) + ENDS];
    }

    private void head(int level, int order) {
        int at = (level << SHIFT) + ENDS;
        levels[at] = levels[at] & LOW | (long) order << 32;
    }

    private void tail(int level, int order) {
        int at = (level << SHIFT) + ENDS;
        levels[at] = levels[at] & ~LOW | order & LOW;
    }

    /** The number of occupied levels. */
    int size() {
        return size;
    }

    /** The key of a price ({@code >= 0}) on this side. */
    private long keyOf(long price) {
        return (tick.quotient(price) ^ flip) - flip;
    }

    private int slot(long key) {
        return (int) (key & mask);
    }

    /** The level's price. */
    long price(int level) {
        return levels[(level << SHIFT) + KEY] * keyPrice;
    }

    /** The level's total remaining quantity. */
    long quantity(int level) {
        return levels[(level << SHIFT) + QUANTITY];
    }

    /** The number of orders at the level. */
    int orderCount(int level) {
        return (int) levels[(level << SHIFT) + COUNT];
    }

    /** The level's first order in time priority, or {@link OrderStore#NIL}. */
    int head(int level) {
        return (int) (levels[(level << SHIFT) + ENDS] >>> 32);
    }

    /** The best level (highest bid, lowest ask), or {@link #NONE} when the side is empty. */
    int best() {
        return size == 0 ? NONE : slot(bestKey);
    }

    /** The worst level, or {@link #NONE} when the side is empty. */
    int worst() {
        return size == 0 ? NONE : slot(worstKey);
    }

    /**
     * The next occupied level worse than {@code level}, or {@link #NONE}. {@code level} may have been removed
     * meanwhile, provided no level was created since.
     */
    int worse(int level) {
        long key = key(level);
        if (size == 0 || key >= worstKey) {
            return NONE;
        }
        return slot(setAtOrAbove(Math.max(key + 1, bestKey)));
    }

    /** The next occupied level better than {@code level}, or {@link #NONE}; same proviso as {@link #worse}. */
    int better(int level) {
        long key = key(level);
        if (size == 0 || key <= bestKey) {
            return NONE;
        }
        return slot(setAtOrBelow(Math.min(key - 1, worstKey)));
    }

    /** Whether a level at {@code price} would keep this side's occupied ticks spanning fewer than {@code max}. */
    boolean fitsSpan(long price, long max) {
        if (size == 0) {
            return true;
        }
        long key = keyOf(price);
        return Math.max(worstKey, key) - Math.min(bestKey, key) < max;
    }

    /** The level of a resting order's {@code price}: it exists, so finding it needs no checks. */
    int levelOf(long price) {
        return slot(keyOf(price));
    }

    /** The level at {@code price}, or {@link #NONE}. */
    int find(long price) {
        long key = keyOf(price);
        if (size == 0 || key < bestKey || key > worstKey) {
            return NONE;
        }
        int slot = slot(key);
        return (bits[slot >>> 6] & 1L << slot) != 0 ? slot : NONE;
    }

    /** The level at {@code price}, created empty when missing (which may re-slot every level). */
    int findOrCreate(long price) {
        long key = keyOf(price);
        if (size == 0) {
            bestKey = key;
            worstKey = key;
        } else if (key >= bestKey && key <= worstKey) {
            int slot = slot(key);
            if ((bits[slot >>> 6] & 1L << slot) != 0) {
                return slot;
            }
        } else {
            long best = Math.min(bestKey, key);
            long worst = Math.max(worstKey, key);
            if (worst - best > mask) {
                grow(worst - best);
            }
            bestKey = best;
            worstKey = worst;
        }
        int slot = slot(key);
        int at = slot << SHIFT;
        levels[at + KEY] = key;
        levels[at + QUANTITY] = 0;
        levels[at + COUNT] = 0;
        levels[at + ENDS] = 0;
        bits[slot >>> 6] |= 1L << slot;
        size++;
        return slot;
    }

    /** Appends {@code order} (remaining set) at the back of the level's FIFO. */
    void append(int level, int order) {
        int at = level << SHIFT;
        long ends = levels[at + ENDS];
        int tail = (int) ends;
        orders.links(order, tail, OrderStore.NIL);
        if (tail == OrderStore.NIL) {
            levels[at + ENDS] = (long) order << 32 | order & LOW;
        } else {
            orders.next(tail, order);
            levels[at + ENDS] = ends & ~LOW | order & LOW;
        }
        levels[at + QUANTITY] += orders.remaining(order);
        levels[at + COUNT]++;
    }

    /** Takes {@code order} out of the level's FIFO and aggregates (its record keeps stale links). */
    void unlink(int level, int order) {
        int before = orders.prev(order);
        int after = orders.next(order);
        if (before == OrderStore.NIL) {
            head(level, after);
        } else {
            orders.next(before, after);
        }
        if (after == OrderStore.NIL) {
            tail(level, before);
        } else {
            orders.prev(after, before);
        }
        int at = level << SHIFT;
        levels[at + QUANTITY] -= orders.remaining(order);
        levels[at + COUNT]--;
    }

    /** Lowers the level's total by {@code quantity} (an order at it was reduced by that much). */
    void reduce(int level, long quantity) {
        levels[(level << SHIFT) + QUANTITY] -= quantity;
    }

    /** Removes an empty level. */
    void remove(int level) {
        long key = key(level);
        bits[level >>> 6] &= ~(1L << level);
        size--;
        if (size > 0) {
            if (key == bestKey) {
                bestKey = setAtOrAbove(key + 1);
            } else if (key == worstKey) {
                worstKey = setAtOrBelow(key - 1);
            }
        }
    }

    /** The lowest occupied key at or above {@code key}; one must exist (at most {@code worstKey}). */
    private long setAtOrAbove(long key) {
        long t = key;
        while (true) {
            int slot = slot(t);
            long word = bits[slot >>> 6] >>> (slot & 63);
            if (word != 0) {
                return t + Long.numberOfTrailingZeros(word);
            }
            t += 64 - (slot & 63);
        }
    }

    /** The highest occupied key at or below {@code key}; one must exist (at least {@code bestKey}). */
    private long setAtOrBelow(long key) {
        long t = key;
        while (true) {
            int slot = slot(t);
            int bit = slot & 63;
            long word = bits[slot >>> 6] << (63 - bit);
            if (word != 0) {
                return t - Long.numberOfLeadingZeros(word);
            }
            t -= bit + 1;
        }
    }

    /** Doubles the ladder until it covers a span of {@code span} keys, re-slotting every level. */
    private void grow(long span) {
        long[] oldBits = bits;
        long[] oldLevels = levels;
        int capacity = mask + 1;
        while (capacity <= span) {
            capacity <<= 1;
        }
        long from = bestKey;
        long to = worstKey;
        int oldMask = mask;
        allocate(capacity);
        for (long t = from; t <= to; t++) {
            int old = (int) (t & oldMask);
            if ((oldBits[old >>> 6] & 1L << old) != 0) {
                int slot = slot(t);
                System.arraycopy(oldLevels, old << SHIFT, levels, slot << SHIFT, 1 << SHIFT);
                bits[slot >>> 6] |= 1L << slot;
            }
        }
    }
}
