/**
 * Implementations that hold trading state: order books and matching, instruments, accounts and positions,
 * pre-trade risk and settlement; each stateful component is a deterministic single-writer state machine driven by
 * the host's thread.
 */
package io.github.exchangeblocks.engine;
