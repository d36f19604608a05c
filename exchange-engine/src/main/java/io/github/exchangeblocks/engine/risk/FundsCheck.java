package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.instrument.Decimals;

/**
 * Refuses OPEN orders whose frozen margin plus frozen commission exceed the account's available funds (priced at
 * the order's freeze price, see {@link OrderCheck#priceTicks()}); money in the message is decimal. Closing orders
 * pass: they reduce risk, and an account in deficit must still be able to close (their commission, when the venue
 * freezes it, is frozen all the same). Stateless.
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
        int scale = order.moneyScale();
        Decimals.append(message.append("margin="), order.marginToFreeze(), scale);
        Decimals.append(message.append(" + commission="), order.commissionToFreeze(), scale);
        Decimals.append(message.append(" must be <= available="), available, scale);
        return RejectCode.INSUFFICIENT_FUNDS;
    }
}
