package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.Decimals;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.risk.OrderCheck;
import io.github.exchangeblocks.engine.risk.RiskChain;

/**
 * Order acceptance for an {@link AccountBook}: structural validation, computation of what the order would freeze
 * (margin and commission of an OPEN order at its freeze price; lots split between today and history, plus their
 * closing commission when the conventions freeze it, for CLOSE/CLOSETODAY), the risk chain, and only then the
 * freeze itself. A refusal changes nothing. Amendments reuse the same admission with the order's own freeze taken
 * out first. Reuses one {@link OrderCheck}: allocation-free when the order is accepted.
 *
 * <p>Freeze price: the limit price of a LIMIT order, the protection price of a MARKET order that has one, and for a
 * MARKET order without protection ({@code priceTicks = 0}) the band limit on its side, limit up for BUY and limit
 * down for SELL: the worst price it can trade at, as venues that turn market orders into limit orders at the band
 * limit do. Without a band (no previous settlement price or a zero limit rate) such an order is refused with
 * {@link RejectCode#MARKET_PRICE_UNBOUNDED}; the host passes a collar price (for example the opposite best plus a
 * few ticks) as protection instead.
 */
final class OrderAcceptance {
    private final AccountBook book;
    private final RiskChain riskChain;
    private final OrderCheck orderCheck = new OrderCheck();
    private final StringBuilder message = new StringBuilder(160);
    long marginToFreeze;
    long commissionToFreeze;
    long today;
    long his;
    long freezePrice;

    OrderAcceptance(AccountBook book, RiskChain riskChain) {
        this.book = book;
        this.riskChain = riskChain;
        orderCheck.moneyScale(book.registry.moneyScale());
    }

    boolean place(int accountId, long orderId, int instrumentIndex, Side side, Offset offset, OrderType type,
                  long priceTicks, long volume) {
        Account account = book.account(accountId);
        if (account == null) {
            book.refuse(RejectCode.UNKNOWN_ACCOUNT).append("accountId=").append(accountId).append(" is not open");
            return false;
        }
        if (!book.registry.contains(instrumentIndex)) {
            book.refuse(RejectCode.UNKNOWN_INSTRUMENT).append("instrumentIndex=").append(instrumentIndex)
                    .append(" is not listed");
            return false;
        }
        Instrument instrument = book.registry.get(instrumentIndex);
        if (!validId(orderId) || !validOrder(instrument, side, offset, type, priceTicks, volume)) {
            return false;
        }
        book.index.ensure(instrumentIndex);
        Position position = book.positionsByKey.get(AccountBook.key(accountId, instrumentIndex));
        if (!admit(account, instrument, position, side, offset, type, priceTicks, volume)) {
            return false;
        }
        if (position == null) {
            position = book.newPosition(account, instrument);
        }
        OpenOrder order = book.orderPool.isEmpty() ? new OpenOrder() : book.orderPool.pop();
        order.orderId = orderId;
        order.position = position;
        order.side = side;
        order.offset = offset;
        order.type = type;
        order.limitPriceTicks = priceTicks;
        book.orders.put(orderId, order);
        account.openOrderCount++;
        position.openOrders++;
        book.index.openOrders[instrumentIndex]++;
        apply(order, volume);
        book.notify(position);
        return true;
    }

    /** Sets the order's freeze to what the last successful {@link #admit} computed and holds it. */
    void apply(OpenOrder order, long volume) {
        order.freezePriceTicks = freezePrice;
        order.remaining = volume;
        order.frozenMargin = marginToFreeze;
        order.frozenCommission = commissionToFreeze;
        order.frozenToday = today;
        order.frozenHis = his;
        order.hold(1);
    }

