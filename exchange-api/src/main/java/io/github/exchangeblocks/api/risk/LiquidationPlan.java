package io.github.exchangeblocks.api.risk;

import java.util.List;

/**
 * The outcome of planning a liquidation for one account: the open orders to cancel first (ascending ids), the
 * closing orders in execution order, and the account figures once all are filled at their planned prices.
 *
 * @param accountId             the account
 * @param riskRatioBeforeE8     risk ratio before, over {@code 10^8}
 * @param ordersToCancel        open order ids to cancel first, ascending; unmodifiable
 * @param orders                closing orders in deterministic execution order; unmodifiable
 * @param balanceAfter          balance after cancels and fills, minor units
 * @param marginAfter           margin after cancels and fills, minor units
 * @param riskRatioAfterE8      risk ratio after, over {@code 10^8}
 * @param targetReached         whether the ratio after is at or below the policy's target
 */
public record LiquidationPlan(
        int accountId,
        long riskRatioBeforeE8,
        List<Long> ordersToCancel,
        List<LiquidationOrder> orders,
        long balanceAfter,
        long marginAfter,
        long riskRatioAfterE8,
        boolean targetReached) {

    /**
     * Creates a plan, copying the lists.
     *
     * @param accountId         the account
     * @param riskRatioBeforeE8 risk ratio before
     * @param ordersToCancel    order ids to cancel
     * @param orders            closing orders
     * @param balanceAfter      balance after
     * @param marginAfter       margin after
     * @param riskRatioAfterE8  risk ratio after
     * @param targetReached     whether the target is reached
     */
    public LiquidationPlan {
        ordersToCancel = List.copyOf(ordersToCancel);
        orders = List.copyOf(orders);
    }
}
