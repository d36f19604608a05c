package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.settlement.AccountStatement;

/**
 * Everything a {@link Venue} reports, in the order it happens, on the thread that drives the venue. Every event names
 * its instrument (by index in the venue's registry) and its account, so one listener serves the whole venue.
 * Arguments are primitives, enums or flyweights valid only during the call; the venue allocates nothing to report.
 * Prices are in ticks, volumes in lots, money in the venue's minor units. All methods default to doing nothing.
 */
public interface VenueListener {

    /** A listener that ignores every event. */
    VenueListener NO_OP = new VenueListener() {
    };

    /**
     * An order passed the risk checks and the book's rules; fills or cancels may follow within the same command.
     *
     * @param timestampNs     the command's timestamp
     * @param orderId         the exchange order id the venue assigned
     * @param accountId       the owner
     * @param instrumentIndex the instrument
     * @param side            BUY or SELL
     * @param offset          the resolved offset (never AUTO)
     * @param type            LIMIT or MARKET
     * @param timeInForce     the time in force
     * @param priceTicks      the limit price, or the market order's protection (freeze) price
     * @param volume          the order's volume in lots
     */
    default void onOrderAccepted(long timestampNs, long orderId, int accountId, int instrumentIndex, Side side,
                                 Offset offset, OrderType type, TimeInForce timeInForce, long priceTicks,
                                 long volume) {
    }

    /**
     * An order request, cancel or amend was refused; nothing changed.
     *
     * @param timestampNs     the command's timestamp
     * @param orderId         the order concerned, or {@link Venue#NULL_ORDER_ID} for a refused new order
     * @param accountId       the requesting account, or -1 if unknown
     * @param instrumentIndex the instrument, or -1 if unknown
     * @param code            why
     * @param message         names the field and the rule; valid only during the call
     */
    default void onOrderRejected(long timestampNs, long orderId, int accountId, int instrumentIndex,
                                 RejectCode code, CharSequence message) {
    }

    /**
     * Two orders traded. Followed by one {@link #onFill} per side (maker first).
     *
     * @param timestampNs     the command's timestamp
     * @param instrumentIndex the instrument
     * @param tradeId         venue-wide trade id, increasing from 1
     * @param aggressorSide   the taker's side
     * @param priceTicks      the trade price (the maker's price)
     * @param volume          lots traded
     * @param makerOrderId    the resting order
     * @param makerAccountId  its owner
     * @param takerOrderId    the incoming order
     * @param takerAccountId  its owner
     */
    default void onTrade(long timestampNs, int instrumentIndex, long tradeId, Side aggressorSide, long priceTicks,
                         long volume, long makerOrderId, int makerAccountId, long takerOrderId,
                         int takerAccountId) {
    }

    /**
     * One side of a trade booked in its account.
     *
     * @param timestampNs the command's timestamp
     * @param fill        the fill and its economics; a flyweight valid only during the call
     */
    default void onFill(long timestampNs, FillReport fill) {
    }

    /**
     * An order left the book without filling completely, or was reduced.
     *
     * @param timestampNs       the command's timestamp
     * @param instrumentIndex   the instrument
     * @param orderId           the order
     * @param accountId         its owner
     * @param cancelledVolume   lots taken off
     * @param remainingVolume   lots still working (0 unless a self-trade decrement reduced it)
     * @param reason            why
     */
    default void onOrderCancelled(long timestampNs, int instrumentIndex, long orderId, int accountId,
                                  long cancelledVolume, long remainingVolume, CancelReason reason) {
    }

    /**
     * A working order's price or volume changed.
     *
     * @param timestampNs     the command's timestamp
     * @param instrumentIndex the instrument
     * @param orderId         the order
     * @param accountId       its owner
     * @param priceTicks      the new price
     * @param remainingVolume the new remaining volume
     * @param priorityKept    whether it kept its time priority
     */
    default void onOrderAmended(long timestampNs, int instrumentIndex, long orderId, int accountId, long priceTicks,
                                long remainingVolume, boolean priorityKept) {
    }

    /**
     * A price level of a book changed (its total volume or order count; volume 0 removes it).
     *
     * @param timestampNs     the command's timestamp
     * @param instrumentIndex the instrument
     * @param sequence        the book's level sequence, increasing by one per level event
     * @param side            the level's side
     * @param priceTicks      the level's price
     * @param volume          total lots at the level, 0 if removed
     * @param orderCount      orders at the level
     */
    default void onLevelChanged(long timestampNs, int instrumentIndex, long sequence, Side side, long priceTicks,
                                long volume, int orderCount) {
    }

    /**
     * A book's trading phase changed.
     *
     * @param timestampNs     the command's timestamp
     * @param instrumentIndex the instrument
     * @param previous        the old phase
     * @param current         the new phase
     */
    default void onPhaseChanged(long timestampNs, int instrumentIndex, TradingPhase previous, TradingPhase current) {
    }

    /**
     * An instrument was listed or its status, band, reference, mark or settlement price changed.
     *
     * @param timestampNs     the command's timestamp
     * @param instrumentIndex the instrument
     */
    default void onInstrumentChanged(long timestampNs, int instrumentIndex) {
    }

    /**
     * An account's figures changed (read them from {@link Venue#account(int)}).
     *
     * @param accountId the account
     */
    default void onAccountChanged(int accountId) {
    }

    /**
     * A position's figures changed (read them from {@link Venue#position(int, int)}).
     *
     * @param accountId       the account
     * @param instrumentIndex the instrument
     */
    default void onPositionChanged(int accountId, int instrumentIndex) {
    }

    /**
     * Money moved between the bank and an account.
     *
     * @param timestampNs the command's timestamp
     * @param accountId   the account
     * @param amountMinor positive for a deposit, negative for a withdrawal
     */
    default void onTransfer(long timestampNs, int accountId, long amountMinor) {
    }

    /**
     * An account was settled at the end of a trading day.
     *
     * @param timestampNs the command's timestamp
     * @param statement   the day's statement (an immutable record, allocated once per account per day)
     */
    default void onSettlement(long timestampNs, AccountStatement statement) {
    }

    /**
     * A new trading day began.
     *
     * @param timestampNs the command's timestamp
     * @param tradingDay  the new day, {@code yyyymmdd}
     */
    default void onTradingDay(long timestampNs, int tradingDay) {
    }
}
