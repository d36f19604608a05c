package io.github.exchangeblocks.engine.book;

/**
 * A positive unit that values must be multiples of (tick size, lot size), with the two questions the book asks
 * on every command. For a power-of-two unit (including 1) they are a mask and a shift instead of a 64-bit
 * division, which costs tens of cycles; other units divide. Immutable.
 */
final class Granularity {
    /** The unit, {@code > 0}. */
    final long unit;
    private final boolean powerOfTwo;
    private final long mask;
    private final int shift;

    Granularity(long unit) {
        if (unit <= 0) {
            throw new IllegalArgumentException("unit=" + unit + " must be > 0");
        }
        this.unit = unit;
        this.powerOfTwo = Long.bitCount(unit) == 1;
        this.mask = unit - 1;
        this.shift = Long.numberOfTrailingZeros(unit);
    }

    /** Whether {@code value} (any sign) is a whole multiple of the unit. */
    boolean divides(long value) {
        return powerOfTwo ? (value & mask) == 0 : value % unit == 0;
    }

    /** {@code value / unit} for {@code value >= 0}. */
    long quotient(long value) {
        return powerOfTwo ? value >>> shift : value / unit;
    }
}
