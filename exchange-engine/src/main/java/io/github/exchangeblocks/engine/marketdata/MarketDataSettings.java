package io.github.exchangeblocks.engine.marketdata;

import java.util.Arrays;

/**
 * The immutable, validated configuration of one instrument's market data. Build with {@link #builder()}; every
 * setter checks its value and {@link Builder#build()} checks the combination, throwing
 * {@link IllegalArgumentException} with a message naming the value and the rule. Thread-safe.
 *
 * <p>All capacities are allocated when the market data is created, so nothing grows on the hot path except the
 * depth mirror's level arrays and the pending delta batch, which grow (amortised) to the book's working size and
 * then stay.
 */
public final class MarketDataSettings {
    /** One minute in nanoseconds. */
    public static final long MINUTE_NS = 60_000_000_000L;
    /** One day (24 hours) in nanoseconds. */
    public static final long DAY_NS = 24 * 60 * MINUTE_NS;
    /** The most kline durations one instrument may keep, counting those added on demand. */
    public static final int MAX_KLINE_DURATIONS = 64;
    /** The most buckets the rolling ticker may keep ({@code tickerWindowNs / tickerBucketNs + 2}). */
    public static final int MAX_TICKER_BUCKETS = 1 << 22;

    private final long instrumentId;
    private final long[] klineDurationsNs;
    private final int klineCapacity;
    private final int tickCapacity;
    private final long tickerWindowNs;
    private final long tickerBucketNs;
    private final int quoteLevels;
    private final int expectedDepthLevels;

    private MarketDataSettings(Builder builder) {
        instrumentId = builder.instrumentId;
        klineDurationsNs = builder.klineDurationsNs.clone();
        klineCapacity = builder.klineCapacity;
        tickCapacity = builder.tickCapacity;
        tickerWindowNs = builder.tickerWindowNs;
        tickerBucketNs = builder.tickerBucketNs;
        quoteLevels = builder.quoteLevels;
        expectedDepthLevels = builder.expectedDepthLevels;
    }

    /**
     * A builder with the defaults: instrument 0, no kline durations registered up front, 10,000 bars per
     * duration, 10,000 ticks on the tape, a 24-hour ticker in one-minute buckets, 5 quote levels, 256 expected
     * depth levels per side.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The instrument id the market data belongs to (written into and checked against snapshots).
     *
     * @return 0 or more
     */
    public long instrumentId() {
        return instrumentId;
    }

    /**
     * The kline durations registered up front, ascending and distinct.
     *
     * @return a copy, never {@code null}
     */
    public long[] klineDurationsNs() {
        return klineDurationsNs.clone();
    }

    /**
     * How many bars each kline series keeps; the oldest bar is dropped when a new one would exceed it.
     *
     * @return 1 to 2^24
     */
    public int klineCapacity() {
        return klineCapacity;
    }

    /**
     * How many trade ticks the tape keeps; the oldest tick is dropped when a new one would exceed it.
     *
     * @return 1 to 2^24
     */
    public int tickCapacity() {
        return tickCapacity;
    }

    /**
     * The rolling ticker's window, in nanoseconds.
     *
     * @return positive, a multiple of {@link #tickerBucketNs()}
     */
    public long tickerWindowNs() {
        return tickerWindowNs;
    }

    /**
     * The rolling ticker's bucket width, in nanoseconds: trades are aggregated per bucket
     * ({@code floorDiv(timestampNs, tickerBucketNs)}) and a bucket leaves the window as a whole. With width 1 the
     * ticker is exact by trade time.
     *
     * @return positive
     */
    public long tickerBucketNs() {
        return tickerBucketNs;
    }

    /**
     * How many bid and ask levels the quote shows (DIFF {@code bid_price1..N}).
     *
     * @return 1 to 20
     */
    public int quoteLevels() {
        return quoteLevels;
    }

    /**
     * The number of price levels per side the depth mirror pre-allocates for.
     *
     * @return a positive capacity hint
     */
    public int expectedDepthLevels() {
        return expectedDepthLevels;
    }

    @Override
    public String toString() {
        return "MarketDataSettings{instrumentId=" + instrumentId + ", klineDurationsNs="
            + Arrays.toString(klineDurationsNs) + ", klineCapacity=" + klineCapacity + ", tickCapacity="
            + tickCapacity + ", tickerWindowNs=" + tickerWindowNs + ", tickerBucketNs=" + tickerBucketNs
            + ", quoteLevels=" + quoteLevels + ", expectedDepthLevels=" + expectedDepthLevels + '}';
    }

