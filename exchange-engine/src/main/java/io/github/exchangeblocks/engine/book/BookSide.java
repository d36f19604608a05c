package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;

/**
 * The price levels of one side in a direct-mapped ladder of primitive arrays: level {@code t} (price / tick size)
 * lives in slot {@code t & mask} of power-of-two arrays holding its tick, aggregates and FIFO ends, with a bit per
 * slot marking occupied levels. A level is named by its slot (an {@code int}), valid until the next
 * {@link #findOrCreate} (which may re-slot everything). The occupied ticks always span less than the arrays'
 * length, so the mapping is unique and needs no rebasing as prices drift; the arrays double (the only allocation)
 * when the span outgrows them. Finding a level is one array index; the best level is tracked; stepping to the next
 * occupied level scans the bit words 64 slots at a time.
 *
 * <p>Each level's orders form a FIFO doubly linked through the {@link OrderStore} records. Nothing here stores an
 * object reference, so the garbage collector's write barrier never runs on these paths.
 */
final class BookSide {
    /** The level handle that names no level. */
    static final int NONE = -1;

    final Side side;
    private final boolean bid;
    private final Granularity tick;
    private final long tickSize;
    private final OrderStore orders;
    private long[] bits;
    private long[] ticks;
    private long[] quantities;
    private int[] counts;
    private int[] heads;
    private int[] tails;
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
        ticks = new long[capacity];
        quantities = new long[capacity];
        counts = new int[capacity];
        heads = new int[capacity];
        tails = new int[capacity];
        mask = capacity - 1;
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
        return ticks[level] * tickSize;
    }

    /** The level's total remaining quantity. */
    long quantity(int level) {
        return quantities[level];
    }

    /** The number of orders at the level. */
    int orderCount(int level) {
        return counts[level];
    }

    /** The level's first order in time priority, or {@link OrderStore#NIL}. */
    int head(int level) {
        return heads[level];
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
        long tick = ticks[level];
        return bid ? below(tick) : above(tick);
    }

    /** The next occupied level better than {@code level}, or {@link #NONE}; same proviso as {@link #worse}. */
    int better(int level) {
        long tick = ticks[level];
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
            if (high - low >= ticks.length) {
                grow(high - low);
            }
            lowTick = low;
            highTick = high;
        }
        int slot = slot(tick);
        ticks[slot] = tick;
        quantities[slot] = 0;
        counts[slot] = 0;
        heads[slot] = OrderStore.NIL;
        tails[slot] = OrderStore.NIL;
        bits[slot >>> 6] |= 1L << slot;
        size++;
        return slot;
    }

    /** Appends {@code order} (remaining set) at the back of the level's FIFO. */
    void append(int level, int order) {
        int tail = tails[level];
        orders.links(order, tail, OrderStore.NIL);
        if (tail == OrderStore.NIL) {
            heads[level] = order;
        } else {
            orders.next(tail, order);
        }
        tails[level] = order;
        quantities[level] += orders.remaining(order);
        counts[level]++;
    }

    /** Takes {@code order} out of the level's FIFO and aggregates (its record keeps stale links). */
    void unlink(int level, int order) {
        int before = orders.prev(order);
        int after = orders.next(order);
        if (before == OrderStore.NIL) {
            heads[level] = after;
        } else {
            orders.next(before, after);
        }
        if (after == OrderStore.NIL) {
            tails[level] = before;
        } else {
            orders.prev(after, before);
        }
        quantities[level] -= orders.remaining(order);
        counts[level]--;
    }

    /** Lowers the level's total by {@code quantity} (an order at it was reduced by that much). */
    void reduce(int level, long quantity) {
        quantities[level] -= quantity;
    }

    /** Removes an empty level. */
    void remove(int level) {
        long tick = ticks[level];
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
        long[] oldTicks = ticks;
        long[] oldQuantities = quantities;
        int[] oldCounts = counts;
        int[] oldHeads = heads;
        int[] oldTails = tails;
        int capacity = ticks.length;
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
                ticks[slot] = oldTicks[old];
                quantities[slot] = oldQuantities[old];
                counts[slot] = oldCounts[old];
                heads[slot] = oldHeads[old];
                tails[slot] = oldTails[old];
                bits[slot >>> 6] |= 1L << slot;
            }
        }
    }
}
