package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;

/**
 * The order book's command side: validates each command, then drives {@link ContinuousMatcher},
 * {@link AuctionUncross} and the primitive mutations of {@link BookState}. The read side is inherited from
 * {@link BookViews}. In the call auction an order only rests (market orders without protection price in their
 * side's any-price queue, with their minimum quantity recorded aside); the auction rules live in the auction
 * classes, so continuous trading pays nothing for them.
 */
final class LimitOrderBook extends BookViews implements OrderBook {
    private final OrderBookListener listener;
    private final OrderValidator validator;
    private final ContinuousMatcher matcher;
    private final AuctionUncross auction;

    LimitOrderBook(BookState state) {
        super(state);
        this.listener = state.listener;
        this.validator = new OrderValidator(state);
        this.matcher = new ContinuousMatcher(state);
        this.auction = new AuctionUncross(state);
    }

    @Override
    public boolean placeOrder(long timestampNs, long orderId, long ownerId, Side side, OrderType type,
                              TimeInForce timeInForce, long price, long quantity, long minQuantity,
                              boolean postOnly, SelfTradePrevention selfTradePrevention) {
        RejectCode code = validator.checkPlace(orderId, side, type, timeInForce, price, quantity, minQuantity,
            postOnly, selfTradePrevention);
        OrderStore orders = state.orders;
        int order = OrderStore.NIL;
        if (code == null) {
            // The duplicate check and the index insertion are one probe (the index reads ids from the records, so
            // the record is written first); the order leaves again if rejected below.
            order = orders.acquire();
            orders.set(order, orderId, ownerId, side, type, timeInForce,
                selfTradePrevention == SelfTradePrevention.BOOK_DEFAULT
                    ? state.settings.selfTradePrevention() : selfTradePrevention, postOnly, price, quantity);
            if (state.index.putIfAbsent(orderId, order) != OrderStore.NIL) {
                orders.release(order);
                code = validator.duplicate(orderId);
            } else if (postOnly && state.phase == TradingPhase.CONTINUOUS && matcher.wouldTake(side, price)) {
                state.index.remove(orderId);
                orders.release(order);
                validator.startMessage().append("postOnly=true but price=").append(price)
                    .append(" would take liquidity");
                code = RejectCode.BOOK_POST_ONLY_WOULD_TAKE;
            }
        }
        if (code != null) {
            listener.onRejected(timestampNs, orderId, ownerId, code, validator.message());
            return false;
        }
        listener.onAccepted(timestampNs, orderId, ownerId, side, type, timeInForce, price, quantity);
        if (state.phase == TradingPhase.PRE_OPEN) {
            state.restInAuction(order, side, minQuantity, timestampNs);
            return true;
        }
        if (timeInForce == TimeInForce.FOK || minQuantity > 0) {
            long needed = timeInForce == TimeInForce.FOK ? quantity : minQuantity;
            if (matcher.fillable(order, needed) < needed) {
                listener.onCancelled(timestampNs, orderId, ownerId, side, price, quantity, 0L,
                    timeInForce == TimeInForce.FOK ? CancelReason.FOK_UNFILLABLE
                        : CancelReason.MIN_QUANTITY_UNFILLABLE);
                state.discard(order);
                return true;
            }
        }
        enterContinuous(order, side, type, timeInForce, timestampNs);
        return true;
    }

    /**
     * Matches a new (or re-entering) order, already in the index, then rests or cancels what is left. The terms
     * given are the order's own (passed in only to save decoding them).
     */
    private void enterContinuous(int order, Side side, OrderType type, TimeInForce timeInForce, long timestampNs) {
        matcher.match(order, side, timestampNs);
        long remaining = state.orders.remaining(order);
        if (remaining != 0 && type == OrderType.LIMIT && timeInForce.canRest()) {
            state.rest(order, side, timestampNs);
        } else {
            leave(order, side, type, timeInForce, remaining, timestampNs);
        }
    }

    /**
     * Ends a matched order that does not rest: frees it when nothing is left, else cancels the rest with the
     * reason its type or time in force gives. Out of line so that {@link #enterContinuous} stays small enough to
     * be inlined into the commands.
     */
    private void leave(int order, Side side, OrderType type, TimeInForce timeInForce, long remaining,
                       long timestampNs) {
        if (remaining != 0) {
            CancelReason reason = type == OrderType.MARKET ? CancelReason.MARKET_NO_LIQUIDITY
                : timeInForce == TimeInForce.FOK ? CancelReason.FOK_UNFILLABLE : CancelReason.IOC_REMAINDER;
            OrderStore orders = state.orders;
            listener.onCancelled(timestampNs, orders.orderId(order), orders.ownerId(order), side,
                orders.price(order), remaining, 0L, reason);
        }
        state.discard(order);
    }

    @Override
    public boolean cancelOrder(long timestampNs, long orderId, long ownerId) {
        // Lookup and removal are one probe; a wrong owner puts the order back (the index has no order to keep).
        int order = state.index.remove(orderId);
        RejectCode code = validator.checkExisting(order, orderId, ownerId);
        if (code != null) {
            if (order != OrderStore.NIL) {
                state.index.put(orderId, order);
            }
            listener.onRejected(timestampNs, orderId, ownerId, code, validator.message());
            return false;
        }
        OrderStore orders = state.orders;
        listener.onCancelled(timestampNs, orderId, ownerId, orders.side(order), orders.price(order),
            orders.remaining(order), 0L, CancelReason.USER);
        state.unrest(order, timestampNs);
        orders.release(order);
        return true;
    }

