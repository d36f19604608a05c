package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.book.OrderBookListener;
import java.nio.ByteBuffer;

/**
 * The market data of one instrument, write side: a deterministic, single-threaded state machine fed by the host
 * (the venue) with the book's trades and level changes, the open interest after each trade and the day's
 * administrative figures. Create it with {@link MarketData#create}; restore it with {@link MarketData#restore}.
 *
 * <p>It is an {@link OrderBookListener}: {@link #onTrade(long, long, long, long, long, long, Side, long, long, long,
 * long) onTrade} and {@link #onLevelChanged} take the book's events unchanged, so the venue can forward them
 * straight through (the other book events are ignored).
 *
 * <p>Time: every input carries its timestamp in nanoseconds since the epoch; nothing reads a clock. Market-data
 * time never goes backward: an input whose timestamp is earlier than the latest one seen is taken at the latest
 * one. Timestamps must be in {@code 0..}{@link #MAX_TIMESTAMP_NS}.
 *
 * <p>Inputs come from a book and a venue that already validated them, so a value that breaks a rule here (a
 * non-positive price or volume, a negative open interest, a null side, a turnover beyond {@code Long.MAX_VALUE})
 * is a host bug: it is refused with an {@link IllegalArgumentException} naming the field and the rule, before
 * anything changes.
 *
 * <p>Allocation: the input methods and the reads allocate nothing in steady state (the depth mirror and the delta
 * batch grow to the book's working size first). Threading: one thread at a time drives an instance.
 */
public interface InstrumentMarketData extends InstrumentMarketDataView, OrderBookListener {

    /** The largest accepted timestamp, 2^62 nanoseconds (year 2116). */
    long MAX_TIMESTAMP_NS = 1L << 62;

    /**
     * Records a trade: the quote (last, open, high, low, volume, amount), every kline series, the tape and the
     * ticker. The open interest is not changed; report it afterwards with {@link #onOpenInterest}.
     *
     * @param timestampNs the trade's time
     * @param tradeId the book's trade id (kept on the tape, not checked)
     * @param aggressorSide the taker's side, not {@code null}
     * @param price the trade price, positive
     * @param volume the traded volume, positive, with {@code price * volume} and the running sums within a long
     * @throws IllegalArgumentException if a value breaks a rule (nothing changes)
     */
    void onTrade(long timestampNs, long tradeId, Side aggressorSide, long price, long volume);

    /**
     * The book's trade event, forwarded: the same as {@link #onTrade(long, long, Side, long, long)} with the trade
     * id, aggressor side, price and quantity; the order and owner fields are ignored.
     */
    @Override
    void onTrade(long timestampNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                 long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                 long takerRemaining);

    /**
     * The book's level event, forwarded: sets the mirrored level (removing it at quantity 0), counts an update id
     * and adds the level to the pending delta batch when anything changed, and marks the quote changed when the
     * level is among its top {@link QuoteView#levels()}. The book's sequence is not needed and not checked.
     *
     * @param timestampNs the event's time
     * @param sequence the book's level sequence (ignored)
     * @param side the level's side, not {@code null}
     * @param price the level's price, positive
     * @param totalQuantity the level's quantity, 0 or more
     * @param orderCount the level's order count: 0 exactly when the quantity is 0
     * @throws IllegalArgumentException if a value breaks a rule (nothing changes)
     */
    @Override
    void onLevelChanged(long timestampNs, long sequence, Side side, long price, long totalQuantity, int orderCount);

    /**
     * Replaces the mirrored depth with a depth read from the book (for example after attaching to a running book),
     * recording each difference as an update like {@link #onLevelChanged}. Levels beyond the snapshot's capacity
     * are not mirrored.
     *
     * @param timestampNs the read's time
     * @param depth the book's depth, best first, not {@code null}; its levels must have positive prices,
     *     quantities and counts, strictly worse on each step
     * @throws IllegalArgumentException if a level breaks a rule (nothing changes)
     */
    void onDepth(long timestampNs, DepthSnapshot depth);

