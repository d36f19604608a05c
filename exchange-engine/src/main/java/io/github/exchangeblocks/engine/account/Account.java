package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.instrument.Rates;
import io.github.exchangeblocks.engine.instrument.FixedPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A futures account: the stored QIFI fields (pre_balance, deposit, withdraw, close_profit, commission,
 * position_profit, float_profit, margin, frozen_margin, frozen_commission) and its positions in the order they
 * were first opened. The derived fields (static_balance, balance, available, risk_ratio) are computed from the
 * stored ones, so the identities hold exactly at every instant.
 *
 * <p>Mutated only by {@link AccountBook} on its thread; readable as an {@link AccountView}.
 */
public final class Account implements AccountView {
    private final int accountId;
    private final String userName;
    final ArrayList<Position> positions = new ArrayList<>(4);
    long preBalance;
    long deposit;
    long withdraw;
    long closeProfit;
    long commission;
    long positionProfit;
    long floatProfit;
    long margin;
    long frozenMargin;
    long frozenCommission;
    int openOrderCount;

    Account(int accountId, String userName) {
        this.accountId = accountId;
        this.userName = userName;
    }

    @Override
    public int accountId() {
        return accountId;
    }

    @Override
    public String userName() {
        return userName;
    }

    @Override
    public long preBalance() {
        return preBalance;
    }

    @Override
    public long deposit() {
        return deposit;
    }

    @Override
    public long withdraw() {
        return withdraw;
    }

    @Override
    public long closeProfit() {
        return closeProfit;
    }

    @Override
    public long commission() {
        return commission;
    }

    @Override
    public long positionProfit() {
        return positionProfit;
    }

    @Override
    public long floatProfit() {
        return floatProfit;
    }

    @Override
    public long margin() {
        return margin;
    }

    @Override
    public long frozenMargin() {
        return frozenMargin;
    }

    @Override
    public long frozenCommission() {
        return frozenCommission;
    }

    @Override
    public long riskRatioE8() {
        return riskRatioE8(margin, balance());
    }

    /**
     * Number of open orders.
     *
     * @return the count
     */
    public int openOrderCount() {
        return openOrderCount;
    }

    /**
     * The account's positions in first-opened order (flat ones stay until settlement, or until
     * {@link AccountBook#purgeFlatPositions()} when the conventions retain them).
     *
     * @return an unmodifiable live list
     */
    public List<Position> positions() {
        return Collections.unmodifiableList(positions);
    }

    /**
     * {@code ceil(margin * 10^8 / balance)}; 0 without margin, {@link Long#MAX_VALUE} when margin is positive and
     * the balance is not.
     *
     * @param margin  margin, minor units, {@code >= 0}
     * @param balance balance, minor units
     * @return the ratio over {@code 10^8}
     */
    public static long riskRatioE8(long margin, long balance) {
        if (margin <= 0) {
            return 0;
        }
        if (balance <= 0) {
            return Long.MAX_VALUE;
        }
        return FixedPoint.mulDivCeil(margin, Rates.SCALE, balance);
    }
}