    @Override
    public boolean amendOrder(long timestampNs, long orderId, long ownerId, long newPrice, long newQuantity) {
        return modify(timestampNs, orderId, ownerId, newPrice, newQuantity, false, false);
    }

    @Override
    public boolean moveOrder(long timestampNs, long orderId, long ownerId, long newPrice) {
        return modify(timestampNs, orderId, ownerId, newPrice, 0L, true, false);
    }

    @Override
    public boolean replaceOrder(long timestampNs, long orderId, long ownerId, long newPrice, long newQuantity) {
        return modify(timestampNs, orderId, ownerId, newPrice, newQuantity, false, true);
    }

    /**
     * Amend, move and replace: one lookup, the amend checks, then either an in-place reduction that keeps
     * priority or a re-entry. {@code keepQuantity} takes the order's remaining quantity as the new one (a move;
     * {@code quantity} is ignored); {@code requeue} loses priority even when an amend would keep it (a replace).
     */
    private boolean modify(long timestampNs, long orderId, long ownerId, long newPrice, long quantity,
                           boolean keepQuantity, boolean requeue) {
        OrderStore orders = state.orders;
        int order = state.index.get(orderId);
        RejectCode code = validator.checkExisting(order, orderId, ownerId);
        Side side = null;
        long newQuantity = quantity;
        if (code == null) {
            side = orders.side(order);
            if (keepQuantity) {
                newQuantity = orders.remaining(order);
            }
            code = validator.checkAmend(order, side, newPrice, newQuantity);
        }
        boolean keepsPriority = code == null && !requeue && newPrice == orders.price(order)
            && newQuantity <= orders.remaining(order);
        if (code == null && !keepsPriority && orders.postOnly(order) && state.phase == TradingPhase.CONTINUOUS
            && matcher.wouldTake(side, newPrice)) {
            validator.startMessage().append("postOnly=true but newPrice=").append(newPrice)
                .append(" would take liquidity");
            code = RejectCode.BOOK_POST_ONLY_WOULD_TAKE;
        }
        if (code != null) {
            listener.onRejected(timestampNs, orderId, ownerId, code, validator.message());
            return false;
        }
        listener.onAmended(timestampNs, orderId, ownerId, side, newPrice, newQuantity, keepsPriority);
        if (keepsPriority) {
            long reduction = orders.remaining(order) - newQuantity;
            if (reduction > 0) {
                state.reduceResting(order, reduction, timestampNs);
            }
            return true;
        }
        state.unrest(order, timestampNs);
        orders.price(order, newPrice);
        orders.remaining(order, newQuantity);
        if (state.phase == TradingPhase.PRE_OPEN) {
            state.restInAuction(order, side, state.minimums.of(order), timestampNs);
        } else {
            enterContinuous(order, side, orders.type(order), orders.timeInForce(order), timestampNs);
        }
        return true;
    }

    @Override
    public int massCancel(long timestampNs) {
        return state.cancelWhere(timestampNs, (orders, order, ignored) -> true, 0L, CancelReason.MASS_CANCEL);
    }

    @Override
    public int massCancelByOwner(long timestampNs, long ownerId) {
        return state.cancelWhere(timestampNs, (orders, order, owner) -> orders.ownerId(order) == owner, ownerId,
            CancelReason.MASS_CANCEL);
    }

    @Override
    public int expireDayOrders(long timestampNs) {
        return state.cancelWhere(timestampNs,
            (orders, order, ignored) -> orders.timeInForce(order) == TimeInForce.GFD, 0L, CancelReason.EXPIRED);
    }

    @Override
    public boolean setPhase(long timestampNs, TradingPhase phase) {
        TradingPhase previous = state.phase;
        if (phase == null || phase == previous) {
            validator.startMessage().append("phase=").append(phase == null ? "null" : phase.name())
                .append(phase == null ? " must not be null" : " must differ from the current phase");
            listener.onRejected(timestampNs, 0L, 0L,
                phase == null ? RejectCode.BOOK_MISSING_FIELD : RejectCode.BOOK_WRONG_PHASE, validator.message());
            return false;
        }
        if (phase == TradingPhase.CONTINUOUS) {
            auction.uncross(timestampNs);
        }
        state.phase = phase;
        listener.onPhaseChanged(timestampNs, previous, phase);
        return true;
    }

    @Override
    public boolean setPriceBand(long timestampNs, long lowPrice, long highPrice) {
        long tick = state.settings.tickSize();
        if (lowPrice < 0 || highPrice < 0 || lowPrice % tick != 0 || highPrice % tick != 0
            || (lowPrice != OrderBookView.NULL_PRICE && highPrice != OrderBookView.NULL_PRICE
            && lowPrice > highPrice)) {
            validator.startMessage().append("priceBand=").append(lowPrice).append("..").append(highPrice)
                .append(" must be >= 0, multiples of tickSize=").append(tick).append(" and low <= high");
            listener.onRejected(timestampNs, 0L, 0L, RejectCode.BOOK_INVALID_PRICE_BAND, validator.message());
            return false;
        }
        state.bandLow = lowPrice;
        state.bandHigh = highPrice;
        return true;
    }

    @Override
    public boolean setReferencePrice(long timestampNs, long price) {
        long tick = state.settings.tickSize();
        if (price < 0 || price % tick != 0) {
            validator.startMessage().append("referencePrice=").append(price)
                .append(" must be >= 0 and a multiple of tickSize=").append(tick);
            listener.onRejected(timestampNs, 0L, 0L, price < 0 ? RejectCode.BOOK_PRICE_NOT_POSITIVE
                : RejectCode.BOOK_PRICE_OFF_TICK, validator.message());
            return false;
        }
        state.referencePrice = price;
        return true;
    }
}
