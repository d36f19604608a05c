/**
 * A trading simulator on the engine's {@link io.github.exchangeblocks.engine.venue.Venue} alone: no journal, no
 * threads, deterministic for a seed.
 */
package io.github.exchangeblocks.examples.simulator;
