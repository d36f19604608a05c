package io.github.exchangeblocks.engine.marketdata;

/**
 * The trade tape of one instrument, read side: the latest trades, one tick each, numbered by a gapless tick id.
 * Reads allocate nothing. Not thread-safe: read on the thread that drives the market data.
 */
public interface TradeTapeView {

    /**
     * How many ticks are kept.
     *
     * @return 0 up to {@link #capacity()}
     */
    int size();

    /**
     * The most ticks kept; the oldest is dropped when a new one would exceed it.
     *
     * @return positive
     */
    int capacity();

    /**
     * The id of the oldest tick kept.
     *
     * @return the id, or {@code lastTickId() + 1} when empty
     */
    long firstTickId();

    /**
     * The id of the latest tick: the number of trades ever recorded.
     *
     * @return 0 before the first trade
     */
    long lastTickId();

    /**
     * Visits the kept ticks with {@code fromTickId <= tickId <= toTickId}, oldest first; a publisher that sent up
     * to tick {@code n} asks for {@code n + 1 .. lastTickId()}.
     *
     * @param fromTickId the lowest id wanted (inclusive)
     * @param toTickId the highest id wanted (inclusive)
     * @param visitor receives the ticks, not {@code null}
     * @return the number of ticks visited
     */
    int visit(long fromTickId, long toTickId, TickVisitor visitor);

    /**
     * The best bid price right after a tick's trade: the book as the trade left it (the maker's level reduced by
     * the trade, or the next level when the trade emptied it; the other side as it stood), read from the mirrored
     * depth. Ticks restored from a version 1 snapshot have none.
     *
     * @param tickId a kept tick, {@link #firstTickId()} to {@link #lastTickId()}
     * @return the price, or {@link QuoteView#NULL_PRICE} when the bid side was empty
     * @throws IllegalArgumentException if the tick is not kept
     */
    long bidPrice(long tickId);

    /**
     * The quantity at {@link #bidPrice(long)}.
     *
     * @param tickId a kept tick
     * @return the quantity, 0 when the bid side was empty
     * @throws IllegalArgumentException if the tick is not kept
     */
    long bidVolume(long tickId);

    /**
     * The best ask price right after a tick's trade (see {@link #bidPrice(long)}).
     *
     * @param tickId a kept tick
     * @return the price, or {@link QuoteView#NULL_PRICE} when the ask side was empty
     * @throws IllegalArgumentException if the tick is not kept
     */
    long askPrice(long tickId);

    /**
     * The quantity at {@link #askPrice(long)}.
     *
     * @param tickId a kept tick
     * @return the quantity, 0 when the ask side was empty
     * @throws IllegalArgumentException if the tick is not kept
     */
    long askVolume(long tickId);
}
