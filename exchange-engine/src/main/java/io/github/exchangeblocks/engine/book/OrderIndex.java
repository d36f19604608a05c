package io.github.exchangeblocks.engine.book;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Resting orders by order id. The map holds only primitives (order id to the node's pool handle) and the nodes
 * are found through the pool's handle table, so adding or removing an order stores no object reference into a
 * large long-lived array (such stores pay the garbage collector's card-marking write barrier).
 */
final class OrderIndex {
    private static final int ABSENT = -1;

    private final Long2IntOpenHashMap handles;
    private final ObjectPools pools;

    OrderIndex(int expectedOrders, ObjectPools pools) {
        this.handles = new Long2IntOpenHashMap(expectedOrders);
        this.handles.defaultReturnValue(ABSENT);
        this.pools = pools;
    }

    int size() {
        return handles.size();
    }

    boolean containsKey(long orderId) {
        return handles.containsKey(orderId);
    }

    /** The node of a resting order, or null. */
    OrderNode get(long orderId) {
        int handle = handles.get(orderId);
        return handle == ABSENT ? null : pools.node(handle);
    }

    /** Adds the order unless the id is taken; returns the node already there, or null when added. */
    OrderNode putIfAbsent(long orderId, OrderNode node) {
        int handle = handles.putIfAbsent(orderId, node.handle);
        return handle == ABSENT ? null : pools.node(handle);
    }

    void put(long orderId, OrderNode node) {
        handles.put(orderId, node.handle);
    }

    /** Removes the order; returns its node, or null if it was not there. */
    OrderNode remove(long orderId) {
        int handle = handles.remove(orderId);
        return handle == ABSENT ? null : pools.node(handle);
    }
}
