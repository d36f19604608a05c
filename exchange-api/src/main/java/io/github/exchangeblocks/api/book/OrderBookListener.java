package io.github.exchangeblocks.api.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

/**
 * Receives everything an order book does, synchronously, on the thread that drives the book, in the order it
 * happens. Arguments are primitives and enum constants, so delivering an event allocates nothing. Every method has
 * an empty default, so a listener overrides only what it needs.
 *
 * <p>For one command the events come in this order: {@code onAccepted} (or {@code onRejected} and nothing else);
 * then, per fill, {@code onTrade} followed by {@code onLevelChanged} for the maker's level; self-trade prevention
 * and other removals as {@code onCancelled} each followed by {@code onLevelChanged}; finally the incoming order's
 * rest either as {@code onLevelChanged} (it rests) or as {@code onCancelled}.
 *
 * <p>A listener must not call back into the book that is notifying it. Timestamps are the command's timestamp,
 * in nanoseconds of the host's clock; the book never reads a clock.
 */
public interface OrderBookListener {

    /** A listener that ignores every event. */
    OrderBookListener NO_OP = new OrderBookListener() {
    };

    /**
     * A new order passed validation and entered the book's processing (it may still trade, rest or be cancelled).
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id
     * @param ownerId the owner id
     * @param side the order's side
     * @param type the order type
     * @param timeInForce the time in force
     * @param price the limit price, or the protection price of a market order ({@link OrderBookView#NULL_PRICE}
     *     when none)
     * @param quantity the order quantity
     */
    default void onAccepted(long timestampNs, long orderId, long ownerId, Side side, OrderType type,
                            TimeInForce timeInForce, long price, long quantity) {
    }

    /**
     * A command was refused; the book is unchanged.
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id the command named (may be any value, including invalid ones)
     * @param ownerId the owner id the command named
     * @param code why
     * @param message a human text naming the field and the rule; valid only during this call (copy it to keep it)
     */
    default void onRejected(long timestampNs, long orderId, long ownerId, RejectCode code, CharSequence message) {
    }

    /**
     * Two orders traded. The trade price is the resting (maker) order's price in continuous trading and the
     * single uncross price in an auction, where the order that arrived later is reported as the taker.
     *
     * @param timestampNs the command's timestamp
     * @param tradeId the book's trade sequence number, starting at 1
     * @param makerOrderId the resting order's id
     * @param makerOwnerId the resting order's owner
     * @param takerOrderId the incoming order's id
     * @param takerOwnerId the incoming order's owner
     * @param aggressorSide the taker's side
     * @param price the trade price
     * @param quantity the traded quantity, positive
     * @param makerRemaining what is left of the maker after this fill (0 when fully filled)
     * @param takerRemaining what is left of the taker after this fill
     */
    default void onTrade(long timestampNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                         long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                         long takerRemaining) {
    }

    /**
     * Quantity of an order was removed without trading. When {@code remainingQuantity} is 0 the order is gone;
     * otherwise (decrement-and-cancel self-trade prevention) it stays with that quantity and its time priority.
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id
     * @param ownerId the owner id
     * @param side the order's side
     * @param price the order's price ({@link OrderBookView#NULL_PRICE} for a market order without protection)
     * @param cancelledQuantity the quantity removed, positive
     * @param remainingQuantity the quantity still working after this event
     * @param reason why
     */
    default void onCancelled(long timestampNs, long orderId, long ownerId, Side side, long price,
                             long cancelledQuantity, long remainingQuantity, CancelReason reason) {
    }

    /**
     * A resting order was amended. When {@code priorityKept} is false the order lost its time priority and
     * re-entered the book as if new at {@code price}; trades and level events may follow.
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id
     * @param ownerId the owner id
     * @param side the order's side
     * @param price the new price
     * @param remainingQuantity the new working quantity
     * @param priorityKept true when only the quantity was reduced (or nothing changed)
     */
    default void onAmended(long timestampNs, long orderId, long ownerId, Side side, long price,
                           long remainingQuantity, boolean priorityKept) {
    }

    /**
     * An aggregated price level changed. A level that became empty reports quantity 0 and count 0.
     *
     * @param timestampNs the command's timestamp
     * @param sequence the book's level-event sequence number, starting at 1 and without gaps
     * @param side the level's side
     * @param price the level's price
     * @param totalQuantity the sum of the working quantities at this level after the change
     * @param orderCount the number of orders at this level after the change
     */
    default void onLevelChanged(long timestampNs, long sequence, Side side, long price, long totalQuantity,
                                int orderCount) {
    }

    /**
     * The trading phase changed.
     *
     * @param timestampNs the command's timestamp
     * @param previous the phase before
     * @param current the phase now
     */
    default void onPhaseChanged(long timestampNs, TradingPhase previous, TradingPhase current) {
    }
}
