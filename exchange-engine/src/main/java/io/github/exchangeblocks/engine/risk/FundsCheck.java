package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.RejectCode;

/**
 * Refuses OPEN orders whose frozen margin plus frozen commission exceed the account's available funds (priced at
 * the limit price, or the protection price of a MARKET order). Closing orders pass: they reduce risk, and an
 * account in deficit must still be able to close (their commission is frozen all the same). Stateless.
 */
public final class FundsCheck implements PreTradeCheck {
    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        if (order.offset() != Offset.OPEN) {
            return null;
        }
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
