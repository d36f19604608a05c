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
        hash = side(hash, state.bids);
        return side(hash, state.asks);
    }

    private static long side(long start, BookSide side) {
        long hash = start;
        for (PriceLevel level = side.best(); level != null; level = side.worse(level.price)) {
            for (OrderNode node = level.head; node != null; node = node.next) {
                hash = mix(hash, node.orderId);
                hash = mix(hash, node.ownerId);
                hash = mix(hash, node.price);
                hash = mix(hash, node.remaining);
                hash = mix(hash, node.timestampNs);
                hash = mix(hash, node.arrival);
                hash = mix(hash, node.side.code() | node.type.code() << 8 | node.timeInForce.code() << 16
                    | node.selfTradePrevention.code() << 24 | (node.postOnly ? 1L << 32 : 0L));
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
