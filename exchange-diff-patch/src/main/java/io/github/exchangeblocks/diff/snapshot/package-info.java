/**
 * The DIFF snapshot manager: per-session pending changes and peek/rtn_data hand-off between the engine thread that
 * produces changes and the I/O threads that answer peeks, with market data ({@code quotes}, {@code klines},
 * {@code ticks}) stored once and shared by all subscribed sessions.
 */
package io.github.exchangeblocks.diff.snapshot;
