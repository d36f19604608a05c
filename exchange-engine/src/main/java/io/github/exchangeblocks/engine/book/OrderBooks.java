package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookListener;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Creates order books: with {@link OrderBookSettings} and {@link OrderBookRegistry}, the public entry points of
 * this package.
 */
public final class OrderBooks {
    private OrderBooks() {
    }

    /**
     * Creates an empty book in the settings' initial phase.
     *
     * @param settings the validated settings, not {@code null}
     * @param listener receives every event on the driving thread, not {@code null}
     * @return a new book, to be driven by one thread at a time
     */
    public static OrderBook create(OrderBookSettings settings, OrderBookListener listener) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        return new LimitOrderBook(new BookState(settings, listener));
    }

    /**
     * Creates a book from a snapshot written by {@link OrderBook#writeSnapshot(ByteBuffer)}: same orders, same time
     * priority, same counters, same {@link OrderBook#stateHash()}. Reports no events. Advances the buffer past the
     * snapshot.
     *
     * @param settings the settings of the book that wrote the snapshot (the instrument id must match)
     * @param listener receives the restored book's events, not {@code null}
     * @param snapshot the snapshot bytes from the buffer's position, not {@code null}
     * @return the restored book
     * @throws IllegalArgumentException if the bytes are not a valid snapshot of this version and instrument
     */
    public static OrderBook restore(OrderBookSettings settings, OrderBookListener listener, ByteBuffer snapshot) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(snapshot, "snapshot");
        BookState state = new BookState(settings, listener);
        BookSnapshotCodec.read(snapshot, state);
        return new LimitOrderBook(state);
    }
}
