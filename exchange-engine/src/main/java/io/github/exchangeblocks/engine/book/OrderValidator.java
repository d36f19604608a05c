package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;

/**
 * Checks commands against the book's settings, band and phase before anything changes. A failed check returns
 * its {@link RejectCode} and leaves a message naming the field and the rule in {@link #message()}; the message
 * buffer is reused, so rejecting allocates nothing once it has grown, and is cleared only when a check fails,
 * so accepting costs nothing.
 */
final class OrderValidator {
    private final StringBuilder message = new StringBuilder(128);
    private final BookState state;
    /** The settings' limits, copied: one field read on every command instead of two. */
    private final long maxQuantity;
    private final int maxPriceSpanTicks;

    OrderValidator(BookState state) {
        this.state = state;
        this.maxQuantity = state.settings.maxQuantity();
        this.maxPriceSpanTicks = state.settings.maxPriceSpanTicks();
    }

    /** The message of the last failed check; valid until the next check. */
    CharSequence message() {
        return message;
    }

    RejectCode checkPlace(long orderId, Side side, OrderType type, TimeInForce timeInForce, long price,
                          long quantity, long minQuantity, boolean postOnly, SelfTradePrevention stp) {
        if (side == null || type == null || timeInForce == null || stp == null) {
            return missingField(side == null ? "side" : type == null ? "type"
                : timeInForce == null ? "timeInForce" : "selfTradePrevention");
        }
        if (orderId <= 0) {
            return reject(RejectCode.BOOK_INVALID_ORDER_ID, "orderId=", orderId, " must be > 0");
        }
        TradingPhase phase = state.phase;
        if (!phase.acceptsOrders()) {
            return wrongPhase(phase, " does not accept new orders");
        }
        RejectCode code = checkCombination(type, timeInForce, postOnly);
        if (code != null) {
            return code;
        }
        code = type == OrderType.LIMIT ? checkLimitPrice(price) : checkProtectionPrice(price, phase);
        if (code != null) {
            return code;
        }
        code = checkQuantity(quantity);
        if (code != null) {
            return code;
        }
        // What may rest at a level: a GTC/GFD limit order; in the auction every order with a price (a market
        // order with a protection price rests at that price; one without rests in the any-price queue).
        if (phase == TradingPhase.PRE_OPEN ? price != OrderBookView.NULL_PRICE
            : type == OrderType.LIMIT && timeInForce.canRest()) {
            code = checkSpan(side, price);
            if (code != null) {
                return code;
            }
        }
        return minQuantity == 0 ? null : checkMinQuantity(minQuantity, quantity);
    }

    private RejectCode checkMinQuantity(long minQuantity, long quantity) {
        if (minQuantity < 0 || minQuantity > quantity || !state.lot.divides(minQuantity)) {
            startMessage().append("minQuantity=").append(minQuantity).append(" must be in 0..quantity=")
                .append(quantity).append(" and a multiple of lotSize=").append(state.lot.unit);
            return RejectCode.BOOK_INVALID_MIN_QUANTITY;
        }
        return null;
    }

    /** The duplicate-id reject (the check itself is the caller's index insertion). */
    RejectCode duplicate(long orderId) {
        return reject(RejectCode.BOOK_DUPLICATE_ORDER_ID, "orderId=", orderId, " is already resting in the book");
    }

    private RejectCode checkCombination(OrderType type, TimeInForce timeInForce, boolean postOnly) {
        boolean market = type == OrderType.MARKET;
        boolean canRest = timeInForce.canRest();
        if ((market && canRest) || (postOnly && (market || !canRest))) {
            return badCombination(type, timeInForce);
        }
        return null;
    }

    /** The reject for a combination {@link #checkCombination} found invalid. */
    private RejectCode badCombination(OrderType type, TimeInForce timeInForce) {
        if (type == OrderType.MARKET && timeInForce.canRest()) {
            startMessage().append("timeInForce=").append(timeInForce.name()).append(" must be IOC or FOK for MARKET");
        } else {
            startMessage().append("postOnly=true requires a LIMIT order with GTC or GFD, not ").append(type.name())
                .append(' ').append(timeInForce.name());
        }
        return RejectCode.BOOK_INVALID_ORDER_COMBINATION;
    }

    /** Checks a limit price: positive, on the tick, inside the band. */
    RejectCode checkLimitPrice(long price) {
        if (price <= 0) {
            return reject(RejectCode.BOOK_PRICE_NOT_POSITIVE, "price=", price, " must be > 0");
        }
        if (!state.tick.divides(price)) {
            return offTick(price);
        }
        if ((state.bandLow != OrderBookView.NULL_PRICE && price < state.bandLow)
            || (state.bandHigh != OrderBookView.NULL_PRICE && price > state.bandHigh)) {
            return outsideBand(price);
        }
        return null;
    }

    /**
     * Checks a market order's protection price: 0 (none), or positive and on the tick; in the auction, where the
     * order rests at that price, also inside the band (an auction price outside the band could otherwise win on
     * imbalance).
     */
    private RejectCode checkProtectionPrice(long price, TradingPhase phase) {
        if (price == OrderBookView.NULL_PRICE) {
            return null;
        }
        if (price < 0) {
            return reject(RejectCode.BOOK_PRICE_NOT_POSITIVE, "price=", price, " must be >= 0 (0 for no protection)");
        }
        if (!state.tick.divides(price)) {
            return offTick(price);
        }
        return phase == TradingPhase.PRE_OPEN && outside(price) ? outsideBand(price) : null;
    }

