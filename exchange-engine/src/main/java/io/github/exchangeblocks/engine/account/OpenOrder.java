package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.OpenOrderView;

/**
 * A pooled, mutable record of an accepted order's remaining freeze. Package-private to the account book; readable
 * through {@link OpenOrderView} while the order is open.
 */
final class OpenOrder implements OpenOrderView {
    long orderId;
    Position position;
    Side side;
    Offset offset;
    OrderType type;
    long limitPriceTicks;
    long freezePriceTicks;
    long remaining;
    long frozenMargin;
    long frozenCommission;
    long frozenToday;
    long frozenHis;

    /** The bucket a closing order takes volume from: the opposite side of the order's. */
    int closeBucketToday() {
        return side == Side.BUY ? Position.SHORT_TODAY : Position.LONG_TODAY;
    }

    boolean opens() {
        return offset == Offset.OPEN;
    }

    /**
     * Adds ({@code sign = 1}) or removes ({@code sign = -1}) this order's freeze to or from its account and
     * position: frozen margin and commission, pending open lots or frozen position lots.
     */
    void hold(int sign) {
        Account account = position.account;
        account.frozenMargin += sign * frozenMargin;
        account.frozenCommission += sign * frozenCommission;
        if (opens()) {
            position.pendingOpen[side == Side.BUY ? 0 : 1] += sign * remaining;
        } else {
            int bucketToday = closeBucketToday();
            position.frozen[bucketToday] += sign * frozenToday;
            position.frozen[bucketToday + 1] += sign * frozenHis;
        }
    }

    /**
     * Recomputes the money freeze for the current remaining volume and lots at the freeze price (the order must
     * not be held while this runs).
     */
    void refreeze(AccountConventions conventions) {
        if (opens()) {
            frozenMargin = conventions.margin(position.instrument, side == Side.BUY, freezePriceTicks, remaining);
            frozenCommission = conventions.openCommission(position.instrument, freezePriceTicks, remaining);
        } else {
            frozenMargin = 0;
            frozenCommission = conventions.closeFreeze(position.instrument, freezePriceTicks, frozenToday, frozenHis);
        }
    }

    void clear() {
        position = null;
        side = null;
        offset = null;
        type = null;
    }

    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public int accountId() {
        return position.account.accountId();
    }

    @Override
    public int instrumentIndex() {
        return position.instrument.index();
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
    public OrderType type() {
        return type;
    }

    @Override
    public long limitPriceTicks() {
        return limitPriceTicks;
    }

    @Override
    public long freezePriceTicks() {
        return freezePriceTicks;
    }

    @Override
    public long remainingVolume() {
        return remaining;
    }

    @Override
    public long frozenMargin() {
        return frozenMargin;
    }

    @Override
    public long frozenCommission() {
        return frozenCommission;
    }

    @Override
    public long frozenTodayVolume() {
        return frozenToday;
    }

    @Override
    public long frozenHisVolume() {
        return frozenHis;
    }
}
