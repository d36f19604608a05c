/**
 * Benchmarks of the order book: a deterministic mixed command stream (passive orders near the top, cancels of
 * live orders, crossing IOC and GTC orders, amends) replayed into the exchange-blocks book and into a plain
 * {@code TreeMap} book as the baseline, for throughput (JMH, with {@code -prof gc} for allocation) and per-command
 * latency percentiles (HdrHistogram, {@link io.github.exchangeblocks.bench.engine.book.BookLatencyTool}).
 */
package io.github.exchangeblocks.bench.engine.book;
