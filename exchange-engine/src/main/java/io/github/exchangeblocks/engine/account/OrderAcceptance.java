package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.risk.OrderCheck;
import io.github.exchangeblocks.engine.risk.RiskChain;

/**
 * Order acceptance for an {@link AccountBook}: structural validation, computation of what the order would freeze
 * (margin and commission of an OPEN order at its price; lots split between today and history plus their closing
 * commission for CLOSE/CLOSETODAY), the risk chain, and only then the freeze itself. A refusal changes nothing.
 * Reuses one {@link OrderCheck} and one message buffer: allocation-free when the order is accepted.
 */
final class OrderAcceptance {
    private final AccountBook book;
    private final RiskChain riskChain;
    private final OrderCheck orderCheck = new OrderCheck();
    private final StringBuilder message = new StringBuilder(128);

    OrderAcceptance(AccountBook book, RiskChain riskChain) {
        this.book = book;
        this.riskChain = riskChain;
    }

    boolean place(int accountId, long orderId, int instrumentIndex, Side side, Offset offset, OrderType type,
                  long priceTicks, long volume) {
        Account account = book.account(accountId);
        if (account == null) {
            return book.reject(RejectCode.UNKNOWN_ACCOUNT, "accountId=" + accountId + " is not open") >= 0;
        }
        if (!book.registry.contains(instrumentIndex)) {
            return book.reject(RejectCode.UNKNOWN_INSTRUMENT, "instrumentIndex=" + instrumentIndex + " is not listed") >= 0;
        }
        Instrument instrument = book.registry.get(instrumentIndex);
        if (!validOrder(orderId, instrument, side, offset, type, priceTicks, volume)) {
            return false;
        }
        book.index.ensure(instrumentIndex);
        Position position = book.positionsByKey.get(AccountBook.key(accountId, instrumentIndex));
        boolean open = offset == Offset.OPEN;
        boolean longSide = side == Side.BUY;
        int bucketToday = longSide ? Position.SHORT_TODAY : Position.LONG_TODAY;
        long marginToFreeze = 0;
        long commissionToFreeze;
        long closable = 0;
        long today = 0;
        long sideVolume = 0;
        long pending = 0;
        if (open) {
            marginToFreeze = instrument.margin(longSide, priceTicks, volume);
            commissionToFreeze = instrument.commission(Instrument.COMMISSION_OPEN, priceTicks, volume);
            if (position != null) {
                int ownToday = longSide ? Position.LONG_TODAY : Position.SHORT_TODAY;
                sideVolume = position.volume[ownToday] + position.volume[ownToday + 1];
                pending = position.pendingOpen[longSide ? 0 : 1];
            }
        } else {
            long closableToday = 0;
            long closableHis = 0;
            if (position != null) {
                closableToday = position.volume[bucketToday] - position.frozen[bucketToday];
                closableHis = position.volume[bucketToday + 1] - position.frozen[bucketToday + 1];
            }
            closable = CloseSplit.closable(instrument.closeRule(), offset, closableToday, closableHis);
            if (volume <= closable) {
                today = CloseSplit.todayPart(instrument.closeRule(), offset, closableToday, closableHis, volume);
            }
            commissionToFreeze = FillBooking.closeCommission(instrument, priceTicks, today, volume - today);
        }
        message.setLength(0);
        orderCheck.set(account, instrument, side, offset, type, priceTicks, volume, marginToFreeze,
                commissionToFreeze, closable, sideVolume, pending, account.openOrderCount);
        RejectCode code = riskChain.check(orderCheck, message);
        if (code == null && !open && volume > closable) {
            code = RejectCode.INSUFFICIENT_POSITION;
            message.append(offset).append(" volume=").append(volume).append(" must be <= closable=").append(closable);
        }
        if (code != null) {
            return book.reject(code, message.toString()) >= 0;
        }
        if (position == null) {
            position = book.newPosition(account, instrument);
        }
        OpenOrder order = book.orderPool.isEmpty() ? new OpenOrder() : book.orderPool.pop();
        order.orderId = orderId;
        order.position = position;
        order.side = side;
        order.offset = offset;
        order.freezePriceTicks = priceTicks;
        order.remaining = volume;
        order.frozenMargin = marginToFreeze;
        order.frozenCommission = commissionToFreeze;
        order.frozenToday = today;
        order.frozenHis = open ? 0 : volume - today;
        book.orders.put(orderId, order);
        account.frozenMargin += marginToFreeze;
        account.frozenCommission += commissionToFreeze;
        account.openOrderCount++;
        position.openOrders++;
        book.index.openOrders[instrumentIndex]++;
        if (open) {
            position.pendingOpen[longSide ? 0 : 1] += volume;
        } else {
            position.frozen[bucketToday] += order.frozenToday;
            position.frozen[bucketToday + 1] += order.frozenHis;
        }
        book.notify(position);
        return true;
    }

    private boolean validOrder(long orderId, Instrument instrument, Side side, Offset offset, OrderType type,
                               long priceTicks, long volume) {
        if (orderId <= 0) {
            return book.reject(RejectCode.INVALID_ORDER, "orderId=" + orderId + " must be > 0") >= 0;
        }
        if (book.orders.containsKey(orderId)) {
            return book.reject(RejectCode.DUPLICATE_ORDER_ID, "orderId=" + orderId + " is already open") >= 0;
        }
        if (side == null || offset == null || type == null) {
            return book.reject(RejectCode.INVALID_ORDER, "side=" + side + " offset=" + offset + " type=" + type
                    + " must not be null") >= 0;
        }
        long lotSize = instrument.spec().lotSize();
        if (volume <= 0 || volume % lotSize != 0 || volume > instrument.spec().maxOrderVolume()) {
            return book.reject(RejectCode.INVALID_ORDER, "volume=" + volume + " must be a positive multiple of lotSize="
                    + lotSize + " and <= maxOrderVolume=" + instrument.spec().maxOrderVolume()) >= 0;
        }
        if (priceTicks <= 0 || priceTicks > AccountBook.MAX_PRICE_TICKS) {
            return book.reject(RejectCode.INVALID_ORDER, "priceTicks=" + priceTicks + " must be in 1.."
                    + AccountBook.MAX_PRICE_TICKS) >= 0;
        }
        if (instrument.status() == InstrumentStatus.DELISTED) {
            return book.reject(RejectCode.INSTRUMENT_NOT_TRADABLE, instrument.instrumentId() + " is delisted") >= 0;
        }
        try {
            instrument.notional(priceTicks, volume);
        } catch (ArithmeticException overflow) {
            return book.reject(RejectCode.INVALID_ORDER, "priceTicks=" + priceTicks + " x volume=" + volume
                    + " notional overflows") >= 0;
        }
        return true;
    }
}
