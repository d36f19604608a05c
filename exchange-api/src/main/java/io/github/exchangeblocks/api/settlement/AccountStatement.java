package io.github.exchangeblocks.api.settlement;

import java.util.List;

/**
 * A per-account daily settlement statement. Money in minor units of the account currency; {@code balance} equals
 * {@code preBalance + deposit - withdraw + closeProfit - commission + positionProfit} and becomes the next day's
 * pre-balance.
 *
 * @param tradingDay      the settled trading day, {@code yyyymmdd}
 * @param accountId       the account
 * @param userName        the account's user name
 * @param preBalance      balance at the previous settlement
 * @param deposit         deposits during the day
 * @param withdraw        withdrawals during the day
 * @param closeProfit     profit realised by closing fills during the day
 * @param commission      commission charged during the day
 * @param positionProfit  open positions' profit realised at the settlement prices
 * @param balance         balance after settlement
 * @param margin          margin at the settlement prices
 * @param available       available after settlement
 * @param riskRatioE8     margin / balance over {@code 10^8}, rounded up
 * @param positions       per-instrument lines ordered by instrument id; unmodifiable
 */
public record AccountStatement(
        int tradingDay,
        int accountId,
        String userName,
        long preBalance,
        long deposit,
        long withdraw,
        long closeProfit,
        long commission,
        long positionProfit,
        long balance,
        long margin,
        long available,
        long riskRatioE8,
        List<PositionStatement> positions) {

    /**
     * Creates a statement, copying the position list.
     *
     * @param tradingDay     trading day
     * @param accountId      account
     * @param userName       user name
     * @param preBalance     pre-balance
     * @param deposit        deposits
     * @param withdraw       withdrawals
     * @param closeProfit    close profit
     * @param commission     commission
     * @param positionProfit settled position profit
     * @param balance        balance
     * @param margin         margin
     * @param available      available
     * @param riskRatioE8    risk ratio
     * @param positions      position lines
     */
    public AccountStatement {
        positions = List.copyOf(positions);
    }
}
