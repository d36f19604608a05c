package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;

/**
 * The immutable, validated configuration of one order book. Build with {@link #builder()}; every setter checks its
 * value and {@link Builder#build()} checks the combination, throwing {@link IllegalArgumentException} with a
 * message naming the value and the rule. Thread-safe.
 *
 * <p>Prices and quantities are fixed-point {@code long}s in the instrument's units; {@code tickSize} and
 * {@code lotSize} are in those units (a price is valid when it is a positive multiple of the tick size).
 */
public final class OrderBookSettings {
    private final long instrumentId;
    private final long tickSize;
    private final long lotSize;
    private final long maxQuantity;
    private final long priceBandLow;
    private final long priceBandHigh;
    private final SelfTradePrevention selfTradePrevention;
    private final TradingPhase initialPhase;
    private final int expectedOrders;
    private final int expectedLevels;
    private final int maxPriceSpanTicks;

    private OrderBookSettings(Builder builder) {
        instrumentId = builder.instrumentId;
        tickSize = builder.tickSize;
        lotSize = builder.lotSize;
        maxQuantity = builder.maxQuantity;
        priceBandLow = builder.priceBandLow;
        priceBandHigh = builder.priceBandHigh;
        selfTradePrevention = builder.selfTradePrevention;
        initialPhase = builder.initialPhase;
        expectedOrders = builder.expectedOrders;
        expectedLevels = builder.expectedLevels;
        maxPriceSpanTicks = builder.maxPriceSpanTicks;
    }

    /**
     * A builder with the defaults: instrument 0, tick 1, lot 1, maximum quantity 10^12, no price band,
     * self-trade prevention NONE, initial phase CONTINUOUS, 1,024 expected orders, 256 expected levels per side,
     * a maximum price span of 2^20 ticks per side.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The instrument id the book reports.
     *
     * @return 0 or more
     */
    public long instrumentId() {
        return instrumentId;
    }

    /**
     * The price step: valid prices are positive multiples of it.
     *
     * @return a positive value in price units
     */
    public long tickSize() {
        return tickSize;
    }

    /**
     * The quantity step: valid quantities are positive multiples of it.
     *
     * @return a positive value in quantity units
     */
    public long lotSize() {
        return lotSize;
    }

    /**
     * The largest quantity one order may have.
     *
     * @return a positive multiple of {@link #lotSize()}
     */
    public long maxQuantity() {
        return maxQuantity;
    }

    /**
     * The initial lowest accepted limit price (in the call auction also the lowest accepted market protection
     * price, since a protected market order rests there at that price).
     *
     * @return the price, or {@link OrderBookView#NULL_PRICE} when there is no lower bound
     */
    public long priceBandLow() {
        return priceBandLow;
    }

    /**
     * The initial highest accepted limit price (in the call auction also the highest accepted market protection
     * price).
     *
     * @return the price, or {@link OrderBookView#NULL_PRICE} when there is no upper bound
     */
    public long priceBandHigh() {
        return priceBandHigh;
    }

    /**
     * The book's default self-trade prevention mode.
     *
     * @return never BOOK_DEFAULT and never {@code null}
     */
    public SelfTradePrevention selfTradePrevention() {
        return selfTradePrevention;
    }

    /**
     * The phase a new book starts in.
     *
     * @return never {@code null}
     */
    public TradingPhase initialPhase() {
        return initialPhase;
    }

    /**
     * The number of resting orders the book pre-allocates for.
     *
     * @return a positive capacity hint
     */
    public int expectedOrders() {
        return expectedOrders;
    }

    /**
     * The number of price levels per side the book pre-allocates for.
     *
     * @return a positive capacity hint
     */
    public int expectedLevels() {
        return expectedLevels;
    }

    /**
     * The largest distance, in ticks, between the lowest and the highest resting price of one side, plus one: an
     * order that could rest at a price that would make its side span {@code maxPriceSpanTicks} ticks or more is
     * rejected ({@code BOOK_PRICE_SPAN_EXCEEDED}); in the call auction that includes every order with a price
     * (a protected market order rests at its protection price) but not a market order without protection price,
     * which rests in no level. It bounds the memory of the direct-mapped price ladder (about 4 bytes per tick of
     * span per side, allocated only as the span grows).
     *
     * @return 64 to 2^26
     */
    public int maxPriceSpanTicks() {
        return maxPriceSpanTicks;
    }

    @Override
    public String toString() {
        return "OrderBookSettings{instrumentId=" + instrumentId + ", tickSize=" + tickSize + ", lotSize=" + lotSize
            + ", maxQuantity=" + maxQuantity + ", priceBand=" + priceBandLow + ".." + priceBandHigh
            + ", selfTradePrevention=" + selfTradePrevention + ", initialPhase=" + initialPhase
            + ", expectedOrders=" + expectedOrders + ", expectedLevels=" + expectedLevels + ", maxPriceSpanTicks="
            + maxPriceSpanTicks + '}';
    }

    /**
     * Collects and validates settings. Not thread-safe; each setter returns this builder.
     */
    public static final class Builder {
        private long instrumentId;
        private long tickSize = 1;
        private long lotSize = 1;
        private long maxQuantity = 1_000_000_000_000L;
        private long priceBandLow = OrderBookView.NULL_PRICE;
        private long priceBandHigh = OrderBookView.NULL_PRICE;
        private SelfTradePrevention selfTradePrevention = SelfTradePrevention.NONE;
        private TradingPhase initialPhase = TradingPhase.CONTINUOUS;
        private int expectedOrders = 1024;
        private int expectedLevels = 256;
        private int maxPriceSpanTicks = 1 << 20;

