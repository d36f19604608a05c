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
    private final OrderBookListener listener;

    ContinuousMatcher(BookState state) {
        this.state = state;
        this.listener = state.listener;
    }

    /** The most aggressive price the taker accepts, as a bound on the opposite side. */
    private static long limitOf(OrderNode taker) {
        if (taker.type == OrderType.MARKET && taker.price == OrderBookView.NULL_PRICE) {
            return taker.side == Side.BUY ? Long.MAX_VALUE : 0L;
        }
        return taker.price;
    }

    private static boolean crosses(Side takerSide, long limit, long restingPrice) {
        return takerSide == Side.BUY ? restingPrice <= limit : restingPrice >= limit;
    }

    /** Whether an order at {@code price} on {@code side} would take liquidity now. */
    boolean wouldTake(Side side, long price) {
        PriceLevel best = state.opposite(side).best();
        return best != null && crosses(side, price, best.price);
    }

    /**
     * Trades {@code taker} against the book. On return {@code taker.remaining} is what is left; it is 0 either
     * because everything traded or because self-trade prevention cancelled the rest (that cancel is reported here).
     */
    void match(OrderNode taker, long timestampNs) {
        BookSide book = state.opposite(taker.side);
        long limit = limitOf(taker);
        SelfTradePrevention stp = taker.selfTradePrevention;
        PriceLevel level;
        while (taker.remaining > 0 && (level = book.best()) != null && crosses(taker.side, limit, level.price)) {
            long price = level.price;
            OrderNode maker = level.head;
            while (maker != null && taker.remaining > 0) {
                OrderNode next = maker.next;
                if (maker.ownerId == taker.ownerId && stp != SelfTradePrevention.NONE) {
                    if (preventSelfTrade(taker, maker, stp, timestampNs)) {
                        return;
                    }
                } else {
                    long quantity = Math.min(taker.remaining, maker.remaining);
                    taker.remaining -= quantity;
                    listener.onTrade(timestampNs, ++state.lastTradeId, maker.orderId, maker.ownerId, taker.orderId,
                        taker.ownerId, taker.side, price, quantity, maker.remaining - quantity, taker.remaining);
                    state.referencePrice = price;
                    state.reduceResting(maker, quantity, timestampNs);
                }
                maker = next;
            }
        }
    }

    /** Applies self-trade prevention between {@code taker} and {@code maker}; true when the taker is finished. */
    private boolean preventSelfTrade(OrderNode taker, OrderNode maker, SelfTradePrevention stp, long timestampNs) {
        switch (stp) {
            case CANCEL_RESTING:
                state.cancelResting(maker, timestampNs, CancelReason.SELF_TRADE);
                return false;
            case CANCEL_BOTH:
                state.cancelResting(maker, timestampNs, CancelReason.SELF_TRADE);
                cancelTaker(taker, taker.remaining, timestampNs);
                return true;
            case DECREMENT_AND_CANCEL:
                long decrement = Math.min(taker.remaining, maker.remaining);
                listener.onCancelled(timestampNs, maker.orderId, maker.ownerId, maker.side, maker.price, decrement,
                    maker.remaining - decrement, CancelReason.SELF_TRADE);
                state.reduceResting(maker, decrement, timestampNs);
                cancelTaker(taker, decrement, timestampNs);
                return taker.remaining == 0;
            default:
                cancelTaker(taker, taker.remaining, timestampNs);
                return true;
        }
    }

    private void cancelTaker(OrderNode taker, long quantity, long timestampNs) {
        taker.remaining -= quantity;
        listener.onCancelled(timestampNs, taker.orderId, taker.ownerId, taker.side, taker.price, quantity,
            taker.remaining, CancelReason.SELF_TRADE);
    }

    /**
     * How much {@link #match} would trade for {@code taker} now, following the same walk and the same self-trade
     * prevention outcomes, without changing anything. Stops early once {@code enough} is reached.
     */
    long fillable(OrderNode taker, long enough) {
        BookSide book = state.opposite(taker.side);
        long limit = limitOf(taker);
        SelfTradePrevention stp = taker.selfTradePrevention;
        long remaining = taker.remaining;
        long traded = 0;
        for (PriceLevel level = book.best(); level != null; level = book.worse(level.price)) {
            if (!crosses(taker.side, limit, level.price)) {
                break;
            }
            for (OrderNode maker = level.head; maker != null; maker = maker.next) {
                if (maker.ownerId == taker.ownerId && stp != SelfTradePrevention.NONE) {
                    if (stp == SelfTradePrevention.CANCEL_RESTING) {
                        continue;
                    }
                    if (stp != SelfTradePrevention.DECREMENT_AND_CANCEL) {
                        return traded;
                    }
                    remaining -= Math.min(remaining, maker.remaining);
                } else {
                    long quantity = Math.min(remaining, maker.remaining);
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
