/**
 * Pre-trade risk: small independent checks ({@link io.github.exchangeblocks.engine.risk.PreTradeCheck}) composed
 * in a configurable {@link io.github.exchangeblocks.engine.risk.RiskChain}. Each check reads an
 * {@link io.github.exchangeblocks.engine.risk.OrderCheck} (the order plus what accepting it would freeze) and
 * either passes or returns a reject code with a message naming the numbers. Checks never mutate state, so a
 * rejected order leaves no trace. Allocation-free on the accept path.
 */
package io.github.exchangeblocks.engine.risk;
