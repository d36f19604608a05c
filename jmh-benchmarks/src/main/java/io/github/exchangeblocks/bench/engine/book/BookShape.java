package io.github.exchangeblocks.bench.engine.book;

/**
 * The two book depths of the benchmark: how many orders the stream keeps live and how far from the top passive
 * orders are placed (mean distance in ticks, exponentially distributed), which sets the number of levels.
 */
public enum BookShape {
    /** About 1,000 live orders over about 200 levels. */
    SHALLOW(1_000, 35, 200_000),
    /** About 80,000 live orders over about 4,000 levels. */
    DEEP(80_000, 400, 200_000);

    final int targetOrders;
    final double meanOffsetTicks;
    final int streamLength;

    BookShape(int targetOrders, double meanOffsetTicks, int streamLength) {
        this.targetOrders = targetOrders;
        this.meanOffsetTicks = meanOffsetTicks;
        this.streamLength = streamLength;
    }
}
