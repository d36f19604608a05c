package io.github.exchangeblocks.examples.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per caller key (a user name, or an address before login): each holds up to {@code burst} tokens,
 * refilled at {@code perSecond}; a request takes one or is refused. Thread-safe; buckets of idle keys that are full
 * again are dropped once the map holds more than {@code 10_000} keys.
 */
final class RateLimiter {
    private static final int PRUNE_ABOVE = 10_000;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long nanosPerToken;
    private final long capacityNanos;
    private final LongSupplier nanoClock;

    RateLimiter(int perSecond, int burst, LongSupplier nanoClock) {
        this.nanosPerToken = 1_000_000_000L / perSecond;
        this.capacityNanos = nanosPerToken * burst;
        this.nanoClock = nanoClock;
    }

    /** @return true if {@code key} may make one more request now */
    boolean tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now - capacityNanos)).take(now);
    }

    /**
     * A bucket kept as the time at which it was empty ("theoretical arrival time"): tokens available are
     * {@code (now - emptyAt) / nanosPerToken}, capped at the burst.
     */
    private final class Bucket {
        private long emptyAt;

        Bucket(long emptyAt) {
            this.emptyAt = emptyAt;
        }

        synchronized boolean take(long now) {
            long start = Math.max(emptyAt, now - capacityNanos);
            if (now - start < nanosPerToken) {
                return false;
            }
            emptyAt = start + nanosPerToken;
            return true;
        }

        synchronized boolean fullAt(long now) {
            return now - emptyAt >= capacityNanos;
        }
    }
}
