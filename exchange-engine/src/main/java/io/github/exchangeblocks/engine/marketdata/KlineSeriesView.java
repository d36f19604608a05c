package io.github.exchangeblocks.engine.marketdata;

/**
 * The bars of one kline duration, read side. Bars exist only for periods with at least one trade, so ids are
 * ascending but may have gaps. Reads allocate nothing. Not thread-safe: read on the thread that drives the market
 * data (or after handing it over with a happens-before edge).
 */
public interface KlineSeriesView {

    /** The id reported by {@link #firstId()} and {@link #lastId()} when the series has no bar. */
    long NULL_ID = Long.MIN_VALUE;

    /**
     * The bar duration.
     *
     * @return positive, in nanoseconds
     */
    long durationNs();

    /**
     * How many bars are kept.
     *
     * @return 0 up to {@link #capacity()}
     */
    int size();

    /**
     * The most bars kept; the oldest is dropped when a new bar would exceed it.
     *
     * @return positive
     */
    int capacity();

    /**
     * The oldest bar's id.
     *
     * @return the id, or {@link #NULL_ID} when empty
     */
    long firstId();

    /**
     * The newest (current) bar's id.
     *
     * @return the id, or {@link #NULL_ID} when empty
     */
    long lastId();

    /**
     * The market-data version at which the newest bar last changed (see {@link InstrumentMarketDataView#version()}).
     *
     * @return 0 when empty
     */
    long lastChangedVersion();

    /**
     * Visits the kept bars with {@code fromId <= id <= toId}, oldest first.
     *
     * @param fromId the lowest id wanted (inclusive)
     * @param toId the highest id wanted (inclusive)
     * @param visitor receives the bars, not {@code null}
     * @return the number of bars visited
     */
    int visit(long fromId, long toId, KlineVisitor visitor);

    /**
     * Visits the newest {@code count} kept bars (all of them when fewer are kept), oldest first: a DIFF chart's
     * {@code view_width}, whatever gaps the ids have.
     *
     * @param count how many bars, 0 or more
     * @param visitor receives the bars, not {@code null}
     * @return the number of bars visited
     */
    int visitLast(int count, KlineVisitor visitor);

    /**
     * Visits, oldest first, every kept bar that was created or changed after market-data version
     * {@code version}: a publisher remembers {@link InstrumentMarketDataView#version()} when it publishes and
     * passes it here next time to get exactly the bars to send.
     *
     * @param version a version read earlier from {@link InstrumentMarketDataView#version()}
     * @param visitor receives the bars, not {@code null}
     * @return the number of bars visited
     */
    int visitChangedSince(long version, KlineVisitor visitor);
}
