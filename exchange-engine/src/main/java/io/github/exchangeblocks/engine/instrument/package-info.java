/**
 * The instrument registry: listing with validation, dense {@code int} indexes for hot paths, status lifecycle,
 * price bands from the previous settlement price, and the exact money arithmetic of an instrument (notional,
 * margin, commission) in {@link io.github.exchangeblocks.engine.instrument.Instrument} and
 * {@link io.github.exchangeblocks.engine.instrument.FixedPoint}.
 *
 * <p>Single writer: the registry is mutated only by the host's engine thread.
 */
package io.github.exchangeblocks.engine.instrument;
