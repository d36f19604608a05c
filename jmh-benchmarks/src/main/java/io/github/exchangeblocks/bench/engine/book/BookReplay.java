package io.github.exchangeblocks.bench.engine.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookListener;
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
        TREEMAP
    }

    private static final Map<BookShape, MixedStream> STREAMS = new EnumMap<>(BookShape.class);

    final MixedStream stream;
    final Impl impl;
    final CountingListener listener = new CountingListener();
    private final OrderBook book;
    private final TreeMapBook baseline = new TreeMapBook();
    private long clock;

    BookReplay(BookShape shape, Impl impl) {
        this.stream = streamFor(shape);
        this.impl = impl;
        this.book = OrderBooks.create(MixedStream.settings(shape), listener);
    }

    static synchronized MixedStream streamFor(BookShape shape) {
        return STREAMS.computeIfAbsent(shape, MixedStream::generate);
    }

    /** Empties the book and replays the prefill. */
    void reset() {
        if (impl == Impl.EXCHANGE_BLOCKS) {
            book.massCancel(++clock);
        } else {
            baseline.reset();
        }
        for (int i = 0; i < stream.prefillLength; i++) {
            apply(i);
        }
    }

    /** Applies command {@code i}; returns 1 when accepted. */
    int apply(int i) {
        boolean accepted = impl == Impl.EXCHANGE_BLOCKS ? MixedStream.apply(book, stream, i, ++clock)
            : baseline.apply(stream, i);
        return accepted ? 1 : 0;
    }

    int orderCount() {
        return impl == Impl.EXCHANGE_BLOCKS ? book.orderCount() : baseline.orderCount();
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