    /**
     * Sets the open interest (the venue reports it after each trade): the quote's figure and the current bars'
     * closing open interest (a bar is current when the timestamp falls in its period).
     *
     * @param timestampNs the time
     * @param openInterest 0 or more
     * @throws IllegalArgumentException if {@code openInterest} is negative (nothing changes)
     */
    void onOpenInterest(long timestampNs, long openInterest);

    /**
     * Moves market-data time forward without a trade, so the rolling ticker drops what left its window.
     *
     * @param timestampNs the time
     */
    void advanceTime(long timestampNs);

    /**
     * Sets the day's limit prices (limit down and limit up).
     *
     * @param timestampNs the time
     * @param lowerLimit the lower limit, positive, or {@link QuoteView#NULL_PRICE} for none
     * @param upperLimit the upper limit, positive and at least {@code lowerLimit}, or {@link QuoteView#NULL_PRICE}
     * @throws IllegalArgumentException if a value breaks a rule (nothing changes)
     */
    void setPriceLimits(long timestampNs, long lowerLimit, long upperLimit);

    /**
     * Sets the previous day's figures, for an instrument listed with a history.
     *
     * @param timestampNs the time
     * @param preClose the previous close, positive, or {@link QuoteView#NULL_PRICE}
     * @param preSettlement the previous settlement, positive, or {@link QuoteView#NULL_PRICE}
     * @param preOpenInterest the previous day's closing open interest, 0 or more
     * @throws IllegalArgumentException if a value breaks a rule (nothing changes)
     */
    void setPreviousDay(long timestampNs, long preClose, long preSettlement, long preOpenInterest);

    /**
     * Ends the day's trading figures: sets the settlement price and the close (the day's last trade price, or
     * {@link QuoteView#NULL_PRICE} when the day had no trade).
     *
     * @param timestampNs the time
     * @param settlementPrice the settlement price, positive
     * @throws IllegalArgumentException if the price is not positive (nothing changes)
     */
    void settle(long timestampNs, long settlementPrice);

    /**
     * Starts a new trading day: the ending day's close (its last trade price, if it traded), settlement (if set)
     * and open interest move into pre-close, pre-settlement and pre-open-interest; open, high, low, close, volume,
     * amount and settlement are reset; the new limits are set. The last price, open interest, klines, tape,
     * ticker and depth carry on.
     *
     * @param timestampNs the time
     * @param lowerLimit the new day's lower limit, or {@link QuoteView#NULL_PRICE}
     * @param upperLimit the new day's upper limit, or {@link QuoteView#NULL_PRICE}
     * @throws IllegalArgumentException if the limits break a rule of {@link #setPriceLimits} (nothing changes)
     */
    void startDay(long timestampNs, long lowerLimit, long upperLimit);

    /**
     * Registers a kline duration on demand; its series starts empty (bars from earlier trades are not rebuilt).
     * Allocates the series' ring once.
     *
     * @param durationNs the bar duration, 1 to {@code Long.MAX_VALUE / 4} nanoseconds
     * @return the series (the existing one when the duration is already registered)
     * @throws IllegalArgumentException if the duration is out of range or
     *     {@link MarketDataSettings#MAX_KLINE_DURATIONS} are registered already
     */
    KlineSeriesView addKlineDuration(long durationNs);

    /**
     * Hands the pending depth delta batch to {@code visitor} and starts a new batch: the next batch's first update
     * id is this batch's last plus one.
     *
     * @param visitor receives the batch, not {@code null}
     * @return false (and no call) when no level changed since the last drain
     */
    boolean drainDepthDelta(DepthDeltaVisitor visitor);

    /**
     * Writes the whole state in the {@code MarketDataSnapshotDescriptor} format from the buffer's position and
     * advances it; {@link MarketData#restore} reads it back with the same {@link #stateHash()}.
     *
     * @param target the buffer, with at least {@link #snapshotLength()} bytes remaining, not {@code null}
     * @return the number of bytes written
     * @throws java.nio.BufferOverflowException if the buffer is too small (nothing is written)
     */
    int writeSnapshot(ByteBuffer target);
}
