package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.instrument.Instrument;

/**
 * The money effects of one fill on an open order: release of the filled part of the freeze (the freeze left always
 * equals that of the remaining volume at the order's price) and booking of margin, commission, position and close
 * profit at the fill price. Returns the commission charged. Stateless, allocation-free.
 */
final class FillBooking {
    private FillBooking() {
    }

    static long open(OpenOrder order, long priceTicks, long volume) {
        Position position = order.position;
        Account account = position.account;
        Instrument instrument = position.instrument;
        long remaining = order.remaining - volume;
        boolean longSide = order.side == Side.BUY;
        long newFrozenMargin = remaining == 0 ? 0 : instrument.margin(longSide, order.freezePriceTicks, remaining);
        long newFrozenCommission = remaining == 0
                ? 0 : instrument.commission(Instrument.COMMISSION_OPEN, order.freezePriceTicks, remaining);
        account.frozenMargin -= order.frozenMargin - newFrozenMargin;
        account.frozenCommission -= order.frozenCommission - newFrozenCommission;
        order.frozenMargin = newFrozenMargin;
        order.frozenCommission = newFrozenCommission;
        position.pendingOpen[longSide ? 0 : 1] -= volume;
        account.margin += position.open(longSide, priceTicks, volume);
        long fee = instrument.commission(Instrument.COMMISSION_OPEN, priceTicks, volume);
        account.commission += fee;
        return fee;
    }

    static long close(OpenOrder order, long priceTicks, long volume) {
        Position position = order.position;
        Account account = position.account;
        Instrument instrument = position.instrument;
        long today = CloseSplit.todayPart(instrument.closeRule(), order.offset, order.frozenToday, order.frozenHis,
                volume);
        long his = volume - today;
        int bucketToday = order.closeBucketToday();
        order.frozenToday -= today;
        order.frozenHis -= his;
        position.frozen[bucketToday] -= today;
        position.frozen[bucketToday + 1] -= his;
        long newFrozenCommission = closeCommission(instrument, order.freezePriceTicks, order.frozenToday,
                order.frozenHis);
        account.frozenCommission -= order.frozenCommission - newFrozenCommission;
        order.frozenCommission = newFrozenCommission;
        long released = 0;
        if (today > 0) {
            released += position.close(bucketToday, priceTicks, today);
        }
        if (his > 0) {
            released += position.close(bucketToday + 1, priceTicks, his);
        }
        account.margin -= released;
        long fee = closeCommission(instrument, priceTicks, today, his);
        account.commission += fee;
        return fee;
    }

    static long closeCommission(Instrument instrument, long priceTicks, long today, long his) {
        long fee = 0;
        if (today > 0) {
            fee += instrument.commission(Instrument.COMMISSION_CLOSE_TODAY, priceTicks, today);
        }
        if (his > 0) {
            fee += instrument.commission(Instrument.COMMISSION_CLOSE, priceTicks, his);
        }
        return fee;
    }
}
