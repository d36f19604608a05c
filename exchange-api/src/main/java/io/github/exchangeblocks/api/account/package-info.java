/**
 * Futures account contracts: read views of accounts and positions with QIFI/DIFF field names (in camel case), and
 * the identities every implementation keeps after each operation:
 *
 * <pre>
 * static_balance = pre_balance + deposit - withdraw
 * balance        = static_balance + close_profit - commission + position_profit
 * available      = balance - margin - frozen_margin - frozen_commission
 * risk_ratio     = margin / balance
 * </pre>
 *
 * <p>Money is {@code long} minor units of the account currency; volumes are lots; prices are ticks.
 */
package io.github.exchangeblocks.api.account;
