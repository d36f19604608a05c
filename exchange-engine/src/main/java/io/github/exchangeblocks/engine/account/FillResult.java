package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.FillView;

/**
 * The account book's one reusable {@link FillView}: overwritten by every booked fill. The account, instrument and
 * position figures are read from the position the fill booked into, so they describe the state after the fill until
 * the book's next command. Package-private.
 */
final class FillResult implements FillView {
    long orderId;
    Position position;
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

    void start(OpenOrder order, long fillPriceTicks, long fillVolume) {
        orderId = order.orderId;
        position = order.position;
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


    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public int accountId() {
        return position == null ? -1 : position.account.accountId();
    }

    @Override
    public int instrumentIndex() {
        return position == null ? -1 : position.instrument.index();
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
        return position == null ? 0 : position.longVolume;
    }

    @Override
    public long positionShortAfter() {
        return position == null ? 0 : position.shortVolume;
    }

    @Override
    public long positionLongTodayAfter() {
        return position == null ? 0 : position.volume[Position.LONG_TODAY];
    }

    @Override
    public long positionShortTodayAfter() {
        return position == null ? 0 : position.volume[Position.SHORT_TODAY];
    }
}