    private boolean outside(long price) {
        return (state.bandLow != OrderBookView.NULL_PRICE && price < state.bandLow)
            || (state.bandHigh != OrderBookView.NULL_PRICE && price > state.bandHigh);
    }

    /** Checks that resting at {@code price} keeps the side's price span under the maximum. */
    RejectCode checkSpan(Side side, long price) {
        int max = maxPriceSpanTicks;
        if (!state.side(side).fitsSpan(price, max)) {
            return spanExceeded(side, price, max);
        }
        return null;
    }

    /** Checks a quantity: positive, on the lot, at most the maximum. */
    RejectCode checkQuantity(long quantity) {
        if (quantity <= 0) {
            return reject(RejectCode.BOOK_QUANTITY_NOT_POSITIVE, "quantity=", quantity, " must be > 0");
        }
        if (!state.lot.divides(quantity)) {
            return reject(RejectCode.BOOK_QUANTITY_OFF_LOT, "quantity=", quantity, " must be a multiple of lotSize=",
                state.lot.unit);
        }
        long max = maxQuantity;
        if (quantity > max) {
            return reject(RejectCode.BOOK_QUANTITY_ABOVE_MAX, "quantity=", quantity, " must be <= maxQuantity=", max);
        }
        return null;
    }

    /** Checks that a cancel or amend names a resting order ({@code order}, NIL if none) of this owner. */
    RejectCode checkExisting(int order, long orderId, long ownerId) {
        if (order == OrderStore.NIL) {
            return reject(RejectCode.BOOK_UNKNOWN_ORDER_ID, "orderId=", orderId, " is not resting in the book");
        }
        if (state.orders.ownerId(order) != ownerId) {
            return reject(RejectCode.BOOK_WRONG_OWNER, "ownerId=", ownerId, " does not own orderId=", orderId);
        }
        return null;
    }

    /** Checks an amend of {@code order} (resting, of {@code side}) to a new price and quantity. */
    RejectCode checkAmend(int order, Side side, long newPrice, long newQuantity) {
        TradingPhase phase = state.phase;
        if (!phase.acceptsOrders()) {
            return wrongPhase(phase, " does not accept amends");
        }
        if (phase == TradingPhase.PRE_OPEN) {
            return checkAuctionAmend(order, side, newPrice, newQuantity);
        }
        RejectCode code = checkLimitPrice(newPrice);
        if (code == null) {
            code = checkQuantity(newQuantity);
        }
        return code != null ? code : checkSpan(side, newPrice);
    }

    /**
     * Checks an amend in the call auction, the only phase that accepts amends while market orders and minimum
     * quantities can rest (they are gone in continuous trading): a market order may only reduce its quantity (its
     * price, 0 or the protection price, stays); any order must keep at least its minimum quantity.
     */
    private RejectCode checkAuctionAmend(int order, Side side, long newPrice, long newQuantity) {
        OrderStore orders = state.orders;
        RejectCode code;
        if (orders.type(order) == OrderType.MARKET) {
            code = checkQuantity(newQuantity);
            if (code == null && (newPrice != orders.price(order) || newQuantity > orders.remaining(order))) {
                startMessage().append("newPrice=").append(newPrice).append(" newQuantity=").append(newQuantity)
                    .append(": a resting MARKET order may only reduce its quantity (price=")
                    .append(orders.price(order)).append(", remaining=").append(orders.remaining(order)).append(')');
                code = RejectCode.BOOK_MARKET_AMEND_NOT_ALLOWED;
            }
        } else {
            code = checkLimitPrice(newPrice);
            if (code == null) {
                code = checkQuantity(newQuantity);
            }
            if (code == null) {
                code = checkSpan(side, newPrice);
            }
        }
        long minimum = state.minimums.of(order);
        if (code == null && newQuantity < minimum) {
            code = reject(RejectCode.BOOK_INVALID_MIN_QUANTITY, "newQuantity=", newQuantity,
                " must be >= the order's minQuantity=", minimum);
        }
        return code;
    }

    // The message builders below are out of line, so the checks above stay small enough to be inlined into the
    // commands: rejects are rare, their string building is not.

    private RejectCode reject(RejectCode code, String field, long value, String rule) {
        startMessage().append(field).append(value).append(rule);
        return code;
    }

    private RejectCode reject(RejectCode code, String field, long value, String rule, long limit) {
        startMessage().append(field).append(value).append(rule).append(limit);
        return code;
    }

    private RejectCode missingField(String field) {
        startMessage().append(field).append("=null must not be null");
        return RejectCode.BOOK_MISSING_FIELD;
    }

    private RejectCode wrongPhase(TradingPhase phase, String rule) {
        startMessage().append("phase=").append(phase.name()).append(rule);
        return RejectCode.BOOK_WRONG_PHASE;
    }

    private RejectCode offTick(long price) {
        return reject(RejectCode.BOOK_PRICE_OFF_TICK, "price=", price, " must be a multiple of tickSize=",
            state.tick.unit);
    }

    private RejectCode outsideBand(long price) {
        startMessage().append("price=").append(price).append(" must be inside the price band ")
            .append(state.bandLow).append("..").append(state.bandHigh);
        return RejectCode.BOOK_PRICE_OUTSIDE_BAND;
    }

    private RejectCode spanExceeded(Side side, long price, int max) {
        startMessage().append("price=").append(price).append(" would make the ").append(side.name())
            .append(" side span maxPriceSpanTicks=").append(max).append(" ticks or more");
        return RejectCode.BOOK_PRICE_SPAN_EXCEEDED;
    }

    /** Writes a message for a reject decided by the caller. */
    StringBuilder startMessage() {
        message.setLength(0);
        return message;
    }
}
