package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.SelfTradePrevention;

/**
 * Matches an incoming order against the opposite side in price-time priority, at the resting orders' prices,
 * applying self-trade prevention; and answers, without side effects, how much such a match would trade (for
 * fill-or-kill and minimum-quantity orders).
 */
final class ContinuousMatcher {
    private final BookState state;
    private final OrderStore orders;
    private final OrderBookListener listener;

    ContinuousMatcher(BookState state) {
        this.state = state;
        this.orders = state.orders;
        this.listener = state.listener;
    }

    /** The most aggressive price the taker accepts, as a bound on the opposite side. */
    private long limitOf(int taker, Side side) {
        long price = orders.price(taker);
        if (price == OrderBookView.NULL_PRICE && orders.type(taker) == OrderType.MARKET) {
            return side == Side.BUY ? Long.MAX_VALUE : 0L;
        }
        return price;
    }

    /**
     * Whether a taker with this limit takes a resting price: a buy when {@code restingPrice <= limit}, a sell when
     * {@code restingPrice >= limit}. Without a branch on the side (as good as random from order to order): the
     * difference of two non-negative prices cannot overflow, and its sign flips for a sell.
     */
    private static boolean crosses(Side takerSide, long limit, long restingPrice) {
        long flip = -(long) takerSide.ordinal();
        long difference = restingPrice - limit;
        return ((difference ^ flip) - flip) <= 0;
    }

    /** Whether an order at {@code price} on {@code side} would take liquidity now. */
    boolean wouldTake(Side side, long price) {
        BookSide book = state.opposite(side);
        int best = book.best();
        return best != BookSide.NONE && crosses(side, price, book.price(best));
    }

    /**
     * Trades {@code taker} against the book. On return the taker's remaining quantity is what is left; it is 0
     * either because everything traded or because self-trade prevention cancelled the rest (that cancel is
     * reported here). {@code side} is the taker's side.
     */
    void match(int taker, Side side, long timestampNs) {
        BookSide book = state.opposite(side);
        long limit = limitOf(taker, side);
        int level = book.best();
        // Most orders do not cross: this check is small enough to be inlined into the command, the walk is not.
        if (level != BookSide.NONE && crosses(side, limit, book.price(level))) {
            walk(taker, side, book, limit, level, timestampNs);
        }
    }

    /** {@link #match} from the best level {@code level} of {@code book}, which the taker crosses. */
    private void walk(int taker, Side side, BookSide book, long limit, int level, long timestampNs) {
        OrderStore o = orders;
        SelfTradePrevention stp = o.selfTradePrevention(taker);
        long takerId = o.orderId(taker);
        long takerOwner = o.ownerId(taker);
        long remaining = o.remaining(taker);
        do {
            long price = book.price(level);
            int maker = book.head(level);
            while (maker != OrderStore.NIL && remaining > 0) {
                int next = o.next(maker);
                if (o.ownerId(maker) == takerOwner && stp != SelfTradePrevention.NONE) {
                    o.remaining(taker, remaining);
                    if (preventSelfTrade(taker, maker, stp, timestampNs)) {
                        return;
                    }
                    remaining = o.remaining(taker);
                } else {
                    long makerRemaining = o.remaining(maker);
                    long quantity = Math.min(remaining, makerRemaining);
                    remaining -= quantity;
                    listener.onTrade(timestampNs, ++state.lastTradeId, o.orderId(maker), o.ownerId(maker), takerId,
                        takerOwner, side, price, quantity, makerRemaining - quantity, remaining);
                    state.referencePrice = price;
                    state.reduceResting(book, level, maker, quantity, timestampNs);
                }
                maker = next;
            }
        } while (remaining > 0 && (level = book.best()) != BookSide.NONE && crosses(side, limit, book.price(level)));
        o.remaining(taker, remaining);
    }

    /** Applies self-trade prevention between {@code taker} and {@code maker}; true when the taker is finished. */
    private boolean preventSelfTrade(int taker, int maker, SelfTradePrevention stp, long timestampNs) {
        switch (stp) {
            case CANCEL_RESTING:
                state.cancelResting(maker, timestampNs, CancelReason.SELF_TRADE);
                return false;
            case CANCEL_BOTH:
                state.cancelResting(maker, timestampNs, CancelReason.SELF_TRADE);
                cancelTaker(taker, orders.remaining(taker), timestampNs);
                return true;
            case DECREMENT_AND_CANCEL:
                long makerRemaining = orders.remaining(maker);
                long decrement = Math.min(orders.remaining(taker), makerRemaining);
                listener.onCancelled(timestampNs, orders.orderId(maker), orders.ownerId(maker), orders.side(maker),
                    orders.price(maker), decrement, makerRemaining - decrement, CancelReason.SELF_TRADE);
                state.reduceResting(maker, decrement, timestampNs);
                cancelTaker(taker, decrement, timestampNs);
                return orders.remaining(taker) == 0;
            default:
                cancelTaker(taker, orders.remaining(taker), timestampNs);
                return true;
        }
    }

    private void cancelTaker(int taker, long quantity, long timestampNs) {
        long remaining = orders.remaining(taker) - quantity;
        orders.remaining(taker, remaining);
        listener.onCancelled(timestampNs, orders.orderId(taker), orders.ownerId(taker), orders.side(taker),
            orders.price(taker), quantity, remaining, CancelReason.SELF_TRADE);
    }

    /**
     * How much {@link #match} would trade for {@code taker} now, following the same walk and the same self-trade
     * prevention outcomes, without changing anything. Stops early once {@code enough} is reached.
     */
    long fillable(int taker, long enough) {
        Side side = orders.side(taker);
        BookSide book = state.opposite(side);
        long limit = limitOf(taker, side);
        SelfTradePrevention stp = orders.selfTradePrevention(taker);
        long takerOwner = orders.ownerId(taker);
        long remaining = orders.remaining(taker);
        long traded = 0;
        for (int level = book.best(); level != BookSide.NONE; level = book.worse(level)) {
            if (!crosses(side, limit, book.price(level))) {
                break;
            }
            for (int maker = book.head(level); maker != OrderStore.NIL; maker = orders.next(maker)) {
                if (orders.ownerId(maker) == takerOwner && stp != SelfTradePrevention.NONE) {
                    if (stp == SelfTradePrevention.CANCEL_RESTING) {
                        continue;
                    }
                    if (stp != SelfTradePrevention.DECREMENT_AND_CANCEL) {
                        return traded;
                    }
                    remaining -= Math.min(remaining, orders.remaining(maker));
                } else {
                    long quantity = Math.min(remaining, orders.remaining(maker));
                    remaining -= quantity;
                    traded += quantity;
                }
                if (remaining == 0 || traded >= enough) {
                    return traded;
                }
            }
        }
        return traded;
    }
}
