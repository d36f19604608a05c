package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;

/** A pooled, mutable record of an accepted order's remaining freeze. Package-private to the account book. */
final class OpenOrder {
    long orderId;
    Position position;
    Side side;
    Offset offset;
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

    void clear() {
        position = null;
        side = null;
        offset = null;
    }
}
