package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;

/**
 * The read side of a {@link Venue}: instruments, books, market data, accounts, positions, working orders, lifetime
 * totals, the last reject and the state hash. Read it on the thread that drives the venue (or while nothing drives
 * it); the objects it returns are live views, valid until the next command. Prices in ticks, volumes in lots,
 * money in the venue's minor units.
 */
public interface VenueView {

    /**
     * The frozen figures of a working order, read from the accounts.
     *
     * @param orderId the order
     * @return its view (frozen margin and commission, frozen lots, remaining), or {@code null} if not working
     */
    OpenOrderView orderView(long orderId);

    /** @return the current trading day, {@code yyyymmdd} */
    int tradingDay();

    /** @return the instruments (read it; change it only through the venue's commands) */
    InstrumentRegistry registry();

    /** @return number of instruments listed (indexes {@code 0..n-1}) */
    int instrumentCount();

    /**
     * @param instrumentIndex the instrument
     * @return its book, read-only
     * @throws IndexOutOfBoundsException if not listed
     */
    OrderBookView book(int instrumentIndex);

    /**
     * @param instrumentIndex the instrument
     * @return its market data (quote, klines, tape, 24-hour ticker, depth), read-only
     * @throws IndexOutOfBoundsException if not listed
     */
    InstrumentMarketDataView marketData(int instrumentIndex);

    /** @return number of accounts (ids {@code 0..n-1}) */
    int accountCount();

    /**
     * @param accountId the account
     * @return the account's live figures (read-only use), or {@code null} if unknown
     */
    Account account(int accountId);

    /**
     * @param userName the account's user name
     * @return the account id, or -1 if unknown
     */
    int accountIdOf(String userName);

    /**
     * @param accountId       the account
     * @param instrumentIndex the instrument
     * @return the position (read-only use), or {@code null} if the account never held or ordered the instrument
     */
    Position position(int accountId, int instrumentIndex);

    /**
     * @param orderId an order id
     * @return lots still working, or 0 if the order is not working
     */
    long remainingVolume(long orderId);

    /**
     * @param instrumentIndex the instrument
     * @return the price of the trading day's last trade in ticks (from its market data), 0 if it has not traded today
     */
    long lastPriceTicks(int instrumentIndex);

    /**
     * @param instrumentIndex the instrument
     * @return the mark price the accounts value positions at, in ticks (set by {@link Venue#markPrice} or seeded
     *     by the first fill), 0 if none yet or not listed
     */
    long markPriceTicks(int instrumentIndex);

    /**
     * @param accountId the account
     * @return commission paid since the account opened (not reset by settlement), minor units
     */
    long lifetimeFees(int accountId);

    /**
     * @param accountId the account
     * @return fills booked since the account opened
     */
    long lifetimeFills(int accountId);

    /**
     * @param accountId the account
     * @return deposits minus withdrawals since the account opened, minor units
     */
    long lifetimeNetDeposits(int accountId);

    /** @return the code of the last refused command, {@code null} before the first */
    RejectCode rejectCode();

    /** @return the message of the last refused command; a reused buffer, read it before the next command */
    CharSequence rejectMessage();

    /**
     * A hash of the whole state: trading day, counters, accounts, books in instrument order, lifetime totals.
     * Equal for two venues driven by the same commands, and for a venue and its restored snapshot.
     *
     * @return the hash
     */
    long stateHash();
}
