package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.FillView;

/** The account book's one reusable {@link FillView}: overwritten by every booked fill. Package-private. */
final class FillResult implements FillView {
    long orderId;
    int accountId;
    int instrumentIndex;
    Side side;
    Offset offset;
    long priceTicks;
    long volume;
    long commission;
    long marginBooked;
    long marginReleased;
    long frozenMarginReleased;
    long frozenCommissionReleased;
    long closeProfit;
    long closedToday;
    long closedHis;
    long remaining;
    long longAfter;
    long shortAfter;
    long longTodayAfter;
    long shortTodayAfter;

    void start(OpenOrder order, long fillPriceTicks, long fillVolume) {
        orderId = order.orderId;
        accountId = order.position.account.accountId();
        instrumentIndex = order.position.instrument.index();
        side = order.side;
        offset = order.offset;
        priceTicks = fillPriceTicks;
        volume = fillVolume;
        commission = 0;
        marginBooked = 0;
        marginReleased = 0;
        closeProfit = 0;
        closedToday = 0;
        closedHis = 0;
    }

    void finish(Position position, long remainingAfter) {
        remaining = remainingAfter;
        longAfter = position.longVolume;
        shortAfter = position.shortVolume;
        longTodayAfter = position.volume[Position.LONG_TODAY];
        shortTodayAfter = position.volume[Position.SHORT_TODAY];
    }

    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public int accountId() {
        return accountId;
    }

    @Override
    public int instrumentIndex() {
        return instrumentIndex;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Offset offset() {
        return offset;
    }

    @Override
    public long priceTicks() {
        return priceTicks;
    }

    @Override
    public long volume() {
        return volume;
    }

    @Override
    public long commission() {
        return commission;
    }

    @Override
    public long marginBooked() {
        return marginBooked;
    }

    @Override
    public long marginReleased() {
        return marginReleased;
    }

    @Override
    public long frozenMarginReleased() {
        return frozenMarginReleased;
    }

    @Override
    public long frozenCommissionReleased() {
        return frozenCommissionReleased;
    }

    @Override
    public long closeProfit() {
        return closeProfit;
    }

    @Override
    public long closedTodayVolume() {
        return closedToday;
    }

    @Override
    public long closedHisVolume() {
        return closedHis;
    }

    @Override
    public long remainingVolume() {
        return remaining;
    }

    @Override
    public long positionLongAfter() {
        return longAfter;
    }

    @Override
    public long positionShortAfter() {
        return shortAfter;
    }

    @Override
    public long positionLongTodayAfter() {
        return longTodayAfter;
    }

    @Override
    public long positionShortTodayAfter() {
        return shortTodayAfter;
    }
}
