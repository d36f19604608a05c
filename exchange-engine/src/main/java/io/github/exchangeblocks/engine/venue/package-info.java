/**
 * The venue: instruments, accounts with pre-trade risk, one order book per instrument and market data composed
 * behind one call per command and one event listener. Start at {@link io.github.exchangeblocks.engine.venue.Venue}.
 */
package io.github.exchangeblocks.engine.venue;
