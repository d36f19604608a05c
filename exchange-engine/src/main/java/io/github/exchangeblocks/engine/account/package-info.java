/**
 * Futures accounts and positions: {@link io.github.exchangeblocks.engine.account.AccountBook} is the single-writer
 * state machine for deposits, withdrawals, order freezes, fill booking, cancels, mark-to-market and the day roll,
 * keeping the QIFI/DIFF identities exact after every command. Money is {@code long} minor units; rounding rules are
 * those of {@link io.github.exchangeblocks.engine.instrument.Instrument} (margin and commission up) and
 * {@link io.github.exchangeblocks.engine.account.Position} (proportional release down).
 */
package io.github.exchangeblocks.engine.account;