    /**
     * Computes what an order would freeze against the position as it stands (an amended order's own freeze already
     * taken out) and runs the risk chain; leaves the figures in this object's fields. Changes nothing.
     */
    boolean admit(Account account, Instrument instrument, Position position, Side side, Offset offset,
                  OrderType type, long priceTicks, long volume) {
        boolean longSide = side == Side.BUY;
        freezePrice = priceTicks;
        if (priceTicks == 0) {
            if (instrument.upperLimitTicks() == Long.MAX_VALUE) {
                book.refuse(RejectCode.MARKET_PRICE_UNBOUNDED).append("priceTicks=0: a MARKET order without")
                        .append(" protection price needs a price band on ").append(instrument.instrumentId());
                return false;
            }
            freezePrice = longSide ? instrument.upperLimitTicks() : instrument.lowerLimitTicks();
        }
        if (!notionalFits(instrument, freezePrice, volume)) {
            return false;
        }
        AccountConventions conventions = book.conventions;
        marginToFreeze = 0;
        long closable = 0;
        long sideVolume = 0;
        long pending = 0;
        today = 0;
        his = 0;
        if (offset == Offset.OPEN) {
            marginToFreeze = conventions.margin(instrument, longSide, freezePrice, volume);
            commissionToFreeze = conventions.openCommission(instrument, freezePrice, volume);
            if (position != null) {
                sideVolume = position.sideVolume(longSide);
                pending = position.pendingOpen[longSide ? 0 : 1];
            }
        } else {
            int bucketToday = longSide ? Position.SHORT_TODAY : Position.LONG_TODAY;
            long closableToday = 0;
            long closableHis = 0;
            if (position != null) {
                closableToday = position.volume[bucketToday] - position.frozen[bucketToday];
                closableHis = position.volume[bucketToday + 1] - position.frozen[bucketToday + 1];
            }
            closable = CloseSplit.closable(instrument.closeRule(), offset, closableToday, closableHis);
            if (volume <= closable) {
                today = CloseSplit.todayPart(instrument.closeRule(), offset, closableToday, closableHis, volume);
                his = volume - today;
            }
            commissionToFreeze = conventions.closeFreeze(instrument, freezePrice, today, his);
        }
        message.setLength(0);
        orderCheck.set(account, instrument, side, offset, type, freezePrice, volume, marginToFreeze,
                commissionToFreeze, closable, sideVolume, pending, account.openOrderCount);
        RejectCode code = riskChain.check(orderCheck, message);
        if (code == null && offset != Offset.OPEN && volume > closable) {
            code = RejectCode.INSUFFICIENT_POSITION;
            message.append(offset).append(" volume=").append(volume).append(" must be <= closable=").append(closable)
                    .append(" under ").append(instrument.closeRule());
        }
        if (code != null) {
            book.refuse(code).append(message);
            return false;
        }
        return true;
    }

    boolean validId(long orderId) {
        if (orderId <= 0) {
            book.refuse(RejectCode.INVALID_ORDER).append("orderId=").append(orderId).append(" must be > 0");
            return false;
        }
        if (book.orders.containsKey(orderId)) {
            book.refuse(RejectCode.DUPLICATE_ORDER_ID).append("orderId=").append(orderId).append(" is already open");
            return false;
        }
        return true;
    }

    boolean validOrder(Instrument instrument, Side side, Offset offset, OrderType type, long priceTicks, long volume) {
        if (side == null || offset == null || type == null) {
            book.refuse(RejectCode.INVALID_ORDER).append("side=").append(side).append(" offset=").append(offset)
                    .append(" type=").append(type).append(" must not be null");
            return false;
        }
        long lotSize = instrument.spec().lotSize();
        if (volume <= 0 || volume % lotSize != 0 || volume > instrument.spec().maxOrderVolume()) {
            book.refuse(RejectCode.INVALID_ORDER).append("volume=").append(volume)
                    .append(" must be a positive multiple of lotSize=").append(lotSize)
                    .append(" and <= maxOrderVolume=").append(instrument.spec().maxOrderVolume());
            return false;
        }
        long lowest = type == OrderType.MARKET ? 0 : 1;
        if (priceTicks < lowest || priceTicks > AccountBook.MAX_PRICE_TICKS) {
            book.refuse(RejectCode.INVALID_ORDER).append("priceTicks=").append(priceTicks).append(" must be in ")
                    .append(lowest).append("..").append(AccountBook.MAX_PRICE_TICKS)
                    .append(type == OrderType.MARKET ? " (0 = MARKET without protection)" : " for a LIMIT order");
            return false;
        }
        if (instrument.status() == InstrumentStatus.DELISTED) {
            book.refuse(RejectCode.INSTRUMENT_NOT_TRADABLE).append(instrument.instrumentId()).append(" is delisted");
            return false;
        }
        return true;
    }

    private boolean notionalFits(Instrument instrument, long priceTicks, long volume) {
        try {
            instrument.notional(priceTicks, volume);
            return true;
        } catch (ArithmeticException overflow) {
            StringBuilder m = book.refuse(RejectCode.INVALID_ORDER).append("priceTicks=").append(priceTicks)
                    .append(" (");
            Decimals.appendPrice(m, priceTicks, instrument).append(") x volume=").append(volume)
                    .append(" notional overflows");
            return false;
        }
    }
}
