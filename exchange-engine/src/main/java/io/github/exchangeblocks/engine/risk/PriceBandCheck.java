package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.instrument.Decimals;
import io.github.exchangeblocks.engine.instrument.Instrument;

/** Refuses LIMIT orders priced outside today's band (limit down..limit up). MARKET orders pass. Stateless. */
public final class PriceBandCheck implements PreTradeCheck {
    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        if (order.type() == OrderType.MARKET || order.instrument().insideBand(order.priceTicks())) {
            return null;
        }
        Instrument instrument = order.instrument();
        message.append("priceTicks=").append(order.priceTicks()).append(" (");
        Decimals.appendPrice(message, order.priceTicks(), instrument).append(") must be in ")
                .append(instrument.lowerLimitTicks()).append("..").append(instrument.upperLimitTicks()).append(" (");
        Decimals.appendPrice(message, instrument.lowerLimitTicks(), instrument).append("..");
        Decimals.appendPrice(message, instrument.upperLimitTicks(), instrument).append(')');
        return RejectCode.PRICE_OUTSIDE_BAND;
    }
}
