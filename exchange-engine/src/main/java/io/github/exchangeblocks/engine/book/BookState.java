package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.TradingPhase;

/**
 * The resting state of one book (the order records, both sides, the order index, phase, band and sequence
 * counters) and the primitive mutations every command is built from. Orders are {@link OrderStore} handles and
 * levels {@link BookSide} slots. Each mutation keeps the aggregates consistent and reports the level change it
 * caused, so the commands above never have to remember to.
 *
 * <p>In the call auction a market order without protection price rests in its side's {@link AnyPriceQueue}
 * instead of a level; such an order is recognised by its price, {@link OrderBookView#NULL_PRICE} (every other
 * resting order has a positive price). The mutations below handle both places; only the queue reports no level.
 */
final class BookState {
    final OrderBookSettings settings;
    final OrderBookListener listener;
    final Granularity tick;
    final Granularity lot;
    final OrderStore orders;
    final BookSide bids;
    final BookSide asks;
    final OrderIndex index;
    /** {@link #bids} at {@code Side.BUY.ordinal()}, {@link #asks} at {@code Side.SELL.ordinal()}. */
    private final BookSide[] byOrdinal = new BookSide[2];
    final AnyPriceQueue bidMarkets;
    final AnyPriceQueue askMarkets;
    final AuctionMinimums minimums = new AuctionMinimums();

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
        tick = new Granularity(settings.tickSize());
        lot = new Granularity(settings.lotSize());
        orders = new OrderStore(settings.expectedOrders());
        bids = new BookSide(Side.BUY, tick, settings.expectedLevels() * 2, orders);
        asks = new BookSide(Side.SELL, tick, settings.expectedLevels() * 2, orders);
        byOrdinal[Side.BUY.ordinal()] = bids;
        byOrdinal[Side.SELL.ordinal()] = asks;
        index = new OrderIndex(settings.expectedOrders(), orders);
        bidMarkets = new AnyPriceQueue(orders);
        askMarkets = new AnyPriceQueue(orders);
        phase = settings.initialPhase();
        bandLow = settings.priceBandLow();
        bandHigh = settings.priceBandHigh();
    }

    // Sides are picked by index, not by a branch: the side of consecutive orders is as good as random, and a
    // mispredicted branch costs more than the array read.

    BookSide side(Side side) {
        return byOrdinal[side.ordinal()];
    }

    BookSide opposite(Side side) {
        return byOrdinal[side.ordinal() ^ 1];
    }

    /** The side {@code order} belongs to. */
    BookSide sideOf(int order) {
        return byOrdinal[orders.sideOrdinal(order)];
    }

    /** The side's any-price queue of auction market orders. */
    AnyPriceQueue markets(Side side) {
        return side == Side.BUY ? bidMarkets : askMarkets;
    }

    /**
     * The first resting order of a side in the book's defined order: the head of its any-price queue, else of its
     * best level; {@link OrderStore#NIL} when the side is empty. With {@link #nextInPriority} it walks the side.
     */
    int firstInPriority(Side side) {
        int queued = markets(side).head();
        if (queued != OrderStore.NIL) {
            return queued;
        }
        BookSide bookSide = side(side);
        int level = bookSide.best();
        return level == BookSide.NONE ? OrderStore.NIL : bookSide.head(level);
    }

    /**
     * The resting order after {@code order} on its side in the book's defined order (the rest of its queue or
     * level, then the next level worse), or {@link OrderStore#NIL}. A walk that cancels takes the next order
     * before cancelling the current one.
     */
    int nextInPriority(int order) {
        int next = orders.next(order);
        if (next != OrderStore.NIL) {
            return next;
        }
        BookSide bookSide = sideOf(order);
        long price = orders.price(order);
        int level = price == OrderBookView.NULL_PRICE ? bookSide.best() : bookSide.worse(bookSide.levelOf(price));
        return level == BookSide.NONE ? OrderStore.NIL : bookSide.head(level);
    }

    /**
     * Appends {@code order} (terms and remaining set; {@code side} is its side) at the back of its level with a
     * fresh arrival number. The caller has already put the order in the index (a new order enters the index when
     * it passes the duplicate check, so that one probe serves both).
     */
    void rest(int order, Side side, long timestampNs) {
        orders.priority(order, timestampNs, ++lastArrival);
        BookSide bookSide = side(side);
        int level = bookSide.findOrCreate(orders.price(order));
        bookSide.append(level, order);
        levelChanged(timestampNs, bookSide, level);
    }

    /**
     * Rests an order collected in the call auction and records its minimum quantity (0 for none): a market order
     * without protection price joins the back of its side's any-price queue (no level event), anything else its
     * price level as {@link #rest} does.
     */
    void restInAuction(int order, Side side, long minQuantity, long timestampNs) {
        minimums.set(order, minQuantity);
        if (orders.price(order) == OrderBookView.NULL_PRICE) {
            orders.priority(order, timestampNs, ++lastArrival);
            markets(side).append(order);
        } else {
            rest(order, side, timestampNs);
        }
    }

    /**
     * Restores an order with its recorded priority (snapshot restore, orders given in priority order); reports
     * nothing.
     */
    void restoreResting(int order) {
        if (orders.price(order) == OrderBookView.NULL_PRICE) {
            markets(orders.side(order)).append(order);
        } else {
            BookSide bookSide = sideOf(order);
            bookSide.append(bookSide.findOrCreate(orders.price(order)), order);
        }
        index.put(orders.orderId(order), order);
    }

    /**
     * Takes {@code order} off its level and reports the level (or out of its any-price queue, which reports
     * nothing); the index and the record are the caller's.
     */
    void unrest(int order, long timestampNs) {
        if (orders.price(order) == OrderBookView.NULL_PRICE) {
            markets(orders.side(order)).unlink(order);
            return;
        }
        BookSide bookSide = sideOf(order);
        int level = bookSide.levelOf(orders.price(order));
        bookSide.unlink(level, order);
        levelChanged(timestampNs, bookSide, level);
    }

    /** Takes an order that leaves the book for good out of the index and frees its record. */
    void discard(int order) {
        index.remove(orders.orderId(order));
        orders.release(order);
    }

    /** Reduces a resting order by {@code quantity} (fill or decrement); removes and frees it at zero. */
    void reduceResting(int order, long quantity, long timestampNs) {
        if (orders.price(order) == OrderBookView.NULL_PRICE) {
            reduceQueued(order, quantity);
            return;
        }
        BookSide bookSide = sideOf(order);
        reduceResting(bookSide, bookSide.levelOf(orders.price(order)), order, quantity, timestampNs);
    }

    /** {@link #reduceResting(int, long, long)} for a caller that knows the order's side and level. */
    void reduceResting(BookSide bookSide, int level, int order, long quantity, long timestampNs) {
        long remaining = orders.remaining(order);
        if (remaining == quantity) {
            bookSide.unlink(level, order);
            levelChanged(timestampNs, bookSide, level);
            discard(order);
            return;
        }
        orders.remaining(order, remaining - quantity);
        bookSide.reduce(level, quantity);
        levelChanged(timestampNs, bookSide, level);
    }

    /** {@link #reduceResting(int, long, long)} for an order in an any-price queue: no level to report. */
    private void reduceQueued(int order, long quantity) {
        AnyPriceQueue queue = markets(orders.side(order));
        long remaining = orders.remaining(order);
        if (remaining == quantity) {
            queue.unlink(order);
            discard(order);
            return;
        }
        orders.remaining(order, remaining - quantity);
        queue.reduce(quantity);
    }

    /** Cancels the whole of a resting order: reports the cancel, then the level, then frees the record. */
    void cancelResting(int order, long timestampNs, CancelReason reason) {
        listener.onCancelled(timestampNs, orders.orderId(order), orders.ownerId(order), orders.side(order),
            orders.price(order), orders.remaining(order), 0L, reason);
        unrest(order, timestampNs);
        discard(order);
    }

    /** Reports a level's new aggregates and drops the level when it became empty. */
    private void levelChanged(long timestampNs, BookSide bookSide, int level) {
        int count = bookSide.orderCount(level);
        listener.onLevelChanged(timestampNs, ++lastLevelSequence, bookSide.side, bookSide.price(level),
            bookSide.quantity(level), count);
        if (count == 0) {
            bookSide.remove(level);
        }
    }

    /**
     * Cancels, in the book's defined order (bids then asks; on each side the any-price queue first, then the
     * levels best first; time priority within each), every resting order the filter accepts.
     */
    int cancelWhere(long timestampNs, OrderFilter filter, long argument, CancelReason reason) {
        return cancelWhere(Side.BUY, timestampNs, filter, argument, reason)
            + cancelWhere(Side.SELL, timestampNs, filter, argument, reason);
    }

    private int cancelWhere(Side side, long timestampNs, OrderFilter filter, long argument, CancelReason reason) {
        int cancelled = 0;
        int order = firstInPriority(side);
        while (order != OrderStore.NIL) {
            int next = nextInPriority(order);
            if (filter.accept(orders, order, argument)) {
                cancelResting(order, timestampNs, reason);
                cancelled++;
            }
            order = next;
        }
        return cancelled;
    }

    /** Chooses orders for {@link #cancelWhere}. */
    @FunctionalInterface
    interface OrderFilter {
        boolean accept(OrderStore orders, int order, long argument);
    }
}
