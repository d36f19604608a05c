package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;

/**
 * The depth mirror of one instrument, read side: every aggregated price level of the book as its level events
 * reported them, the update id that counts the changes, and the batch of deltas not yet drained. Reads allocate
 * nothing. Not thread-safe: read on the thread that drives the market data.
 */
public interface DepthView {

    /**
     * The update id of the latest level change: it grows by exactly 1 per change that altered a level, starting
     * at 1; 0 before any change.
     *
     * @return 0 or more
     */
    long lastUpdateId();

    /**
     * The update id the next drained batch will start with ({@code U}): the last drained batch's
     * {@code lastUpdateId + 1}.
     *
     * @return 1 or more
     */
    long pendingFirstUpdateId();

    /**
     * The number of distinct levels changed since the last drain.
     *
     * @return 0 when there is nothing to drain
     */
    int pendingLevels();

    /**
     * The number of levels on one side.
     *
     * @param side the side, not {@code null}
     * @return 0 or more
     */
    int levelCount(Side side);

    /**
     * A level's price.
     *
     * @param side the side, not {@code null}
     * @param rank 0 for the best level, below {@link #levelCount(Side)}
     * @return the price
     * @throws IndexOutOfBoundsException if {@code rank} is out of range
     */
    long price(Side side, int rank);

    /**
     * A level's total quantity.
     *
     * @param side the side, not {@code null}
     * @param rank 0 for the best level, below {@link #levelCount(Side)}
     * @return the quantity, positive
     * @throws IndexOutOfBoundsException if {@code rank} is out of range
     */
    long quantity(Side side, int rank);

    /**
     * A level's order count.
     *
     * @param side the side, not {@code null}
     * @param rank 0 for the best level, below {@link #levelCount(Side)}
     * @return the count, positive
     * @throws IndexOutOfBoundsException if {@code rank} is out of range
     */
    int orderCount(Side side, int rank);

    /**
     * The quantity resting at a price.
     *
     * @param side the side, not {@code null}
     * @param price the price
     * @return the level's quantity, 0 when there is no level at that price
     */
    long quantityAt(Side side, long price);

    /**
     * Copies the top levels of both sides into {@code reuse}, best first, up to its capacity (top-N read).
     *
     * @param reuse the holder to refill, not {@code null}
     * @return {@code reuse}
     */
    DepthSnapshot depth(DepthSnapshot reuse);

    /**
     * Visits every level: bids best first, then asks best first (a full snapshot as of {@link #lastUpdateId()}).
     *
     * @param visitor receives the levels, not {@code null}
     * @return the number of levels visited
     */
    int visitLevels(DepthLevelVisitor visitor);

    /**
     * Visits the pending batch without draining it.
     *
     * @param visitor receives the batch, not {@code null}
     * @return false (and no call) when nothing is pending
     */
    boolean visitPendingDelta(DepthDeltaVisitor visitor);
}
