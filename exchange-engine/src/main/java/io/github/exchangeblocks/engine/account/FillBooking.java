package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.instrument.Decimals;
import io.github.exchangeblocks.engine.instrument.Instrument;

/**
 * Fill booking for an {@link AccountBook}: validation (open order, volume within the remaining, price at or better
 * than the order's limit or market bound, notionals in range), then the money effects: the filled part of the freeze
 * is released (the freeze left always equals that of the remaining volume at the order's freeze price) and margin,
 * commission, position and close profit are booked at the fill price. The figures land in the book's reusable
 * {@link FillResult}. A refusal changes nothing. Allocation-free once the account holds the instrument.
 */
final class FillBooking {
    private final AccountBook book;
    private final FillResult result = new FillResult();

    FillBooking(AccountBook book) {
        this.book = book;
    }

    FillResult result() {
        return result;
    }

    boolean fill(long orderId, long priceTicks, long volume) {
        OpenOrder order = book.orders.get(orderId);
        boolean buy = order != null && order.side == Side.BUY;
        if (order == null || volume <= 0 || volume > order.remaining || priceTicks <= 0
                || priceTicks > AccountBook.MAX_PRICE_TICKS
                || (buy ? priceTicks > order.freezePriceTicks : priceTicks < order.freezePriceTicks)) {
            return refuse(orderId, order, priceTicks, volume);
        }
        Position position = order.position;
        Instrument instrument = position.instrument;
        int index = instrument.index();
        long sideAfter = order.opens() ? position.sideVolume(buy) + volume : 0;
        if (!fits(instrument, priceTicks, Math.max(sideAfter, volume))) {
            book.refuse(RejectCode.INVALID_FILL).append("fill priceTicks=").append(priceTicks).append(" x volume=")
                    .append(volume).append(" takes a notional out of range");
            return false;
        }
        book.index.noteSideVolume(index, sideAfter);
        if (book.index.markPriceTicks[index] == 0) {
            book.index.markPriceTicks[index] = priceTicks;
        }
        result.start(order, priceTicks, volume);
        long frozenMargin = order.frozenMargin;
        long frozenCommission = order.frozenCommission;
        order.remaining -= volume;
        long fee = order.opens() ? open(order, priceTicks, volume) : close(order, priceTicks, volume);
        order.refreeze(book.conventions);
        Account account = position.account;
        long marginReleased = frozenMargin - order.frozenMargin;
        long commissionReleased = frozenCommission - order.frozenCommission;
        account.frozenMargin -= marginReleased;
        account.frozenCommission -= commissionReleased;
        result.frozenMarginReleased = marginReleased;
        result.frozenCommissionReleased = commissionReleased;
        result.commission = fee;
        account.commission += fee;
        book.feesCollected += fee;
        position.mark(book.index.markPriceTicks[index]);
        result.remaining = order.remaining;
        if (order.remaining == 0) {
            book.removeOrder(order);
        }
        book.notify(position);
        return true;
    }

    /** Writes why a fill is refused (kept out of the booking path, which stays small enough to inline well). */
    private boolean refuse(long orderId, OpenOrder order, long priceTicks, long volume) {
        if (order == null) {
            book.refuse(RejectCode.UNKNOWN_ORDER).append("orderId=").append(orderId).append(" is not open");
        } else if (volume <= 0 || volume > order.remaining) {
            book.refuse(RejectCode.INVALID_FILL).append("fill volume=").append(volume).append(" must be in 1..")
                    .append(order.remaining).append(" (orderId=").append(orderId).append(" remaining)");
        } else if (priceTicks <= 0 || priceTicks > AccountBook.MAX_PRICE_TICKS) {
            book.refuse(RejectCode.INVALID_FILL).append("fill priceTicks=").append(priceTicks).append(" must be in 1..")
                    .append(AccountBook.MAX_PRICE_TICKS);
        } else {
            boolean buy = order.side == Side.BUY;
            Instrument instrument = order.position.instrument;
            StringBuilder m = book.refuse(RejectCode.FILL_PRICE_OUTSIDE_LIMIT).append("fill priceTicks=")
                    .append(priceTicks).append(" (");
            Decimals.appendPrice(m, priceTicks, instrument).append(") must be ").append(buy ? "<= " : ">= ")
                    .append(order.limitPriceTicks == 0 ? "band limit " : "limit ").append(order.freezePriceTicks)
                    .append(" (");
            Decimals.appendPrice(m, order.freezePriceTicks, instrument).append(") of ").append(order.side)
                    .append(" orderId=").append(orderId);
        }
        return false;
    }

    private boolean fits(Instrument instrument, long priceTicks, long volume) {
        try {
            instrument.notional(priceTicks, volume);
            long mark = book.index.markPrice(instrument.index());
            if (mark != 0) {
                instrument.notional(mark, volume);
            }
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** Books an opening fill; the order's pending lots shrink by the fill here, its money freeze in the caller. */
    private long open(OpenOrder order, long priceTicks, long volume) {
        Position position = order.position;
        boolean buy = order.side == Side.BUY;
        position.pendingOpen[buy ? 0 : 1] -= volume;
        long margin = position.open(buy, priceTicks, volume, book.conventions.marginRounding());
        position.account.margin += margin;
        result.marginBooked = margin;
        return book.conventions.openCommission(position.instrument, priceTicks, volume);
    }

    /** Books a closing fill; the order's and the position's frozen lots shrink by the lots closed here. */
    private long close(OpenOrder order, long priceTicks, long volume) {
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
        long profitBefore = account.closeProfit;
        long released = 0;
        if (today > 0) {
            released += position.close(bucketToday, priceTicks, today);
        }
        if (his > 0) {
            released += position.close(bucketToday + 1, priceTicks, his);
        }
        account.margin -= released;
        result.marginReleased = released;
        result.closeProfit = account.closeProfit - profitBefore;
        result.closedToday = today;
        result.closedHis = his;
        return book.conventions.closeCommission(instrument, priceTicks, today, his);
    }
}
