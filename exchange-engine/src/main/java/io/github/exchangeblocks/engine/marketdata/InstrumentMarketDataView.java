package io.github.exchangeblocks.engine.marketdata;

/**
 * The market data of one instrument, read side: the day's quote, the klines of every registered duration, the
 * trade tape, the rolling ticker and the depth mirror, plus the version counter a publisher diffs against. Every
 * read allocates nothing. Not thread-safe: read on the thread that drives the market data (a gateway on another
 * thread reads what the core publishes, never this object).
 */
public interface InstrumentMarketDataView {

    /**
     * The instrument this market data belongs to.
     *
     * @return the settings' instrument id
     */
    long instrumentId();

    /**
     * The market-data version: grows by 1 with every accepted input call (trade, level, open interest, time,
     * limits, previous day, settlement, day roll, depth resync). Each part records the version at which it last
     * changed, so a publisher that remembers this value at each publish knows what changed since:
     * {@link QuoteView#version()}, {@link TickerView#version()}, {@link KlineSeriesView#visitChangedSince}.
     *
     * @return 0 before any input
     */
    long version();

    /**
     * The market-data time: the latest input timestamp (inputs with an earlier timestamp are taken at this time).
     *
     * @return nanoseconds since the epoch, 0 before any input
     */
    long timestampNs();

    /**
     * The day's quote.
     *
     * @return the live view, the same object on every call
     */
    QuoteView quote();

    /**
     * The rolling ticker.
     *
     * @return the live view, the same object on every call
     */
    TickerView ticker();

    /**
     * The trade tape.
     *
     * @return the live view, the same object on every call
     */
    TradeTapeView tape();

    /**
     * The depth mirror and its pending delta batch.
     *
     * @return the live view, the same object on every call
     */
    DepthView depth();

    /**
     * The kline series of one duration.
     *
     * @param durationNs the bar duration in nanoseconds
     * @return the live view, or {@code null} when that duration is not registered
     */
    KlineSeriesView klines(long durationNs);

    /**
     * The number of registered kline durations.
     *
     * @return 0 up to {@link MarketDataSettings#MAX_KLINE_DURATIONS}
     */
    int klineDurationCount();

    /**
     * A registered kline duration, in ascending order.
     *
     * @param index 0 up to {@link #klineDurationCount()} - 1
     * @return the duration in nanoseconds
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    long klineDurationNs(int index);

    /**
     * A 64-bit hash of everything the market data's future outputs depend on (the same on every JVM): equal for
     * two instances fed the same inputs, and preserved by a snapshot and restore.
     *
     * @return the hash
     */
    long stateHash();

    /**
     * The exact number of bytes {@link InstrumentMarketData#writeSnapshot} writes now.
     *
     * @return positive
     */
    int snapshotLength();
}
