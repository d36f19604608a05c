/**
 * Futures accounts and positions: {@link io.github.exchangeblocks.engine.account.AccountBook} is the single-writer
 * state machine for deposits, withdrawals, order freezes, fill booking, cancels, mark-to-market and the day roll,
 * keeping the QIFI/DIFF identities exact after every command, and following what an order book does to each order
 * (fills at or better than the limit, amends, partial cancels, MARKET orders). Money is {@code long} minor units;
 * margin and commission are rounded as the venue's
 * {@link io.github.exchangeblocks.engine.account.AccountConventions} say, proportional releases on close round down
 * ({@link io.github.exchangeblocks.engine.account.Position}).
 *
 * <p>What the book reports: {@link io.github.exchangeblocks.engine.account.AccountBook#lastFill()} (each fill's
 * commission, margin, close profit, lots and position after), {@code order(id)} (each live order's freeze) and one
 * reject channel (code plus a reused message). The day's finished orders and fills are not kept here: the host
 * (the venue or the exchange core) copies what it needs from these flyweights into its own journal or statement,
 * which is also where DIFF {@code trades} and statement fill lists come from.
 */
package io.github.exchangeblocks.engine.account;
