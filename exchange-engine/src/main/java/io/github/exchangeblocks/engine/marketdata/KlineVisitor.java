package io.github.exchangeblocks.engine.marketdata;

/**
 * Receives kline bars from {@link KlineSeriesView#visit} and {@link KlineSeriesView#visitChangedSince}, oldest
 * first, on the calling thread. Arguments are primitives, so a visit allocates nothing. Prices are in the
 * instrument's fixed-point price units, volumes in its quantity units, amounts in price units times quantity
 * units (see {@link QuoteView#amount()}).
 */
@FunctionalInterface
public interface KlineVisitor {

    /**
     * One bar.
     *
     * @param durationNs the series' bar duration in nanoseconds
     * @param id the bar id, {@code floorDiv(timestampNs, durationNs)}: the bar covers
     *     {@code [id * durationNs, (id + 1) * durationNs)} nanoseconds since the epoch
     * @param open the first trade price in the bar
     * @param high the highest trade price in the bar
     * @param low the lowest trade price in the bar
     * @param close the last trade price in the bar
     * @param volume the traded volume in the bar, positive
     * @param amount the traded amount (sum of price times volume) in the bar
     * @param openOpenInterest the open interest when the bar opened (before its first trade)
     * @param closeOpenInterest the latest open interest reported while the bar was the current one
     */
    void onBar(long durationNs, long id, long open, long high, long low, long close, long volume, long amount,
               long openOpenInterest, long closeOpenInterest);
}
