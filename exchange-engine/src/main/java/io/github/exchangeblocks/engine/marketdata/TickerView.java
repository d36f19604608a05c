package io.github.exchangeblocks.engine.marketdata;

/**
 * The rolling ticker of one instrument, read side (Binance {@code <symbol>@ticker} style): open, high, low, volume,
 * amount and trade count over the trailing window as of the latest market-data time, and the latest price.
 *
 * <p>Window rule: trades are aggregated into buckets of {@link #bucketNs()} nanoseconds
 * ({@code floorDiv(timestampNs, bucketNs)}); at time {@code now} the window holds every bucket whose last
 * nanosecond is after {@code now - windowNs}, so it may reach up to {@code bucketNs - 1} nanoseconds further back
 * than {@code windowNs}. With a bucket width of 1 the window is exactly the trades with
 * {@code timestampNs > now - windowNs}. Memory is one bucket record per bucket width in the window.
 *
 * <p>Reads allocate nothing. Not thread-safe: read on the thread that drives the market data.
 */
public interface TickerView {

    /**
     * The window length.
     *
     * @return positive, in nanoseconds
     */
    long windowNs();

    /**
     * The bucket width.
     *
     * @return positive, in nanoseconds
     */
    long bucketNs();

    /**
     * The time the window ends at: the latest market-data time.
     *
     * @return nanoseconds since the epoch, 0 before any input
     */
    long asOfNs();

    /**
     * The market-data version at which the ticker last changed (a trade, or a bucket leaving the window).
     *
     * @return 0 before any change
     */
    long version();

    /**
     * The first trade price in the window.
     *
     * @return the price, or {@link QuoteView#NULL_PRICE} when the window holds no trade
     */
    long open();

    /**
     * The highest trade price in the window.
     *
     * @return the price, or {@link QuoteView#NULL_PRICE} when the window holds no trade
     */
    long high();

    /**
     * The lowest trade price in the window.
     *
     * @return the price, or {@link QuoteView#NULL_PRICE} when the window holds no trade
     */
    long low();

    /**
     * The latest trade price, whether or not it is still in the window.
     *
     * @return the price, or {@link QuoteView#NULL_PRICE} before the first trade
     */
    long last();

    /**
     * The volume traded in the window.
     *
     * @return 0 or more
     */
    long volume();

    /**
     * The exact amount (sum of price times volume) traded in the window.
     *
     * @return 0 or more
     */
    long amount();

    /**
     * The number of trades in the window.
     *
     * @return 0 or more
     */
    long tradeCount();
}
