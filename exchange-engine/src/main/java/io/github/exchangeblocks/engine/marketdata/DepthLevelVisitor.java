package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;

/**
 * Receives the full depth from {@link DepthView#visitLevels}: bids best first, then asks best first, on the
 * calling thread.
 */
@FunctionalInterface
public interface DepthLevelVisitor {

    /**
     * One level.
     *
     * @param side the level's side
     * @param rank 0 for the best level of the side
     * @param price the level's price
     * @param quantity the total quantity, positive
     * @param orderCount the number of orders, positive
     */
    void onLevel(Side side, int rank, long price, long quantity, int orderCount);
}
