package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.RejectCode;

/**
 * Refuses OPEN orders that could take one side of a position (held + pending opens + this order) above a limit.
 * Immutable.
 */
public final class MaxPositionCheck implements PreTradeCheck {
    private final long maxPosition;

    /**
     * Creates the check.
     *
     * @param maxPosition most lots per side per instrument, {@code > 0}
     */
    public MaxPositionCheck(long maxPosition) {
        if (maxPosition <= 0) {
            throw new IllegalArgumentException("maxPosition=" + maxPosition + " must be > 0");
        }
        this.maxPosition = maxPosition;
    }

    /** @return most lots per side per instrument */
    public long maxPosition() {
        return maxPosition;
    }

    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        if (order.offset() != Offset.OPEN) {
            return null;
        }
        long after = order.sideVolume() + order.sidePendingOpenVolume() + order.volume();
        if (after <= maxPosition) {
            return null;
        }
        message.append("position=").append(order.sideVolume()).append(" + pending=")
                .append(order.sidePendingOpenVolume()).append(" + volume=").append(order.volume())
                .append(" must be <= maxPosition=").append(maxPosition);
        return RejectCode.POSITION_LIMIT;
    }
}
