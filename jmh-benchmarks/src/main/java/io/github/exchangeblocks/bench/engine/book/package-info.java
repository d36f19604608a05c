/**
 * Benchmarks of the order book: a deterministic mixed command stream (passive orders near the top, cancels of
 * live orders, crossing IOC and GTC orders, quantity reductions and price moves) replayed into the exchange-blocks
 * book at several sizings and into two baselines, a plain {@code TreeMap} book and exchange-core 0.5.3's order book,
 * for throughput (JMH, with {@code -prof gc} for allocation) and per-command latency percentiles (HdrHistogram,
 * {@link io.github.exchangeblocks.bench.engine.book.BookLatencyTool}).
 */
package io.github.exchangeblocks.bench.engine.book;
