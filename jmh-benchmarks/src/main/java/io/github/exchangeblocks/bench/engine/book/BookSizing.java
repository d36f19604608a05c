package io.github.exchangeblocks.bench.engine.book;

import io.github.exchangeblocks.engine.book.OrderBookSettings;

/**
 * How the measured exchange-blocks book is sized: the settings' default order hint, or a hint for a peak of
 * 2^16, 2^18 or 2^20 resting orders (what a venue sizing for its busiest day would give). The stream is the same
 * whatever the sizing; only the book's {@code expectedOrders} differs.
 */
public enum BookSizing {
    /** The settings' default hint (1,024 orders); the book grows as the stream fills it. */
    DEFAULT(0),
    /** Sized for 2^16 resting orders. */
    S2_16(1 << 16),
    /** Sized for 2^18 resting orders. */
    S2_18(1 << 18),
    /** Sized for 2^20 resting orders. */
    S2_20(1 << 20);

    private final int expectedOrders;

    BookSizing(int expectedOrders) {
        this.expectedOrders = expectedOrders;
    }

    /** The settings of the measured book: the stream's, with this sizing's order hint. */
    OrderBookSettings settings() {
        OrderBookSettings.Builder builder = OrderBookSettings.builder().instrumentId(1).expectedLevels(8_192);
        if (expectedOrders > 0) {
            builder.expectedOrders(expectedOrders);
        }
        return builder.build();
    }
}
