package io.github.exchangeblocks.api.book;

import io.github.exchangeblocks.api.Side;

/**
 * Receives the aggregated price levels of one side (level 2) one by one, best price first, from
 * {@link OrderBookView#forEachLevel}. Arguments are primitives and an enum constant, so visiting allocates nothing
 * (a visitor kept in a field, or a lambda that captures nothing, is not allocated per call either). Called on the
 * thread that reads the book; must not modify the book.
 */
@FunctionalInterface
public interface LevelVisitor {

    /**
     * One non-empty price level.
     *
     * @param side the level's side
     * @param depthIndex the level's position on its side: 0 for the best price, 1 for the next, and so on
     * @param price the level's price, positive
     * @param totalQuantity the sum of the working quantities of the orders at the level, positive
     * @param orderCount the number of orders at the level, positive
     */
    void onLevel(Side side, int depthIndex, long price, long totalQuantity, int orderCount);
}
