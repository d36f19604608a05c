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
        RejectCode code = checkCombination(type, timeInForce, postOnly, phase);
        if (code != null) {
            return code;
        }
        code = type == OrderType.LIMIT ? checkLimitPrice(price) : checkProtectionPrice(price);
        if (code != null) {
            return code;
        }
        code = checkQuantity(quantity);
        if (code != null) {
            return code;
        }
        if (type == OrderType.LIMIT && (timeInForce.canRest() || phase == TradingPhase.PRE_OPEN)) {
            code = checkSpan(side, price);
            if (code != null) {
                return code;
            }
        }
        return minQuantity == 0 ? null : checkMinQuantity(minQuantity, quantity, phase);
    }

    private RejectCode checkMinQuantity(long minQuantity, long quantity, TradingPhase phase) {
        if (phase == TradingPhase.PRE_OPEN) {
            return reject(RejectCode.BOOK_WRONG_PHASE, "minQuantity=", minQuantity, " must be 0 in phase PRE_OPEN");
        }
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

    private RejectCode checkCombination(OrderType type, TimeInForce timeInForce, boolean postOnly,
                                        TradingPhase phase) {
        boolean market = type == OrderType.MARKET;
        boolean canRest = timeInForce.canRest();
        if ((market && canRest) || (postOnly && (market || !canRest))
            || (phase == TradingPhase.PRE_OPEN && market)) {
            return badCombination(type, timeInForce, postOnly);
        }
        return null;
    }

    /** The reject for a combination {@link #checkCombination} found invalid. */
    private RejectCode badCombination(OrderType type, TimeInForce timeInForce, boolean postOnly) {
        if (type == OrderType.MARKET && timeInForce.canRest()) {
            startMessage().append("timeInForce=").append(timeInForce.name()).append(" must be IOC or FOK for MARKET");
            return RejectCode.BOOK_INVALID_ORDER_COMBINATION;
        }
        if (postOnly && (type == OrderType.MARKET || !timeInForce.canRest())) {
            startMessage().append("postOnly=true requires a LIMIT order with GTC or GFD, not ").append(type.name())
                .append(' ').append(timeInForce.name());
            return RejectCode.BOOK_INVALID_ORDER_COMBINATION;
        }
        // What is left: MARKET in the call auction (it has no price to rest at, and a snapshot record needs one).
        startMessage().append("type=MARKET is not accepted in phase PRE_OPEN");
        return RejectCode.BOOK_WRONG_PHASE;
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

    private RejectCode checkProtectionPrice(long price) {
        if (price == OrderBookView.NULL_PRICE) {
            return null;
        }
        if (price < 0) {
            return reject(RejectCode.BOOK_PRICE_NOT_POSITIVE, "price=", price, " must be >= 0 (0 for no protection)");
        }
        return state.tick.divides(price) ? null : offTick(price);
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

    RejectCode checkAmend(Side side, long newPrice, long newQuantity) {
        TradingPhase phase = state.phase;
        if (!phase.acceptsOrders()) {
            return wrongPhase(phase, " does not accept amends");
        }
        RejectCode code = checkLimitPrice(newPrice);
        if (code == null) {
            code = checkQuantity(newQuantity);
        }
        return code != null ? code : checkSpan(side, newPrice);
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
