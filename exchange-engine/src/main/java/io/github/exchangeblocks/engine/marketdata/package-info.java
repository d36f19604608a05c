/**
 * Market data as engine building blocks: per instrument, the day's quote (DIFF {@code quotes}), klines of any
 * number of durations (DIFF {@code klines}), a trade tape (DIFF {@code ticks}, channel {@code @trades}), a rolling
 * 24-hour ticker (channel {@code @ticker}) and a depth mirror with Binance-style delta batches (channel
 * {@code @depth}). {@link io.github.exchangeblocks.engine.marketdata.MarketData} creates an
 * {@link io.github.exchangeblocks.engine.marketdata.InstrumentMarketData} from validated
 * {@link io.github.exchangeblocks.engine.marketdata.MarketDataSettings}; it is an {@code OrderBookListener}, so the
 * venue forwards the book's trade and level events to it unchanged and adds the open interest after each trade.
 *
 * <p>Units: prices in the instrument's fixed-point price units as the book reports them (ticks when the tick size
 * is 1), volumes in its quantity units (lots when the lot size is 1), amounts (turnover) as exact {@code long}
 * sums of {@code price * volume} in those units; a gateway converts to money with the tick value and contract
 * multiplier. No doubles anywhere. Kline ids are {@code floorDiv(timestampNs, durationNs)}: the bar's index since
 * the epoch in its duration, so a bar covers {@code [id * durationNs, (id + 1) * durationNs)}.
 *
 * <p>Structure: every part keeps its data in preallocated primitive arrays (rings for klines, tape and ticker
 * buckets; sorted arrays for the depth levels), so the inputs and the reads (through primitive visitors) allocate
 * nothing in steady state. A version counter grows with every input and each part records the version of its
 * last change, so a publisher diffs by remembering one number.
 *
 * <p>Determinism: no clock, no randomness, no hash-order iteration; time comes with each input and never goes
 * backward. {@code stateHash()}, {@code writeSnapshot} and {@code MarketData.restore} let the exchange core
 * snapshot and recover market data exactly. Single-threaded: one thread at a time drives an instance.
 */
package io.github.exchangeblocks.engine.marketdata;
