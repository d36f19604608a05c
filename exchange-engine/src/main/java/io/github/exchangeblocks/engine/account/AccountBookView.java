package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.account.FillView;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.api.account.Rejection;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;

/**
 * The read side of an {@link AccountBook}: accounts, positions, live orders' freezes, the last fill's figures, the
 * reject channel and the state hash. Views returned are live (they follow the book) and must be read on the book's
 * thread or while it is quiescent; nothing here changes state, and only the methods documented as allocating
 * ({@link #openOrderIds}, {@link #lastRejection}) allocate.
 */
public interface AccountBookView {
    /**
     * The instrument registry.
     *
     * @return never {@code null}
     */
    InstrumentRegistry registry();

    /**
     * The venue conventions this book computes with (also written to its snapshots).
     *
     * @return never {@code null}
     */
    AccountConventions conventions();

    /**
     * The id of a user's account.
     *
     * @param userName the name given at opening
     * @return the id, or {@code -1} if unknown
     */
    int accountIdOf(String userName);

    /**
     * Number of accounts.
     *
     * @return the count
     */
    int accountCount();

    /**
     * An account by id.
     *
     * @param accountId a value returned by {@link AccountBook#openAccount}
     * @return the live account, or {@code null} if unknown
     */
    Account account(int accountId);

    /**
     * An account's position in an instrument.
     *
     * @param accountId       the account
     * @param instrumentIndex the instrument
     * @return the live position, or {@code null} if the account has none
     */
    Position position(int accountId, int instrumentIndex);

    /**
     * The last booked fill's figures: commission, margin booked or released, frozen funds released, close profit,
     * lots closed from today and history, the order's remaining volume and the position after. A reused flyweight,
     * overwritten by the next fill and unchanged by refused fills; read it before the book's next command (the
     * position figures come from the live position).
     *
     * @return never {@code null} (all zero before the first fill)
     */
    FillView lastFill();

    /**
     * A live order's freeze and remaining volume.
     *
     * @param orderId the order
     * @return a live view, valid while the order is open (pooled: reused once it finishes), or {@code null} if the
     *         order is not open
     */
    OpenOrderView order(long orderId);

    /**
     * An instrument's mark price.
     *
     * @param instrumentIndex the instrument
     * @return ticks, {@code 0} if never set
     */
    long markPriceTicks(int instrumentIndex);

    /**
     * Number of positions (including flat ones, kept until settlement or, when the conventions retain them, until
     * {@link AccountBook#purgeFlatPositions()}) indexed under an instrument.
     *
     * @param instrumentIndex the instrument
     * @return the count
     */
    int holderCount(int instrumentIndex);

    /**
     * Remaining volume of an open order.
     *
     * @param orderId the order
     * @return lots, or {@code -1} if the order is not open
     */
    long remainingVolume(long orderId);

    /**
     * Ids of an account's open orders, ascending.
     *
     * @param accountId the account
     * @return a new sorted array
     */
    long[] openOrderIds(int accountId);

    /**
     * Number of open orders over all accounts.
     *
     * @return the count
     */
    int openOrderCount();

    /**
     * Commission collected over all accounts since the book was created (never reset by settlement).
     *
     * @return minor units
     */
    long feesCollected();

    /**
     * The last settled trading day.
     *
     * @return {@code yyyymmdd}, or {@link AccountBook#NULL_DAY}
     */
    int lastSettledDay();

    /**
     * A 64-bit FNV-1a hash of the whole state (conventions, instruments' mark prices, accounts by id with their
     * positions in first-open order, open orders by id): equal for books driven by the same commands, and for a
     * book and the book restored from its snapshot.
     *
     * @return the hash
     */
    long stateHash();

    /**
     * The code of the last refused command (the reject channel; {@link #lastRejectMessage()} says why).
     *
     * @return the code, or {@code null} if nothing was refused yet
     */
    RejectCode lastRejectCode();

    /**
     * The message of the last refused command, naming the field, the rule and the numbers (prices and money as
     * decimals). A reused buffer, overwritten by the next refusal: copy it to keep it.
     *
     * @return never {@code null} (empty if nothing was refused yet)
     */
    CharSequence lastRejectMessage();

    /**
     * The last refusal as a value, for convenience: allocates a {@link Rejection} on each call (use
     * {@link #lastRejectCode()} and {@link #lastRejectMessage()} on hot paths).
     *
     * @return the rejection, or {@code null} if nothing was refused yet
     */
    Rejection lastRejection();
}
