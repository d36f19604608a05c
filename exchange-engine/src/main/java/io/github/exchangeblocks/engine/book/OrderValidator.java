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

    OrderValidator(BookState state) {
        this.state = state;
    }

    /** The message of the last failed check; valid until the next check. */
    CharSequence message() {
        return message;
    }

    RejectCode checkPlace(long orderId, Side side, OrderType type, TimeInForce timeInForce, long price,
                          long quantity, long minQuantity, boolean postOnly, SelfTradePrevention stp) {
        if (side == null || type == null || timeInForce == null || stp == null) {
            startMessage().append(side == null ? "side" : type == null ? "type"
                : timeInForce == null ? "timeInForce"
                : "selfTradePrevention").append("=null must not be null");
            return RejectCode.BOOK_MISSING_FIELD;
        }
        if (orderId <= 0) {
            startMessage().append("orderId=").append(orderId).append(" must be > 0");
            return RejectCode.BOOK_INVALID_ORDER_ID;
        }
        TradingPhase phase = state.phase;
        if (!phase.acceptsOrders()) {
            startMessage().append("phase=").append(phase.name()).append(" does not accept new orders");
            return RejectCode.BOOK_WRONG_PHASE;
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
        if (minQuantity != 0) {
            if (phase == TradingPhase.PRE_OPEN) {
                startMessage().append("minQuantity=").append(minQuantity)
                    .append(" must be 0 in phase PRE_OPEN");
                return RejectCode.BOOK_WRONG_PHASE;
            }
            if (minQuantity < 0 || minQuantity > quantity || !state.lot.divides(minQuantity)) {
                startMessage().append("minQuantity=").append(minQuantity).append(" must be in 0..quantity=")
                    .append(quantity).append(" and a multiple of lotSize=").append(state.settings.lotSize());
                return RejectCode.BOOK_INVALID_MIN_QUANTITY;
            }
        }
        return null;
    }

    /** The duplicate-id reject (the check itself is the caller's index insertion). */
    RejectCode duplicate(long orderId) {
        startMessage().append("orderId=").append(orderId).append(" is already resting in the book");
        return RejectCode.BOOK_DUPLICATE_ORDER_ID;
    }

    private RejectCode checkCombination(OrderType type, TimeInForce timeInForce, boolean postOnly,
                                        TradingPhase phase) {
        if (type == OrderType.MARKET && timeInForce.canRest()) {
            startMessage().append("timeInForce=").append(timeInForce.name())
                .append(" must be IOC or FOK for MARKET");
            return RejectCode.BOOK_INVALID_ORDER_COMBINATION;
        }
        if (postOnly && (type == OrderType.MARKET || !timeInForce.canRest())) {
            startMessage().append("postOnly=true requires a LIMIT order with GTC or GFD, not ").append(type.name())
                .append(' ').append(timeInForce.name());
            return RejectCode.BOOK_INVALID_ORDER_COMBINATION;
        }
        if (phase == TradingPhase.PRE_OPEN && (type == OrderType.MARKET || timeInForce == TimeInForce.FOK)) {
            startMessage().append(type == OrderType.MARKET ? "type=MARKET" : "timeInForce=FOK")
                .append(" is not accepted in phase PRE_OPEN");
            return RejectCode.BOOK_WRONG_PHASE;
        }
        return null;
    }

    /** Checks a limit price: positive, on the tick, inside the band. */
    RejectCode checkLimitPrice(long price) {
        if (price <= 0) {
            startMessage().append("price=").append(price).append(" must be > 0");
            return RejectCode.BOOK_PRICE_NOT_POSITIVE;
        }
        if (!state.tick.divides(price)) {
            startMessage().append("price=").append(price).append(" must be a multiple of tickSize=")
                .append(state.tick.unit);
            return RejectCode.BOOK_PRICE_OFF_TICK;
        }
        if ((state.bandLow != OrderBookView.NULL_PRICE && price < state.bandLow)
            || (state.bandHigh != OrderBookView.NULL_PRICE && price > state.bandHigh)) {
            startMessage().append("price=").append(price).append(" must be inside the price band ")
                .append(state.bandLow).append("..").append(state.bandHigh);
            return RejectCode.BOOK_PRICE_OUTSIDE_BAND;
        }
        return null;
    }

    private RejectCode checkProtectionPrice(long price) {
        if (price == OrderBookView.NULL_PRICE) {
            return null;
        }
        if (price < 0) {
            startMessage().append("price=").append(price).append(" must be >= 0 (0 for no protection)");
            return RejectCode.BOOK_PRICE_NOT_POSITIVE;
        }
        if (!state.tick.divides(price)) {
            startMessage().append("price=").append(price).append(" must be a multiple of tickSize=")
                .append(state.tick.unit);
            return RejectCode.BOOK_PRICE_OFF_TICK;
        }
        return null;
    }

    /** Checks that resting at {@code price} keeps the side's price span under the maximum. */
    RejectCode checkSpan(Side side, long price) {
        int max = state.settings.maxPriceSpanTicks();
        if (!state.side(side).fitsSpan(price, max)) {
            startMessage().append("price=").append(price).append(" would make the ").append(side.name())
                .append(" side span maxPriceSpanTicks=").append(max).append(" ticks or more");
            return RejectCode.BOOK_PRICE_SPAN_EXCEEDED;
        }
        return null;
    }

    /** Checks a quantity: positive, on the lot, at most the maximum. */
    RejectCode checkQuantity(long quantity) {
        if (quantity <= 0) {
            startMessage().append("quantity=").append(quantity).append(" must be > 0");
            return RejectCode.BOOK_QUANTITY_NOT_POSITIVE;
        }
        if (!state.lot.divides(quantity)) {
            startMessage().append("quantity=").append(quantity).append(" must be a multiple of lotSize=")
                .append(state.lot.unit);
            return RejectCode.BOOK_QUANTITY_OFF_LOT;
        }
        long max = state.settings.maxQuantity();
        if (quantity > max) {
            startMessage().append("quantity=").append(quantity).append(" must be <= maxQuantity=").append(max);
            return RejectCode.BOOK_QUANTITY_ABOVE_MAX;
        }
        return null;
    }

    /** Checks that a cancel or amend names a resting order ({@code order}, NIL if none) of this owner. */
    RejectCode checkExisting(int order, long orderId, long ownerId) {
        if (order == OrderStore.NIL) {
            startMessage().append("orderId=").append(orderId).append(" is not resting in the book");
            return RejectCode.BOOK_UNKNOWN_ORDER_ID;
        }
        if (state.orders.ownerId(order) != ownerId) {
            startMessage().append("ownerId=").append(ownerId).append(" does not own orderId=").append(orderId);
            return RejectCode.BOOK_WRONG_OWNER;
        }
        return null;
    }

    RejectCode checkAmend(Side side, long newPrice, long newQuantity) {
        TradingPhase phase = state.phase;
        if (!phase.acceptsOrders()) {
            startMessage().append("phase=").append(phase.name()).append(" does not accept amends");
            return RejectCode.BOOK_WRONG_PHASE;
        }
        RejectCode code = checkLimitPrice(newPrice);
        if (code == null) {
            code = checkQuantity(newQuantity);
        }
        return code != null ? code : checkSpan(side, newPrice);
    }

    /** Writes a message for a reject decided by the caller. */
    StringBuilder startMessage() {
        message.setLength(0);
        return message;
    }
}