        private Builder() {
        }

        /**
         * Sets the maximum price span of one side, in ticks (see {@link OrderBookSettings#maxPriceSpanTicks()}).
         *
         * @param value 64 to 2^26
         * @return this builder
         */
        public Builder maxPriceSpanTicks(int value) {
            maxPriceSpanTicks = (int) requireRange("maxPriceSpanTicks", value, 64, 1 << 26);
            return this;
        }

        /**
         * Sets the instrument id.
         *
         * @param value 0 or more
         * @return this builder
         */
        public Builder instrumentId(long value) {
            instrumentId = requireAtLeast("instrumentId", value, 0);
            return this;
        }

        /**
         * Sets the tick size.
         *
         * @param value positive, in price units
         * @return this builder
         */
        public Builder tickSize(long value) {
            tickSize = requireAtLeast("tickSize", value, 1);
            return this;
        }

        /**
         * Sets the lot size.
         *
         * @param value positive, in quantity units
         * @return this builder
         */
        public Builder lotSize(long value) {
            lotSize = requireAtLeast("lotSize", value, 1);
            return this;
        }

        /**
         * Sets the maximum order quantity.
         *
         * @param value positive, at most 2^53 so that sums over a level cannot overflow, and on the lot
         * @return this builder
         */
        public Builder maxQuantity(long value) {
            requireAtLeast("maxQuantity", value, 1);
            if (value > (1L << 53)) {
                throw new IllegalArgumentException("maxQuantity=" + value + " must be <= 2^53");
            }
            maxQuantity = value;
            return this;
        }

        /**
         * Sets the initial price band; {@link OrderBookView#NULL_PRICE} leaves that bound open.
         *
         * @param low the lowest accepted price, or NULL_PRICE
         * @param high the highest accepted price, or NULL_PRICE
         * @return this builder
         */
        public Builder priceBand(long low, long high) {
            requireAtLeast("priceBandLow", low, 0);
            requireAtLeast("priceBandHigh", high, 0);
            if (low != OrderBookView.NULL_PRICE && high != OrderBookView.NULL_PRICE && low > high) {
                throw new IllegalArgumentException("priceBandLow=" + low + " must be <= priceBandHigh=" + high);
            }
            priceBandLow = low;
            priceBandHigh = high;
            return this;
        }

        /**
         * Sets the default self-trade prevention mode.
         *
         * @param value any mode but BOOK_DEFAULT
         * @return this builder
         */
        public Builder selfTradePrevention(SelfTradePrevention value) {
            if (value == null || value == SelfTradePrevention.BOOK_DEFAULT) {
                throw new IllegalArgumentException("selfTradePrevention=" + value
                    + " must be a concrete mode (not null, not BOOK_DEFAULT)");
            }
            selfTradePrevention = value;
            return this;
        }

        /**
         * Sets the phase a new book starts in.
         *
         * @param value not {@code null}
         * @return this builder
         */
        public Builder initialPhase(TradingPhase value) {
            if (value == null) {
                throw new IllegalArgumentException("initialPhase=null must not be null");
            }
            initialPhase = value;
            return this;
        }

        /**
         * Sets the capacity hint for resting orders. Memory for the order records and the order index is reserved
         * for it up front and never released; size it for the peak so that no growth (allocation) happens while
         * trading. A generous hint costs memory, not speed: the part of the index in use follows the number of
         * live orders (it doubles and halves with it, rehashing inside the reservation), and records are reused
         * most recently freed first, so a book with a few hundred live orders touches a few kilobytes whatever the
         * hint. Memory: about 72 bytes a record plus 30 to 59 bytes of index per expected order (a power-of-two
         * table for the hint at most 3/8 full, and the scratch space a rehash needs). At most about 2^28 orders
         * can rest in one book at once, whatever the hint. (The call auction's table of minimum quantities is not
         * pre-sized: it grows, by doubling, the first times orders with a minimum are collected.)
         *
         * @param value 1 to 2^28
         * @return this builder
         */
        public Builder expectedOrders(int value) {
            expectedOrders = (int) requireRange("expectedOrders", value, 1, 1 << 28);
            return this;
        }

        /**
         * Sets the capacity hint for price levels per side.
         *
         * @param value 1 to 2^24
         * @return this builder
         */
        public Builder expectedLevels(int value) {
            expectedLevels = (int) requireRange("expectedLevels", value, 1, 1 << 24);
            return this;
        }

        /**
         * Validates the combination and builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException if the maximum quantity or the band is not on the lot / tick
         */
        public OrderBookSettings build() {
            if (maxQuantity % lotSize != 0) {
                throw new IllegalArgumentException("maxQuantity=" + maxQuantity + " must be a multiple of lotSize="
                    + lotSize);
            }
            if (priceBandLow % tickSize != 0 || priceBandHigh % tickSize != 0) {
                throw new IllegalArgumentException("priceBand=" + priceBandLow + ".." + priceBandHigh
                    + " must be multiples of tickSize=" + tickSize);
            }
            return new OrderBookSettings(this);
        }

        private static long requireAtLeast(String name, long value, long min) {
            if (value < min) {
                throw new IllegalArgumentException(name + "=" + value + " must be >= " + min);
            }
            return value;
        }

        private static long requireRange(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + "=" + value + " must be in " + min + ".." + max);
            }
            return value;
        }
    }
}
