package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;

/**
 * The price levels of one side in a direct-mapped ladder: level {@code t} (price / tick size) lives in slot
 * {@code t & mask} of a power-of-two array, with a bit per slot marking occupied levels. The occupied ticks always
 * span less than the array's length, so the mapping is unique and needs no rebasing as prices drift; the array
 * doubles (the only allocation) when the span outgrows it. Finding a level is one array read; the best level is
 * tracked; stepping to the next occupied level scans the bit words 64 slots at a time.
 */
final class BookSide {
    final Side side;
    private final boolean bid;
    private final long tickSize;
    private PriceLevel[] slots;
    private long[] bits;
    private int mask;
    private int size;
    private long lowTick;
    private long highTick;

    BookSide(Side side, long tickSize, int expectedSpanTicks) {
        this.side = side;
        this.bid = side == Side.BUY;
        this.tickSize = tickSize;
        int capacity = 64;
        while (capacity < expectedSpanTicks) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        slots = new PriceLevel[capacity];
        bits = new long[capacity >>> 6];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    private long tickOf(long price) {
        return tickSize == 1 ? price : price / tickSize;
    }

    private int slot(long tick) {
        return (int) (tick & mask);
    }

    /** The best level (highest bid, lowest ask), or null when the side is empty. */
    PriceLevel best() {
        return size == 0 ? null : slots[slot(bid ? highTick : lowTick)];
    }

    /** The worst level, or null when the side is empty. */
    PriceLevel worst() {
        return size == 0 ? null : slots[slot(bid ? lowTick : highTick)];
    }

    /** The next occupied level worse than {@code price} (whose level need not be occupied any more), or null. */
    PriceLevel worse(long price) {
        long tick = tickOf(price);
        return bid ? below(tick) : above(tick);
    }

    /** The next occupied level better than {@code price}, or null. */
    PriceLevel better(long price) {
        long tick = tickOf(price);
        return bid ? above(tick) : below(tick);
    }

    private PriceLevel above(long tick) {
        if (size == 0 || tick >= highTick) {
            return null;
        }
        return slots[slot(setAtOrAbove(Math.max(tick + 1, lowTick)))];
    }

    private PriceLevel below(long tick) {
        if (size == 0 || tick <= lowTick) {
            return null;
        }
        return slots[slot(setAtOrBelow(Math.min(tick - 1, highTick)))];
    }

    /** Whether a level at {@code price} would keep this side's occupied ticks spanning fewer than {@code max}. */
    boolean fitsSpan(long price, long max) {
        if (size == 0) {
            return true;
        }
        long tick = tickOf(price);
        return Math.max(highTick, tick) - Math.min(lowTick, tick) < max;
    }

    /** The level at {@code price}, or null. */
    PriceLevel find(long price) {
        long tick = tickOf(price);
        if (size == 0 || tick < lowTick || tick > highTick) {
            return null;
        }
        return slots[slot(tick)];
    }

    /** The level at {@code price}, created from the pool when missing. */
    PriceLevel findOrCreate(long price, ObjectPools pools) {
        long tick = tickOf(price);
        if (size == 0) {
            lowTick = tick;
            highTick = tick;
        } else if (tick >= lowTick && tick <= highTick) {
            PriceLevel existing = slots[slot(tick)];
            if (existing != null) {
                return existing;
            }
        } else {
            long low = Math.min(lowTick, tick);
            long high = Math.max(highTick, tick);
            if (high - low >= slots.length) {
                grow(high - low);
            }
            lowTick = low;
            highTick = high;
        }
        PriceLevel level = pools.acquireLevel(price);
        int slot = slot(tick);
        slots[slot] = level;
        bits[slot >>> 6] |= 1L << slot;
        size++;
        return level;
    }

    /** Removes an (empty) level and returns it to the pool. */
    void remove(PriceLevel level, ObjectPools pools) {
        long tick = tickOf(level.price);
        int slot = slot(tick);
        slots[slot] = null;
        bits[slot >>> 6] &= ~(1L << slot);
        size--;
        if (size > 0) {
            if (tick == lowTick) {
                lowTick = setAtOrAbove(tick + 1);
            } else if (tick == highTick) {
                highTick = setAtOrBelow(tick - 1);
            }
        }
        pools.releaseLevel(level);
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
        PriceLevel[] oldSlots = slots;
        int capacity = slots.length;
        while (capacity <= span) {
            capacity <<= 1;
        }
        long from = lowTick;
        long to = highTick;
        int oldMask = mask;
        allocate(capacity);
        for (long t = from; t <= to; t++) {
            PriceLevel level = oldSlots[(int) (t & oldMask)];
            if (level != null) {
                int slot = slot(t);
                slots[slot] = level;
                bits[slot >>> 6] |= 1L << slot;
            }
        }
    }
}
