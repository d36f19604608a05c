package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;

/** Refuses LIMIT orders priced outside today's band (limit down..limit up). MARKET orders pass. Stateless. */
public final class PriceBandCheck implements PreTradeCheck {
    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        if (order.type() == OrderType.MARKET || order.instrument().insideBand(order.priceTicks())) {
            return null;
        }
        message.append("priceTicks=").append(order.priceTicks()).append(" must be in ")
                .append(order.instrument().lowerLimitTicks()).append("..").append(order.instrument().upperLimitTicks());
        return RejectCode.PRICE_OUTSIDE_BAND;
    }
}
