package io.github.exchangeblocks.engine.book;

/**
 * One price level of one side: the FIFO of its orders (intrusive doubly linked list through {@link OrderNode}) and
 * its aggregates. Pooled and reused; touched only by the book's thread.
 */
final class PriceLevel {
    long price;
    long totalQuantity;
    int orderCount;
    OrderNode head;
    OrderNode tail;

    void append(OrderNode node) {
        node.level = this;
        node.next = null;
        node.prev = tail;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        totalQuantity += node.remaining;
        orderCount++;
    }

    void unlink(OrderNode node) {
        OrderNode before = node.prev;
        OrderNode after = node.next;
        if (before == null) {
            head = after;
        } else {
            before.next = after;
        }
        if (after == null) {
            tail = before;
        } else {
            after.prev = before;
        }
        totalQuantity -= node.remaining;
        orderCount--;
        node.prev = null;
        node.next = null;
        node.level = null;
    }

    void reset(long levelPrice) {
        price = levelPrice;
        totalQuantity = 0;
        orderCount = 0;
        head = null;
        tail = null;
    }
}
