package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.RejectCode;

/**
 * Refuses CLOSE/CLOSETODAY orders larger than the unfrozen position the instrument's close rule lets them take.
 * The account book enforces the same rule even when this check is left out of the chain. Stateless.
 */
public final class ClosablePositionCheck implements PreTradeCheck {
    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        if (order.offset() == Offset.OPEN || order.volume() <= order.closableVolume()) {
            return null;
        }
        message.append(order.offset()).append(" volume=").append(order.volume()).append(" must be <= closable=")
                .append(order.closableVolume()).append(" under ").append(order.instrument().closeRule());
        return RejectCode.INSUFFICIENT_POSITION;
    }
}
