package io.github.exchangeblocks.engine.book;

import java.util.Arrays;

/**
 * The minimum fill quantities of orders collected in the call auction, by {@link OrderStore} handle. A minimum
 * applies to the auction only: the uncross cancels every order its allocation would fill below its minimum, and
 * the orders that stay rest without one (in continuous trading a minimum is checked when the order enters and is
 * not kept).
 *
 * <p>Kept out of the order record so continuous trading never pays for it. Every order placed in the auction
 * writes its entry (0 for none) and the uncross zeroes the table; nothing writes it in continuous trading. So a
 * handle recycled in continuous trading reads 0, and an entry is meaningful exactly for the live orders placed in
 * the auction since the last uncross. The table is allocated when the first minimum arrives and grows on demand
 * (the only allocations, and only in the auction), so a book that never sees one allocates nothing.
 * Touched only by the book's thread.
 */
final class AuctionMinimums {
    private static final long[] NONE = new long[0];

    private long[] values = NONE;
    private boolean dirty;

    /** The minimum quantity of {@code order}, 0 for none. */
    long of(int order) {
        return order < values.length ? values[order] : 0L;
    }

    /** Sets the minimum of {@code order} (0 for none), overwriting what an earlier holder of the handle left. */
    void set(int order, long minQuantity) {
        if (order >= values.length) {
            if (minQuantity == 0) {
                return;
            }
            int length = Math.max(Math.max(64, values.length * 2), Integer.highestOneBit(order) * 2);
            values = Arrays.copyOf(values, length);
        }
        values[order] = minQuantity;
        dirty |= minQuantity != 0;
    }

    /** Forgets every minimum (the uncross is over). */
    void clear() {
        if (dirty) {
            Arrays.fill(values, 0L);
            dirty = false;
        }
    }
}
