package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.TradingPhase;

/**
 * The resting state of one book (both sides, the order index, pools, phase, band and sequence counters) and the
 * primitive mutations every command is built from. Each mutation keeps the aggregates consistent and reports the
 * level change it caused, so the commands above never have to remember to.
 */
final class BookState {
    final OrderBookSettings settings;
    final OrderBookListener listener;
    final BookSide bids;
    final BookSide asks;
    final OrderIndex index;
    final ObjectPools pools;

    TradingPhase phase;
    long bandLow;
    long bandHigh;
    long referencePrice = OrderBookView.NULL_PRICE;
    long lastArrival;
    long lastTradeId;
    long lastLevelSequence;

    BookState(OrderBookSettings settings, OrderBookListener listener) {
        this.settings = settings;
        this.listener = listener;
        bids = new BookSide(Side.BUY, settings.tickSize(), settings.expectedLevels() * 2);
        asks = new BookSide(Side.SELL, settings.tickSize(), settings.expectedLevels() * 2);
        pools = new ObjectPools(settings.expectedOrders(), settings.expectedLevels() * 2);
        index = new OrderIndex(settings.expectedOrders(), pools);
        phase = settings.initialPhase();
        bandLow = settings.priceBandLow();
        bandHigh = settings.priceBandHigh();
    }

    BookSide side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    BookSide opposite(Side side) {
        return side == Side.BUY ? asks : bids;
    }

    /**
     * Appends {@code node} (terms and remaining set) at the back of its level with a fresh arrival number. The
     * caller has already put the node in the index (a new order enters the index when it passes the duplicate
     * check, so that one probe serves both).
     */
    void rest(OrderNode node, long timestampNs) {
        node.timestampNs = timestampNs;
        node.arrival = ++lastArrival;
        BookSide bookSide = side(node.side);
        PriceLevel level = bookSide.findOrCreate(node.price, pools);
        level.append(node);
        levelChanged(timestampNs, bookSide, level);
    }

    /** Restores a node with its recorded priority (snapshot restore); reports nothing. */
    void restoreResting(OrderNode node) {
        PriceLevel level = side(node.side).findOrCreate(node.price, pools);
        level.append(node);
        index.put(node.orderId, node);
    }

    /** Takes {@code node} off its level and reports the level; the index and the node are the caller's. */
    void unrest(OrderNode node, long timestampNs) {
        PriceLevel level = node.level;
        BookSide bookSide = side(node.side);
        level.unlink(node);
        levelChanged(timestampNs, bookSide, level);
    }

    /** Takes an order that leaves the book for good out of the index and returns its node to the pool. */
    void discard(OrderNode node) {
        index.remove(node.orderId);
        pools.releaseNode(node);
    }

    /** Reduces a resting order by {@code quantity} (fill or decrement); removes and releases it at zero. */
    void reduceResting(OrderNode node, long quantity, long timestampNs) {
        if (node.remaining == quantity) {
            unrest(node, timestampNs);
            discard(node);
            return;
        }
        node.remaining -= quantity;
        PriceLevel level = node.level;
        level.totalQuantity -= quantity;
        levelChanged(timestampNs, side(node.side), level);
    }

    /** Cancels the whole of a resting order: reports the cancel, then the level, then releases the node. */
    void cancelResting(OrderNode node, long timestampNs, CancelReason reason) {
        listener.onCancelled(timestampNs, node.orderId, node.ownerId, node.side, node.price, node.remaining, 0L,
            reason);
        unrest(node, timestampNs);
        discard(node);
    }

    /** Reports a level's new aggregates and drops the level when it became empty. */
    private void levelChanged(long timestampNs, BookSide bookSide, PriceLevel level) {
        listener.onLevelChanged(timestampNs, ++lastLevelSequence, bookSide.side, level.price, level.totalQuantity,
            level.orderCount);
        if (level.orderCount == 0) {
            bookSide.remove(level, pools);
        }
    }

    /**
     * Cancels, in the book's defined order (bids best first, then asks best first, time priority within a level),
     * every resting order the filter accepts.
     */
    int cancelWhere(long timestampNs, OrderFilter filter, long argument, CancelReason reason) {
        return cancelWhere(bids, timestampNs, filter, argument, reason)
            + cancelWhere(asks, timestampNs, filter, argument, reason);
    }

    private int cancelWhere(BookSide bookSide, long timestampNs, OrderFilter filter, long argument,
                            CancelReason reason) {
        int cancelled = 0;
        PriceLevel level = bookSide.best();
        while (level != null) {
            // The level may be emptied and recycled below, so remember where it was.
            long price = level.price;
            OrderNode node = level.head;
            while (node != null) {
                OrderNode next = node.next;
                if (filter.accept(node, argument)) {
                    cancelResting(node, timestampNs, reason);
                    cancelled++;
                }
                node = next;
            }
            level = bookSide.worse(price);
        }
        return cancelled;
    }

    /** Chooses orders for {@link #cancelWhere}. */
    @FunctionalInterface
    interface OrderFilter {
        boolean accept(OrderNode node, long argument);
    }
}
