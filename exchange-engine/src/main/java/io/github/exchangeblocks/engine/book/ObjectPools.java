package io.github.exchangeblocks.engine.book;

import java.util.Arrays;

/**
 * Free lists of order nodes and price levels. Acquiring from an empty pool allocates; releasing keeps the object
 * for reuse, so once the pools have grown to the book's working size nothing more is allocated.
 */
final class ObjectPools {
    private OrderNode[] byHandle;
    private int created;
    private OrderNode[] nodes;
    private int nodeCount;
    private PriceLevel[] levels;
    private int levelCount;

    ObjectPools(int expectedOrders, int expectedLevels) {
        nodes = new OrderNode[Math.max(16, expectedOrders)];
        byHandle = new OrderNode[Math.max(16, expectedOrders)];
        for (int i = 0; i < expectedOrders; i++) {
            nodes[nodeCount++] = create();
        }
        levels = new PriceLevel[Math.max(16, expectedLevels)];
        for (int i = 0; i < expectedLevels; i++) {
            levels[levelCount++] = new PriceLevel();
        }
    }

    private OrderNode create() {
        if (created == byHandle.length) {
            byHandle = Arrays.copyOf(byHandle, created * 2);
        }
        OrderNode node = new OrderNode(created);
        byHandle[created++] = node;
        return node;
    }

    /** The node with this handle (every node ever created keeps its handle). */
    OrderNode node(int handle) {
        return byHandle[handle];
    }

    OrderNode acquireNode() {
        if (nodeCount == 0) {
            return create();
        }
        OrderNode node = nodes[--nodeCount];
        nodes[nodeCount] = null;
        return node;
    }

    void releaseNode(OrderNode node) {
        node.clear();
        if (nodeCount == nodes.length) {
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
        }
        nodes[nodeCount++] = node;
    }

    PriceLevel acquireLevel(long price) {
        PriceLevel level = levelCount == 0 ? new PriceLevel() : levels[--levelCount];
        if (levelCount < levels.length) {
            levels[levelCount] = null;
        }
        level.reset(price);
        return level;
    }

    void releaseLevel(PriceLevel level) {
        level.reset(0);
        if (levelCount == levels.length) {
            levels = Arrays.copyOf(levels, levels.length * 2);
        }
        levels[levelCount++] = level;
    }
}
