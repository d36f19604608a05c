package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.book.OrderBook;
import java.util.Arrays;

/**
 * The books of one venue, one per instrument, with the commands that span instruments: mass cancel by owner
 * across every book, mass cancel of everything, and the end-of-day expiry of good-for-day orders. Each reaches
 * the books in ascending instrument id, so the events they report come in an order that replays identically.
 * "By owner and instrument" is {@link OrderBook#massCancelByOwner} on {@link #book(long)}.
 *
 * <p>Books are kept in an array sorted by instrument id: registering is rare and costs a copy, lookups are a
 * binary search, and the cross-book commands iterate the array, allocating nothing. Not thread-safe: the thread
 * that drives the books drives the registry.
 */
public final class OrderBookRegistry {
    private long[] instrumentIds = new long[0];
    private OrderBook[] books = new OrderBook[0];

    /** Creates an empty registry. */
    public OrderBookRegistry() {
        // Books arrive through register.
    }

    /**
     * Adds a book under its {@link OrderBook#instrumentId()}.
     *
     * @param book the book, not {@code null}
     * @throws IllegalArgumentException if {@code book} is {@code null} or a book of the same instrument is
     *     already registered (the registry is then unchanged)
     */
    public void register(OrderBook book) {
        if (book == null) {
            throw new IllegalArgumentException("book=null must not be null");
        }
        long instrumentId = book.instrumentId();
        int at = Arrays.binarySearch(instrumentIds, instrumentId);
        if (at >= 0) {
            throw new IllegalArgumentException("instrumentId=" + instrumentId + " is already registered");
        }
        int insertAt = -at - 1;
        long[] ids = new long[instrumentIds.length + 1];
        OrderBook[] grown = new OrderBook[books.length + 1];
        System.arraycopy(instrumentIds, 0, ids, 0, insertAt);
        System.arraycopy(books, 0, grown, 0, insertAt);
        ids[insertAt] = instrumentId;
        grown[insertAt] = book;
        System.arraycopy(instrumentIds, insertAt, ids, insertAt + 1, instrumentIds.length - insertAt);
        System.arraycopy(books, insertAt, grown, insertAt + 1, books.length - insertAt);
        instrumentIds = ids;
        books = grown;
    }

    /**
     * Removes the book of an instrument (delisting); its resting orders are the host's to cancel first.
     *
     * @param instrumentId the instrument
     * @return the removed book, or {@code null} if none was registered under that id
     */
    public OrderBook unregister(long instrumentId) {
        int at = Arrays.binarySearch(instrumentIds, instrumentId);
        if (at < 0) {
            return null;
        }
        OrderBook removed = books[at];
        int after = books.length - at - 1;
        long[] ids = new long[instrumentIds.length - 1];
        OrderBook[] shrunk = new OrderBook[books.length - 1];
        System.arraycopy(instrumentIds, 0, ids, 0, at);
        System.arraycopy(books, 0, shrunk, 0, at);
        System.arraycopy(instrumentIds, at + 1, ids, at, after);
        System.arraycopy(books, at + 1, shrunk, at, after);
        instrumentIds = ids;
        books = shrunk;
        return removed;
    }

    /**
     * The book of an instrument.
     *
     * @param instrumentId the instrument
     * @return its book, or {@code null} if none is registered
     */
    public OrderBook book(long instrumentId) {
        int at = Arrays.binarySearch(instrumentIds, instrumentId);
        return at < 0 ? null : books[at];
    }

    /** The number of registered books. */
    public int size() {
        return books.length;
    }

    /**
     * Cancels every resting order of one owner in every book, in ascending instrument id, each book reporting its
     * cancels (reason {@code MASS_CANCEL}) to its own listener.
     *
     * @param timestampNs the command's timestamp, given to every book
     * @param ownerId the owner
     * @return the number of orders cancelled across all books
     */
    public int massCancelByOwner(long timestampNs, long ownerId) {
        int cancelled = 0;
        for (OrderBook book : books) {
            cancelled += book.massCancelByOwner(timestampNs, ownerId);
        }
        return cancelled;
    }

    /**
     * Cancels every resting order in every book, in ascending instrument id.
     *
     * @param timestampNs the command's timestamp, given to every book
     * @return the number of orders cancelled across all books
     */
    public int massCancel(long timestampNs) {
        int cancelled = 0;
        for (OrderBook book : books) {
            cancelled += book.massCancel(timestampNs);
        }
        return cancelled;
    }

    /**
     * Expires every good-for-day order in every book, in ascending instrument id; the host calls it when it closes
     * the trading day.
     *
     * @param timestampNs the command's timestamp, given to every book
     * @return the number of orders expired across all books
     */
    public int expireDayOrders(long timestampNs) {
        int expired = 0;
        for (OrderBook book : books) {
            expired += book.expireDayOrders(timestampNs);
        }
        return expired;
    }
}
