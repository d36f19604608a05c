package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;

/**
 * One working order: its terms, its remaining quantity and its links in the FIFO of its price level. Pooled and
 * reused; mutable plain fields, touched only by the book's thread.
 */
final class OrderNode {
    /** This node's fixed number in the pool's handle table, assigned at creation. */
    final int handle;
    long orderId;
    long ownerId;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    /** The resolved mode (never BOOK_DEFAULT). */
    SelfTradePrevention selfTradePrevention;
    boolean postOnly;
    /** Limit price, or the protection price of a market order (NULL_PRICE for none). */
    long price;
    long remaining;
    /** Timestamp of the command that gave the order its current priority. */
    long timestampNs;
    /** Book-wide arrival sequence of the current priority: smaller arrived earlier. */
    long arrival;

    PriceLevel level;
    OrderNode prev;
    OrderNode next;

    OrderNode(int handle) {
        this.handle = handle;
    }

    void clear() {
        side = null;
        type = null;
        timeInForce = null;
        selfTradePrevention = null;
        level = null;
        prev = null;
        next = null;
    }
}
