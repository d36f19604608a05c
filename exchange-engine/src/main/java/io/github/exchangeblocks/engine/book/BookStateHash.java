package io.github.exchangeblocks.engine.book;

/**
 * A 64-bit hash over everything a book's future behaviour depends on: phase, band, reference price, sequence
 * counters and every resting order (with its priority) in the book's defined order. Each value is folded in with
 * a fixed multiply-xorshift finaliser, so the result is the same on every JVM and platform.
 */
final class BookStateHash {
    private static final long SEED = 0x6A09E667F3BCC909L;

    private BookStateHash() {
    }

    static long of(BookState state) {
        long hash = SEED;
        hash = mix(hash, state.phase.code());
        hash = mix(hash, state.settings.instrumentId());
        hash = mix(hash, state.bandLow);
        hash = mix(hash, state.bandHigh);
        hash = mix(hash, state.referencePrice);
        hash = mix(hash, state.lastArrival);
        hash = mix(hash, state.lastTradeId);
        hash = mix(hash, state.lastLevelSequence);
        hash = mix(hash, state.index.size());
        hash = side(hash, state.bids, state.orders);
        return side(hash, state.asks, state.orders);
    }

    private static long side(long start, BookSide side, OrderStore orders) {
        long hash = start;
        for (int level = side.best(); level != BookSide.NONE; level = side.worse(level)) {
            for (int order = side.head(level); order != OrderStore.NIL; order = orders.next(order)) {
                hash = mix(hash, orders.orderId(order));
                hash = mix(hash, orders.ownerId(order));
                hash = mix(hash, orders.price(order));
                hash = mix(hash, orders.remaining(order));
                hash = mix(hash, orders.timestampNs(order));
                hash = mix(hash, orders.arrival(order));
                hash = mix(hash, orders.side(order).code() | orders.type(order).code() << 8
                    | orders.timeInForce(order).code() << 16 | orders.selfTradePrevention(order).code() << 24
                    | (orders.postOnly(order) ? 1L << 32 : 0L));
            }
        }
        return hash;
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29);
    }
}
