package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.RejectCode;

/**
 * Refuses orders whose frozen margin plus frozen commission exceed the account's available funds (priced at the
 * limit price, or the protection price of a MARKET order). Stateless.
 */
public final class FundsCheck implements PreTradeCheck {
    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        long needed = order.marginToFreeze() + order.commissionToFreeze();
        long available = order.account().available();
        if (needed <= available) {
            return null;
        }
        message.append("margin=").append(order.marginToFreeze()).append(" + commission=")
                .append(order.commissionToFreeze()).append(" must be <= available=").append(available);
        return RejectCode.INSUFFICIENT_FUNDS;
    }
}
