package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import java.util.Arrays;

/**
 * One side of the depth mirror: the levels in primitive arrays sorted by a key that grows toward the best price
 * (the price for bids, minus the price for asks), so the best level is the last element and the levels near the
 * top, which change most, move few elements when one is inserted or removed. A level is found by binary search.
 * Grows (amortised) to the working number of levels and then allocates nothing.
 */
final class DepthSide {
    /** {@link #apply} changed nothing. */
    static final int UNCHANGED = -1;

    final Side side;
    private final boolean bid;
    private long[] keys;
    private long[] quantities;
    private int[] counts;
    private int size;

    DepthSide(Side side, int expectedLevels) {
        this.side = side;
        bid = side == Side.BUY;
        keys = new long[expectedLevels];
        quantities = new long[expectedLevels];
        counts = new int[expectedLevels];
    }

    int levels() {
        return size;
    }

    long price(int rank) {
        long key = keys[size - 1 - rank];
        return bid ? key : -key;
    }

    long quantity(int rank) {
        return quantities[size - 1 - rank];
    }

    int count(int rank) {
        return counts[size - 1 - rank];
    }

    /** The rank (0 = best) of the level at {@code price}, or -1 when there is none. */
    int rankOf(long price) {
        int index = Arrays.binarySearch(keys, 0, size, bid ? price : -price);
        return index < 0 ? -1 : size - 1 - index;
    }

    /**
     * Sets the level at {@code price} to {@code quantity} and {@code count}, removing it when the quantity is 0.
     *
     * @return the level's rank before the change (after it for a new level), or {@link #UNCHANGED}
     */
    int apply(long price, long quantity, int count) {
        long key = bid ? price : -price;
        int index = Arrays.binarySearch(keys, 0, size, key);
        if (index >= 0) {
            int rank = size - 1 - index;
            if (quantity == 0) {
                System.arraycopy(keys, index + 1, keys, index, size - index - 1);
                System.arraycopy(quantities, index + 1, quantities, index, size - index - 1);
                System.arraycopy(counts, index + 1, counts, index, size - index - 1);
                size--;
                return rank;
            }
            if (quantities[index] == quantity && counts[index] == count) {
                return UNCHANGED;
            }
            quantities[index] = quantity;
            counts[index] = count;
            return rank;
        }
        if (quantity == 0) {
            return UNCHANGED;
        }
        int insert = -index - 1;
        if (size == keys.length) {
            int grown = keys.length * 2;
            keys = Arrays.copyOf(keys, grown);
            quantities = Arrays.copyOf(quantities, grown);
            counts = Arrays.copyOf(counts, grown);
        }
        System.arraycopy(keys, insert, keys, insert + 1, size - insert);
        System.arraycopy(quantities, insert, quantities, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        keys[insert] = key;
        quantities[insert] = quantity;
        counts[insert] = count;
        size++;
        return size - 1 - insert;
    }
}
