package io.github.exchangeblocks.engine.marketdata;

/**
 * The day's quote of one instrument, read side: the DIFF {@code quotes.<EX.ins>} fields. Prices are in the
 * instrument's fixed-point price units as the book reports them (ticks when the tick size is 1), volumes in its
 * quantity units (lots when the lot size is 1); "no price" is {@link #NULL_PRICE}. Amounts (turnover) are exact
 * sums of {@code price * volume} in those units: a gateway multiplies by the tick value and the contract
 * multiplier to get money. Reads allocate nothing. Not thread-safe: read on the thread that drives the market data.
 */
public interface QuoteView {

    /** "No price", as in the book ({@code OrderBookView.NULL_PRICE}): prices are always positive. */
    long NULL_PRICE = 0L;

    /**
     * The timestamp of the latest input that changed the quote.
     *
     * @return nanoseconds since the epoch, 0 before any
     */
    long datetimeNs();

    /**
     * The market-data version at which the quote last changed (see {@link InstrumentMarketDataView#version()}).
     *
     * @return 0 before any change
     */
    long version();

    /**
     * The latest trade price, kept across day rolls.
     *
     * @return the price, or {@link #NULL_PRICE} before the first trade
     */
    long lastPrice();

    /**
     * The day's first trade price.
     *
     * @return the price, or {@link #NULL_PRICE} before the day's first trade
     */
    long open();

    /**
     * The day's highest trade price.
     *
     * @return the price, or {@link #NULL_PRICE} before the day's first trade
     */
    long highest();

    /**
     * The day's lowest trade price.
     *
     * @return the price, or {@link #NULL_PRICE} before the day's first trade
     */
    long lowest();

    /**
     * The day's close: the last trade price of the day, set by {@link InstrumentMarketData#settle}.
     *
     * @return the price, or {@link #NULL_PRICE} before settlement or when the day had no trade
     */
    long close();

    /**
     * The day's volume-weighted average price {@code amount / volume}, rounded half up to a whole price unit.
     * The exact fraction is {@link #amount()} over {@link #volume()}.
     *
     * @return the price, or {@link #NULL_PRICE} before the day's first trade
     */
    long averagePrice();

    /**
     * The day's traded volume.
     *
     * @return 0 or more
     */
    long volume();

    /**
     * The day's turnover: the exact sum of {@code price * volume} over the day's trades.
     *
     * @return 0 or more, in price units times quantity units
     */
    long amount();

    /**
     * The latest open interest reported.
     *
     * @return 0 or more
     */
    long openInterest();

    /**
     * The day's settlement price.
     *
     * @return the price, or {@link #NULL_PRICE} until {@link InstrumentMarketData#settle} is called
     */
    long settlement();

    /**
     * The day's upper limit (limit up).
     *
     * @return the price, or {@link #NULL_PRICE} when none was set
     */
    long upperLimit();

    /**
     * The day's lower limit (limit down).
     *
     * @return the price, or {@link #NULL_PRICE} when none was set
     */
    long lowerLimit();

    /**
     * The previous day's settlement price.
     *
     * @return the price, or {@link #NULL_PRICE} when unknown
     */
    long preSettlement();

    /**
     * The previous day's close.
     *
     * @return the price, or {@link #NULL_PRICE} when unknown
     */
    long preClose();

    /**
     * The open interest at the end of the previous day.
     *
     * @return 0 or more
     */
    long preOpenInterest();

    /**
     * How many levels per side the quote shows.
     *
     * @return {@link MarketDataSettings#quoteLevels()}
     */
    int levels();

    /**
     * A bid level's price (DIFF {@code bid_price<level+1>}).
     *
     * @param level 0 for the best bid, below {@link #levels()}
     * @return the price, or {@link #NULL_PRICE} when the book has fewer bid levels
     * @throws IndexOutOfBoundsException if {@code level} is outside {@code 0..levels()-1}
     */
    long bidPrice(int level);

    /**
     * A bid level's total volume (DIFF {@code bid_volume<level+1>}).
     *
     * @param level 0 for the best bid, below {@link #levels()}
     * @return the volume, 0 when the book has fewer bid levels
     * @throws IndexOutOfBoundsException if {@code level} is outside {@code 0..levels()-1}
     */
    long bidVolume(int level);

    /**
     * An ask level's price (DIFF {@code ask_price<level+1>}).
     *
     * @param level 0 for the best ask, below {@link #levels()}
     * @return the price, or {@link #NULL_PRICE} when the book has fewer ask levels
     * @throws IndexOutOfBoundsException if {@code level} is outside {@code 0..levels()-1}
     */
    long askPrice(int level);

    /**
     * An ask level's total volume (DIFF {@code ask_volume<level+1>}).
     *
     * @param level 0 for the best ask, below {@link #levels()}
     * @return the volume, 0 when the book has fewer ask levels
     * @throws IndexOutOfBoundsException if {@code level} is outside {@code 0..levels()-1}
     */
    long askVolume(int level);
}
