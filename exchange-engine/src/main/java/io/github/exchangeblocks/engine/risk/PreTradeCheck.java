package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.RejectCode;

/**
 * One pre-trade rule. Implementations are small, side-effect free and allocation-free when the order passes.
 */
@FunctionalInterface
public interface PreTradeCheck {
    /**
     * Checks an order.
     *
     * @param order   the order and what it would freeze; read only
     * @param message receives the reason (naming the numbers) when the order is refused; untouched otherwise
     * @return {@code null} if the order passes, otherwise the reject code
     */
    RejectCode check(OrderCheck order, StringBuilder message);
}
