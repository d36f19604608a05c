/**
 * Daily settlement and liquidation on top of the account book:
 * {@link io.github.exchangeblocks.engine.settlement.DailySettlement} collects settlement prices, settles a trading
 * day once, moves the instruments' bands and yields per-account statements
 * ({@link io.github.exchangeblocks.engine.settlement.StatementRenderer} renders them as text);
 * {@link io.github.exchangeblocks.engine.settlement.LiquidationPlanner} computes, in a deterministic order, the
 * closing orders that bring an account at or above a risk threshold back under a target, and their effect if
 * filled at the mark price. Single writer, like the book.
 */
package io.github.exchangeblocks.engine.settlement;
