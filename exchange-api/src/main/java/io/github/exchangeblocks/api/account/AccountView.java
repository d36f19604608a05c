package io.github.exchangeblocks.api.account;

/**
 * Read view of a futures account, in minor units of the account currency. Views are live: they reflect the owning
 * state machine and must be read on its thread (or after it is quiescent). Derived fields are computed from the
 * stored ones, so the identities in the package documentation hold exactly at all times.
 */
public interface AccountView {
    /**
     * The value of {@link #riskRatioE8()} when the account holds margin and its balance is zero or negative: the
     * ratio is unbounded (the account is past liquidation). A DIFF publisher sends it as a number, for example
     * {@code Long.MAX_VALUE / 10^8} or a venue-chosen cap, never as NaN or infinity.
     */
    long RISK_RATIO_UNBOUNDED = Long.MAX_VALUE;

    /**
     * Dense account id assigned at opening.
     *
     * @return the id, {@code >= 0}
     */
    int accountId();

    /**
     * The user name given at opening.
     *
     * @return never {@code null}
     */
    String userName();

    /**
     * QIFI {@code pre_balance}: the balance at the end of the last settlement.
     *
     * @return minor units
     */
    long preBalance();

    /**
     * QIFI {@code deposit}: money deposited since the last settlement.
     *
     * @return minor units, {@code >= 0}
     */
    long deposit();

    /**
     * QIFI {@code withdraw}: money withdrawn since the last settlement.
     *
     * @return minor units, {@code >= 0}
     */
    long withdraw();

    /**
     * QIFI {@code close_profit}: profit realised by closing fills since the last settlement.
     *
     * @return minor units, may be negative
     */
    long closeProfit();

    /**
     * QIFI {@code commission}: commission charged since the last settlement.
     *
     * @return minor units, {@code >= 0}
     */
    long commission();

    /**
     * QIFI {@code position_profit}: open positions marked against their position cost (settlement price for history).
     *
     * @return minor units, may be negative
     */
    long positionProfit();

    /**
     * QIFI {@code float_profit}: open positions marked against their open cost.
     *
     * @return minor units, may be negative
     */
    long floatProfit();

    /**
     * QIFI {@code margin}: margin held by open positions.
     *
     * @return minor units, {@code >= 0}
     */
    long margin();

    /**
     * QIFI {@code frozen_margin}: margin frozen by open orders.
     *
     * @return minor units, {@code >= 0}
     */
    long frozenMargin();

    /**
     * QIFI {@code frozen_commission}: commission frozen by open orders.
     *
     * @return minor units, {@code >= 0}
     */
    long frozenCommission();

    /**
     * QIFI {@code static_balance} = pre_balance + deposit - withdraw.
     *
     * @return minor units
     */
    default long staticBalance() {
        return preBalance() + deposit() - withdraw();
    }

    /**
     * QIFI {@code balance} = static_balance + close_profit - commission + position_profit.
     *
     * @return minor units
     */
    default long balance() {
        return staticBalance() + closeProfit() - commission() + positionProfit();
    }

    /**
     * QIFI {@code available} = balance - margin - frozen_margin - frozen_commission.
     *
     * @return minor units, negative when losses exceed free funds
     */
    default long available() {
        return balance() - margin() - frozenMargin() - frozenCommission();
    }

    /**
     * QIFI {@code risk_ratio} = margin / balance as a fraction over {@code 10^8}, rounded up. Zero when there is no
     * margin (whatever the balance); {@link #RISK_RATIO_UNBOUNDED} ({@link Long#MAX_VALUE}) when there is margin and
     * the balance is zero or negative, so comparisons against a liquidation threshold treat such an account as past
     * any threshold.
     *
     * @return the ratio over {@code 10^8}, {@code >= 0}
     */
    long riskRatioE8();
}
