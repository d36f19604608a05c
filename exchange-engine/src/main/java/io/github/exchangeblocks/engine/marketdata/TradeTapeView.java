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
}
