package io.github.exchangeblocks.engine.book;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Resting orders by order id: a primitive open-addressing map from order id to the order's {@link OrderStore}
 * handle, so adding or removing an order stores no object reference (and pays no write barrier).
 */
final class OrderIndex {
    private final Long2IntOpenHashMap handles;

    OrderIndex(int expectedOrders) {
        this.handles = new Long2IntOpenHashMap(expectedOrders);
        this.handles.defaultReturnValue(OrderStore.NIL);
    }

    int size() {
        return handles.size();
    }

    boolean containsKey(long orderId) {
        return handles.containsKey(orderId);
    }

    /** The handle of a resting order, or {@link OrderStore#NIL}. */
    int get(long orderId) {
        return handles.get(orderId);
    }

    /** Adds the order unless the id is taken; returns the order already there, or {@link OrderStore#NIL}. */
    int putIfAbsent(long orderId, int order) {
        return handles.putIfAbsent(orderId, order);
    }

    void put(long orderId, int order) {
        handles.put(orderId, order);
    }

    /** Removes the order; returns its handle, or {@link OrderStore#NIL} if it was not there. */
    int remove(long orderId) {
        return handles.remove(orderId);
    }
}
