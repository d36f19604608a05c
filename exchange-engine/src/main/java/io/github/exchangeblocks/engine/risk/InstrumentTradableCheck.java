package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;

/** Refuses orders unless the instrument's status is {@link InstrumentStatus#TRADING}. Stateless. */
public final class InstrumentTradableCheck implements PreTradeCheck {
    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        InstrumentStatus status = order.instrument().status();
        if (status == InstrumentStatus.TRADING) {
            return null;
        }
        message.append(order.instrument().instrumentId()).append(" status=").append(status)
                .append(" must be TRADING");
        return RejectCode.INSTRUMENT_NOT_TRADABLE;
    }
}
