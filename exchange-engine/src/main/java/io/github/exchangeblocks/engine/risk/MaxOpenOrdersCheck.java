package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.RejectCode;

/** Refuses an order when the account already has the maximum number of open orders. Immutable. */
public final class MaxOpenOrdersCheck implements PreTradeCheck {
    private final int maxOpenOrders;

    /**
     * Creates the check.
     *
     * @param maxOpenOrders most open orders per account, {@code > 0}
     */
    public MaxOpenOrdersCheck(int maxOpenOrders) {
        if (maxOpenOrders <= 0) {
            throw new IllegalArgumentException("maxOpenOrders=" + maxOpenOrders + " must be > 0");
        }
        this.maxOpenOrders = maxOpenOrders;
    }

    /** @return most open orders per account */
    public int maxOpenOrders() {
        return maxOpenOrders;
    }

    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        if (order.openOrderCount() < maxOpenOrders) {
            return null;
        }
        message.append("openOrders=").append(order.openOrderCount()).append(" must be < maxOpenOrders=")
                .append(maxOpenOrders);
        return RejectCode.OPEN_ORDER_LIMIT;
    }
}
