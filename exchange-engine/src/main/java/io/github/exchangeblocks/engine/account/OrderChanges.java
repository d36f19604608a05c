package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.instrument.Instrument;

/**
 * Changes to a live order in an {@link AccountBook}, mirroring what an order book does to it: amend (new price
 * and/or working volume, re-frozen), reduce (part of the volume cancelled, as decrement-and-cancel self-trade
 * prevention or a partial cancel reports it) and cancel. A refusal changes nothing. Allocation-free.
 */
final class OrderChanges {
    private final AccountBook book;
    private final OrderAcceptance acceptance;

    OrderChanges(AccountBook book, OrderAcceptance acceptance) {
        this.book = book;
        this.acceptance = acceptance;
    }

    /**
     * Amends to {@code newVolume} working lots at {@code newPriceTicks}. Same price and fewer lots is a
     * {@link #reduce}; anything else takes the order's freeze out, admits the order again as if new (structural
     * rules and the whole risk chain, against funds and closable lots without its own freeze) and freezes the
     * result, or puts the old freeze back untouched if refused.
     */
    boolean amend(long orderId, long newPriceTicks, long newVolume) {
        OpenOrder order = openOrder(orderId);
        if (order == null) {
            return false;
        }
        long lotSize = order.position.instrument.spec().lotSize();
        if (newPriceTicks == order.limitPriceTicks && newVolume > 0 && newVolume <= order.remaining
                && newVolume % lotSize == 0) {
            return newVolume == order.remaining || reduce(orderId, order.remaining - newVolume);
        }
        Position position = order.position;
        Instrument instrument = position.instrument;
        if (order.type == OrderType.MARKET && newPriceTicks != order.limitPriceTicks) {
            book.refuse(RejectCode.INVALID_ORDER).append("newPriceTicks=").append(newPriceTicks)
                    .append(" must equal the MARKET order's price ").append(order.limitPriceTicks);
            return false;
        }
        if (!acceptance.validOrder(instrument, order.side, order.offset, order.type, newPriceTicks, newVolume)) {
            return false;
        }
        Account account = position.account;
        order.hold(-1);
        account.openOrderCount--;
        boolean admitted = acceptance.admit(account, instrument, position, order.side, order.offset, order.type,
                newPriceTicks, newVolume);
        account.openOrderCount++;
        if (!admitted) {
            order.hold(1);
            return false;
        }
        order.limitPriceTicks = newPriceTicks;
        acceptance.apply(order, newVolume);
        book.notify(position);
        return true;
    }

    /**
     * Cancels {@code lots} of the remaining volume ({@code lots == remaining} cancels the order). A closing order
     * keeps the lots its fills would take first under the close rule and releases the others.
     */
    boolean reduce(long orderId, long lots) {
        OpenOrder order = openOrder(orderId);
        if (order == null) {
            return false;
        }
        if (lots <= 0 || lots > order.remaining) {
            book.refuse(RejectCode.INVALID_ORDER).append("reduce volume=").append(lots).append(" must be in 1..")
                    .append(order.remaining).append(" (orderId=").append(orderId).append(" remaining)");
            return false;
        }
        long lotSize = order.position.instrument.spec().lotSize();
        if (lots % lotSize != 0) {
            book.refuse(RejectCode.INVALID_ORDER).append("reduce volume=").append(lots)
                    .append(" must be a multiple of lotSize=").append(lotSize);
            return false;
        }
        if (lots == order.remaining) {
            return cancel(orderId);
        }
        order.hold(-1);
        order.remaining -= lots;
        if (order.offset != Offset.OPEN) {
            long keepToday = CloseSplit.todayPart(order.position.instrument.closeRule(), order.offset,
                    order.frozenToday, order.frozenHis, order.remaining);
            order.frozenToday = keepToday;
            order.frozenHis = order.remaining - keepToday;
        }
        order.refreeze(book.conventions);
        order.hold(1);
        book.notify(order.position);
        return true;
    }

    boolean cancel(long orderId) {
        OpenOrder order = openOrder(orderId);
        if (order == null) {
            return false;
        }
        Position position = order.position;
        order.hold(-1);
        book.removeOrder(order);
        book.notify(position);
        return true;
    }

    private OpenOrder openOrder(long orderId) {
        OpenOrder order = book.orders.get(orderId);
        if (order == null) {
            book.refuse(RejectCode.UNKNOWN_ORDER).append("orderId=").append(orderId).append(" is not open");
        }
        return order;
    }
}
