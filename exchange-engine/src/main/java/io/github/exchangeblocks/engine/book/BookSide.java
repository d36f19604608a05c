package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;
import java.util.Arrays;

/**
 * The price levels of one side, kept in a sorted array with the best price at the end. Each level has a key that
 * grows with priority ({@code price} for bids, {@code -price} for asks), so both sides share one ascending order
 * and "best" is always the last element. Activity near the top of the book therefore looks up and shifts only the
 * last few elements; lookups scan the top few keys linearly before falling back to binary search.
 */
final class BookSide {
    private static final int LINEAR_SCAN = 8;

    final Side side;
    private long[] keys;
    private PriceLevel[] levels;
    private int size;

    BookSide(Side side, int expectedLevels) {
        this.side = side;
        int capacity = Math.max(16, expectedLevels);
        keys = new long[capacity];
        levels = new PriceLevel[capacity];
    }

    int size() {
        return size;
    }

    /** The best level, or null when the side is empty. */
    PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** The level {@code rank} steps from the best (0 is the best); {@code rank} must be below {@link #size()}. */
    PriceLevel fromBest(int rank) {
        return levels[size - 1 - rank];
    }

    /** The level {@code rank} steps from the worst (0 is the worst); {@code rank} must be below {@link #size()}. */
    PriceLevel fromWorst(int rank) {
        return levels[rank];
    }

    long key(long price) {
        return side == Side.BUY ? price : -price;
    }

    /** Whether a price on this side is strictly better than {@code other} (higher bid, lower ask). */
    boolean better(long price, long other) {
        return side == Side.BUY ? price > other : price < other;
    }

    /** The level at {@code price}, or null. */
    PriceLevel find(long price) {
        int index = indexOf(key(price));
        return index >= 0 ? levels[index] : null;
    }

    /** The level at {@code price}, created from the pool and inserted when missing. */
    PriceLevel findOrCreate(long price, ObjectPools pools) {
        long key = key(price);
        int index = indexOf(key);
        if (index >= 0) {
            return levels[index];
        }
        int insert = -index - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        int tailLength = size - insert;
        if (tailLength > 0) {
            System.arraycopy(keys, insert, keys, insert + 1, tailLength);
            System.arraycopy(levels, insert, levels, insert + 1, tailLength);
        }
        PriceLevel level = pools.acquireLevel(price);
        keys[insert] = key;
        levels[insert] = level;
        size++;
        return level;
    }

    /** Removes an (empty) level and returns it to the pool. */
    void remove(PriceLevel level, ObjectPools pools) {
        int index = indexOf(key(level.price));
        int tailLength = size - index - 1;
        if (tailLength > 0) {
            System.arraycopy(keys, index + 1, keys, index, tailLength);
            System.arraycopy(levels, index + 1, levels, index, tailLength);
        }
        size--;
        levels[size] = null;
        pools.releaseLevel(level);
    }

    /** Index of {@code key}, or {@code -(insertion point) - 1}. Scans the top few keys before bisecting. */
    private int indexOf(long key) {
        int low = 0;
        int high = size - 1;
        int scanEnd = Math.max(0, size - LINEAR_SCAN);
        for (int i = high; i >= scanEnd; i--) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k < key) {
                return -(i + 1) - 1;
            }
        }
        high = scanEnd - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long k = keys[mid];
            if (k < key) {
                low = mid + 1;
            } else if (k > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