    /**
     * Collects and validates settings. Not thread-safe; each setter returns this builder.
     */
    public static final class Builder {
        private long instrumentId;
        private long[] klineDurationsNs = new long[0];
        private int klineCapacity = 10_000;
        private int tickCapacity = 10_000;
        private long tickerWindowNs = DAY_NS;
        private long tickerBucketNs = MINUTE_NS;
        private int quoteLevels = 5;
        private int expectedDepthLevels = 256;

        private Builder() {
        }

        /**
         * Sets the instrument id.
         *
         * @param value 0 or more
         * @return this builder
         */
        public Builder instrumentId(long value) {
            instrumentId = requireRange("instrumentId", value, 0, Long.MAX_VALUE);
            return this;
        }

        /**
         * Sets the kline durations registered up front (more can be added later with
         * {@link InstrumentMarketData#addKlineDuration(long)}); the order given does not matter.
         *
         * @param values positive and distinct, at most {@link MarketDataSettings#MAX_KLINE_DURATIONS} of them,
         *     not {@code null}
         * @return this builder
         */
        public Builder klineDurationsNs(long... values) {
            if (values == null) {
                throw new IllegalArgumentException("klineDurationsNs=null must not be null");
            }
            if (values.length > MAX_KLINE_DURATIONS) {
                throw new IllegalArgumentException("klineDurationsNs.length=" + values.length + " must be <= "
                    + MAX_KLINE_DURATIONS);
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                requireDuration(sorted[i]);
                if (i > 0 && sorted[i] == sorted[i - 1]) {
                    throw new IllegalArgumentException("klineDurationsNs contains " + sorted[i]
                        + " twice; durations must be distinct");
                }
            }
            klineDurationsNs = sorted;
            return this;
        }

        /**
         * Sets the number of bars kept per kline duration.
         *
         * @param value 1 to 2^24
         * @return this builder
         */
        public Builder klineCapacity(int value) {
            klineCapacity = (int) requireRange("klineCapacity", value, 1, 1 << 24);
            return this;
        }

        /**
         * Sets the number of ticks the trade tape keeps.
         *
         * @param value 1 to 2^24
         * @return this builder
         */
        public Builder tickCapacity(int value) {
            tickCapacity = (int) requireRange("tickCapacity", value, 1, 1 << 24);
            return this;
        }

        /**
         * Sets the rolling ticker's window and bucket width.
         *
         * @param windowNs the window, positive and a multiple of {@code bucketNs}
         * @param bucketNs the bucket width, positive, with {@code windowNs / bucketNs + 2} at most
         *     {@link MarketDataSettings#MAX_TICKER_BUCKETS}
         * @return this builder
         */
        public Builder ticker(long windowNs, long bucketNs) {
            requireRange("tickerWindowNs", windowNs, 1, Long.MAX_VALUE / 4);
            requireRange("tickerBucketNs", bucketNs, 1, Long.MAX_VALUE / 4);
            if (windowNs % bucketNs != 0) {
                throw new IllegalArgumentException("tickerWindowNs=" + windowNs
                    + " must be a multiple of tickerBucketNs=" + bucketNs);
            }
            if (windowNs / bucketNs > MAX_TICKER_BUCKETS - 2) {
                throw new IllegalArgumentException("tickerWindowNs/tickerBucketNs=" + windowNs / bucketNs
                    + " must be <= " + (MAX_TICKER_BUCKETS - 2));
            }
            tickerWindowNs = windowNs;
            tickerBucketNs = bucketNs;
            return this;
        }

        /**
         * Sets the number of quote levels per side.
         *
         * @param value 1 to 20
         * @return this builder
         */
        public Builder quoteLevels(int value) {
            quoteLevels = (int) requireRange("quoteLevels", value, 1, 20);
            return this;
        }

        /**
         * Sets the capacity hint for depth levels per side.
         *
         * @param value 1 to 2^24
         * @return this builder
         */
        public Builder expectedDepthLevels(int value) {
            expectedDepthLevels = (int) requireRange("expectedDepthLevels", value, 1, 1 << 24);
            return this;
        }

        /**
         * Builds the settings (every value was checked when it was set).
         *
         * @return the settings
         */
        public MarketDataSettings build() {
            return new MarketDataSettings(this);
        }

        static long requireDuration(long durationNs) {
            return requireRange("durationNs", durationNs, 1, Long.MAX_VALUE / 4);
        }

        private static long requireRange(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + "=" + value + " must be in " + min + ".." + max);
            }
            return value;
        }
    }
}
