package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import java.util.List;

/** The oracle's field rules (price, quantity, span), each written out plainly. */
final class ReferenceRules {
    private final OrderBookSettings settings;

    ReferenceRules(OrderBookSettings settings) {
        this.settings = settings;
    }

    RejectCode limitPriceError(long price, long bandLow, long bandHigh) {
        if (price <= 0) {
            return RejectCode.BOOK_PRICE_NOT_POSITIVE;
        }
        if (price % settings.tickSize() != 0) {
            return RejectCode.BOOK_PRICE_OFF_TICK;
        }
        if ((bandLow != 0 && price < bandLow) || (bandHigh != 0 && price > bandHigh)) {
            return RejectCode.BOOK_PRICE_OUTSIDE_BAND;
        }
        return null;
    }

    RejectCode quantityError(long qty) {
        if (qty <= 0) {
            return RejectCode.BOOK_QUANTITY_NOT_POSITIVE;
        }
        if (qty % settings.lotSize() != 0) {
            return RejectCode.BOOK_QUANTITY_OFF_LOT;
        }
        return qty > settings.maxQuantity() ? RejectCode.BOOK_QUANTITY_ABOVE_MAX : null;
    }

    /**
     * The side's resting ticks plus the new one must span fewer than the maximum (in ticks); auction market
     * orders without a price (price 0) have no tick and do not count.
     */
    RejectCode spanError(List<ReferenceOrder> resting, Side side, long price) {
        long low = price / settings.tickSize();
        long high = low;
        for (ReferenceOrder o : resting) {
            if (o.side == side && o.price != 0) {
                low = Math.min(low, o.price / settings.tickSize());
                high = Math.max(high, o.price / settings.tickSize());
            }
        }
        return high - low < settings.maxPriceSpanTicks() ? null : RejectCode.BOOK_PRICE_SPAN_EXCEEDED;
    }
}
