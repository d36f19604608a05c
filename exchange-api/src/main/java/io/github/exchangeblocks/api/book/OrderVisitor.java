package io.github.exchangeblocks.api.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

/**
 * Receives resting orders one by one (level 3 view), in priority order: best price first, then time priority
 * within a price. Called on the thread that reads the book; must not modify the book.
 */
@FunctionalInterface
public interface OrderVisitor {

    /**
     * One resting order.
     *
     * @param orderId the order id
     * @param ownerId the owner id
     * @param side the side
     * @param timeInForce the time in force
     * @param price the limit price (a market order's protection price, or {@link OrderBookView#NULL_PRICE} for
     *     a call auction market order without one)
     * @param remainingQuantity the working quantity
     * @param timestampNs the timestamp of the command that gave the order its current time priority
     */
    void onOrder(long orderId, long ownerId, Side side, TimeInForce timeInForce, long price, long remainingQuantity,
                 long timestampNs);
}
