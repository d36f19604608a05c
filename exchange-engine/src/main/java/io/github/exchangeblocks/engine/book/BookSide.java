package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;

/**
 * The price levels of one side in a direct-mapped ladder: level {@code t} (price / tick size) lives in slot
 * {@code t & mask} of a power-of-two table of four-{@code long} records (tick, total quantity, order count, FIFO
 * head and tail; one cache line holds two levels), with a bit per slot marking occupied levels. A level is named
 * by its slot (an {@code int}), valid until the next {@link #findOrCreate} (which may re-slot everything). The
 * occupied ticks always span less than the table's length, so the mapping is unique and needs no rebasing as
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
    private static final int TICK = 0;
    private static final int QUANTITY = 1;
    private static final int COUNT = 2;
    /** FIFO head handle in the high 32 bits, tail handle in the low 32 bits. */
    private static final int ENDS = 3;
    private static final long LOW = 0xFFFF_FFFFL;

    final Side side;
    private final boolean bid;
    private final Granularity tick;
    private final long tickSize;
    private final OrderStore orders;
    private long[] bits;
    private long[] levels;
    private int mask;
    private int size;
    private long lowTick;
    private long highTick;

    BookSide(Side side, Granularity tick, int expectedSpanTicks, OrderStore orders) {
        this.side = side;
        this.bid = side == Side.BUY;
        this.tick = tick;
        this.tickSize = tick.unit;
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

    private long tick(int level) {
        return levels[(level << SHIFT) + TICK];
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

    private long tickOf(long price) {
        return tick.quotient(price);
    }

    private int slot(long tick) {
        return (int) (tick & mask);
    }

    /** The level's price. */
    long price(int level) {
        return levels[(level << SHIFT) + TICK] * tickSize;
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
        return size == 0 ? NONE : slot(bid ? highTick : lowTick);
    }

    /** The worst level, or {@link #NONE} when the side is empty. */
    int worst() {
        return size == 0 ? NONE : slot(bid ? lowTick : highTick);
    }

    /**
     * The next occupied level worse than {@code level}, or {@link #NONE}. {@code level} may have been removed
     * meanwhile, provided no level was created since.
     */
    int worse(int level) {
        long tick = tick(level);
        return bid ? below(tick) : above(tick);
    }

    /** The next occupied level better than {@code level}, or {@link #NONE}; same proviso as {@link #worse}. */
    int better(int level) {
        long tick = tick(level);
        return bid ? above(tick) : below(tick);
    }

    private int above(long tick) {
        if (size == 0 || tick >= highTick) {
            return NONE;
        }
        return slot(setAtOrAbove(Math.max(tick + 1, lowTick)));
    }

    private int below(long tick) {
        if (size == 0 || tick <= lowTick) {
            return NONE;
        }
        return slot(setAtOrBelow(Math.min(tick - 1, highTick)));
    }

    /** Whether a level at {@code price} would keep this side's occupied ticks spanning fewer than {@code max}. */
    boolean fitsSpan(long price, long max) {
        if (size == 0) {
            return true;
        }
        long tick = tickOf(price);
        return Math.max(highTick, tick) - Math.min(lowTick, tick) < max;
    }

    /** The level at {@code price}, or {@link #NONE}. */
    int find(long price) {
        long tick = tickOf(price);
        if (size == 0 || tick < lowTick || tick > highTick) {
            return NONE;
        }
        int slot = slot(tick);
        return (bits[slot >>> 6] & 1L << slot) != 0 ? slot : NONE;
    }

    /** The level at {@code price}, created empty when missing (which may re-slot every level). */
    int findOrCreate(long price) {
        long tick = tickOf(price);
        if (size == 0) {
            lowTick = tick;
            highTick = tick;
        } else if (tick >= lowTick && tick <= highTick) {
            int slot = slot(tick);
            if ((bits[slot >>> 6] & 1L << slot) != 0) {
                return slot;
            }
        } else {
            long low = Math.min(lowTick, tick);
            long high = Math.max(highTick, tick);
            if (high - low > mask) {
                grow(high - low);
            }
            lowTick = low;
            highTick = high;
        }
        int slot = slot(tick);
        int at = slot << SHIFT;
        levels[at + TICK] = tick;
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
        long tick = tick(level);
        bits[level >>> 6] &= ~(1L << level);
        size--;
        if (size > 0) {
            if (tick == lowTick) {
                lowTick = setAtOrAbove(tick + 1);
            } else if (tick == highTick) {
                highTick = setAtOrBelow(tick - 1);
            }
        }
    }

    /** The lowest occupied tick at or above {@code tick}; one must exist (at most {@code highTick}). */
    private long setAtOrAbove(long tick) {
        long t = tick;
        while (true) {
            int slot = slot(t);
            long word = bits[slot >>> 6] >>> (slot & 63);
            if (word != 0) {
                return t + Long.numberOfTrailingZeros(word);
            }
            t += 64 - (slot & 63);
        }
    }

    /** The highest occupied tick at or below {@code tick}; one must exist (at least {@code lowTick}). */
    private long setAtOrBelow(long tick) {
        long t = tick;
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

    /** Doubles the ladder until it covers a span of {@code span} ticks, re-slotting every level. */
    private void grow(long span) {
        long[] oldBits = bits;
        long[] oldLevels = levels;
        int capacity = mask + 1;
        while (capacity <= span) {
            capacity <<= 1;
        }
        long from = lowTick;
        long to = highTick;
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
