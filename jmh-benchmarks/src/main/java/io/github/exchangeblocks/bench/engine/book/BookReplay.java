package io.github.exchangeblocks.bench.engine.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.engine.book.OrderBookSettings;
import io.github.exchangeblocks.engine.book.OrderBooks;
import java.util.EnumMap;
import java.util.Map;

/**
 * One book under test plus the stream it replays: resets to the prefilled shape (outside any measurement) and
 * applies measured commands one by one. Shared by the JMH benchmark and the latency tool.
 */
final class BookReplay {
    /** Which book. */
    enum Impl {
        /** The exchange-blocks order book. */
        EXCHANGE_BLOCKS,
        /** The plain TreeMap baseline. */
        TREEMAP,
        /** exchange-core 0.5.3's direct order book (run it in its own JVM, see {@link ExchangeCoreBookBenchmark}). */
        EXCHANGE_CORE
    }

    private static final Map<BookShape, MixedStream> STREAMS = new EnumMap<>(BookShape.class);

    final MixedStream stream;
    final Impl impl;
    final CountingListener listener = new CountingListener();
    private final OrderBook book;
    private final TreeMapBook baseline;
    private final ExchangeCoreBook exchangeCore;
    private long clock;

    /** A replay into a book sized as the stream's generator was (twice the shape's target order count). */
    BookReplay(BookShape shape, Impl impl) {
        this(shape, impl, MixedStream.settings(shape));
    }

    /** A replay into a book with the given sizing (used by the exchange-blocks book only). */
    BookReplay(BookShape shape, Impl impl, BookSizing sizing) {
        this(shape, impl, sizing.settings());
    }

    private BookReplay(BookShape shape, Impl impl, OrderBookSettings settings) {
        this.stream = streamFor(shape);
        this.impl = impl;
        this.book = impl == Impl.EXCHANGE_BLOCKS ? OrderBooks.create(settings, listener) : null;
        this.baseline = impl == Impl.TREEMAP ? new TreeMapBook() : null;
        this.exchangeCore = impl == Impl.EXCHANGE_CORE ? new ExchangeCoreBook() : null;
    }

    static synchronized MixedStream streamFor(BookShape shape) {
        return STREAMS.computeIfAbsent(shape, MixedStream::generate);
    }

    /** Empties the book and replays the prefill. */
    void reset() {
        if (impl == Impl.EXCHANGE_BLOCKS) {
            book.massCancel(++clock);
        } else if (impl == Impl.TREEMAP) {
            baseline.reset();
        } else {
            exchangeCore.reset();
        }
        for (int i = 0; i < stream.prefillLength; i++) {
            apply(i);
        }
    }

    /** Applies command {@code i}; returns 1 when accepted. */
    int apply(int i) {
        boolean accepted = impl == Impl.EXCHANGE_BLOCKS ? MixedStream.apply(book, stream, i, ++clock)
            : impl == Impl.TREEMAP ? baseline.apply(stream, i) : exchangeCore.apply(stream, i, ++clock);
        return accepted ? 1 : 0;
    }

    int orderCount() {
        return impl == Impl.EXCHANGE_BLOCKS ? book.orderCount()
            : impl == Impl.TREEMAP ? baseline.orderCount() : exchangeCore.orderCount();
    }

    /** The trades the book reported since it was created. */
    long trades() {
        return impl == Impl.EXCHANGE_BLOCKS ? listener.trades
            : impl == Impl.TREEMAP ? baseline.trades : exchangeCore.trades;
    }

    /** The quantity the book reported traded since it was created. */
    long tradedQuantity() {
        return impl == Impl.EXCHANGE_BLOCKS ? listener.tradedQuantity
            : impl == Impl.TREEMAP ? baseline.tradedQuantity : exchangeCore.tradedQuantity;
    }

    String levels() {
        return impl == Impl.EXCHANGE_BLOCKS ? book.levelCount(Side.BUY) + "+" + book.levelCount(Side.SELL) : "-";
    }

    /** Consumes events the way a thin host would: counts and sums, so nothing is optimised away. */
    static final class CountingListener implements OrderBookListener {
        long trades;
        long tradedQuantity;
        long levelEvents;
        long cancels;

        @Override
        public void onTrade(long timestampNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                            long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                            long takerRemaining) {
            trades++;
            tradedQuantity += quantity;
        }

        @Override
        public void onLevelChanged(long timestampNs, long sequence, Side side, long price, long totalQuantity,
                                   int orderCount) {
            levelEvents++;
        }

        @Override
        public void onCancelled(long timestampNs, long orderId, long ownerId, Side side, long price,
                                long cancelledQuantity, long remainingQuantity,
                                CancelReason reason) {
            cancels++;
        }
    }
}
