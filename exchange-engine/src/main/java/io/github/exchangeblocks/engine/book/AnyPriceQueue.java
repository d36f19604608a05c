package io.github.exchangeblocks.engine.book;

/**
 * The call auction's "any price" queue of one side: the market orders without a protection price collected in
 * {@code PRE_OPEN}, in time priority, ahead of every price level of the side. Like a level it is a FIFO doubly
 * linked through the {@link OrderStore} records, with its total quantity and order count; unlike a level it has no
 * price, so it appears in no depth view, moves no best price and reports no level events (its quantity shows in
 * the auction indication instead). It is empty outside the auction: the uncross fills or cancels every market
 * order. Touched only by the book's thread; stores no object reference.
 */
final class AnyPriceQueue {
    private final OrderStore orders;
    private int head = OrderStore.NIL;
    private int tail = OrderStore.NIL;
    private long quantity;
    private int count;

    AnyPriceQueue(OrderStore orders) {
        this.orders = orders;
    }

    /** The first order in time priority, or {@link OrderStore#NIL} when the queue is empty. */
    int head() {
        return head;
    }

    /** The total remaining quantity of the queued orders. */
    long quantity() {
        return quantity;
    }

    /** The number of queued orders. */
    int count() {
        return count;
    }

    /** Appends {@code order} (remaining set) at the back. */
    void append(int order) {
        orders.links(order, tail, OrderStore.NIL);
        if (tail == OrderStore.NIL) {
            head = order;
        } else {
            orders.next(tail, order);
        }
        tail = order;
        quantity += orders.remaining(order);
        count++;
    }

    /** Takes {@code order} out of the queue and its totals (its record keeps stale links). */
    void unlink(int order) {
        int before = orders.prev(order);
        int after = orders.next(order);
        if (before == OrderStore.NIL) {
            head = after;
        } else {
            orders.next(before, after);
        }
        if (after == OrderStore.NIL) {
            tail = before;
        } else {
            orders.prev(after, before);
        }
        quantity -= orders.remaining(order);
        count--;
    }

    /** Lowers the total by {@code reduction} (a queued order was reduced by that much). */
    void reduce(long reduction) {
        quantity -= reduction;
    }
}
