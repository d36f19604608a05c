package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;

/**
 * A 64-bit hash over everything a book's future behaviour depends on: phase, band, reference price, sequence
 * counters and every resting order (with its priority and, in the call auction, its minimum quantity) in the
 * book's defined order: per side the any-price queue, then the levels best first. Each value is folded in with a
 * fixed multiply-xorshift finaliser, so the result is the same on every JVM and platform. A book without auction
 * market orders or minimum quantities hashes exactly as before they existed (empty queues and zero minimums fold
 * nothing in), so hashes pinned by older snapshots stay valid.
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
        hash = side(hash, Side.BUY, state);
        return side(hash, Side.SELL, state);
    }

    private static long side(long start, Side side, BookState state) {
        long hash = start;
        for (int order = state.firstInPriority(side); order != OrderStore.NIL; order = state.nextInPriority(order)) {
            hash = order(hash, order, state);
        }
        return hash;
    }

    private static long order(long start, int order, BookState state) {
        OrderStore orders = state.orders;
        long hash = mix(start, orders.orderId(order));
        hash = mix(hash, orders.ownerId(order));
        hash = mix(hash, orders.price(order));
        hash = mix(hash, orders.remaining(order));
        hash = mix(hash, orders.timestampNs(order));
        hash = mix(hash, orders.arrival(order));
        hash = mix(hash, orders.side(order).code() | orders.type(order).code() << 8
            | orders.timeInForce(order).code() << 16 | orders.selfTradePrevention(order).code() << 24
            | (orders.postOnly(order) ? 1L << 32 : 0L));
        long minimum = state.minimums.of(order);
        return minimum == 0 ? hash : mix(hash, minimum);
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29);
    }
}
