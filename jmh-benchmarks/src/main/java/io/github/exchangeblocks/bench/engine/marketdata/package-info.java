/**
 * Benchmarks of the market-data building block: a trade into the quote, three kline durations, the tape and the
 * 24-hour ticker, and a book level change into the depth mirror and its delta batch, with {@code -prof gc} for
 * allocation.
 */
package io.github.exchangeblocks.bench.engine.marketdata;
