package io.github.exchangeblocks.engine.instrument;

/**
 * Exact fixed-point helpers on non-negative {@code long}s: {@code a * b / c} with a 128-bit intermediate product,
 * rounded down or up. Allocation-free; the common case (product fits in 63 bits) costs one multiply and one divide.
 *
 * <p>Stateless and thread-safe.
 */
public final class FixedPoint {
    private FixedPoint() {
    }

    /**
     * {@code floor(a * b / c)} computed exactly.
     *
     * @param a non-negative factor
     * @param b non-negative factor
     * @param c positive divisor
     * @return the rounded-down quotient
     * @throws ArithmeticException if an argument is out of range or the quotient does not fit in a {@code long}
     */
    public static long mulDivFloor(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new ArithmeticException("mulDiv needs a>=0, b>=0, c>0: a=" + a + " b=" + b + " c=" + c);
        }
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            return lo / c;
        }
        return divide128(hi, lo, c, false);
    }

    /**
     * {@code ceil(a * b / c)} computed exactly.
     *
     * @param a non-negative factor
     * @param b non-negative factor
     * @param c positive divisor
     * @return the rounded-up quotient
     * @throws ArithmeticException if an argument is out of range or the quotient does not fit in a {@code long}
     */
    public static long mulDivCeil(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new ArithmeticException("mulDiv needs a>=0, b>=0, c>0: a=" + a + " b=" + b + " c=" + c);
        }
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            long q = lo / c;
            return q * c == lo ? q : q + 1;
        }
        return divide128(hi, lo, c, true);
    }

    private static long divide128(long hi, long lo, long c, boolean roundUp) {
        if (Long.compareUnsigned(hi, c) >= 0) {
            throw new ArithmeticException("mulDiv quotient does not fit in a long");
        }
        long rem = hi;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--) {
            rem = (rem << 1) | ((lo >>> bit) & 1L);
            quotient <<= 1;
            if (Long.compareUnsigned(rem, c) >= 0) {
                rem -= c;
                quotient |= 1L;
            }
        }
        if (quotient < 0) {
            throw new ArithmeticException("mulDiv quotient does not fit in a long");
        }
        if (roundUp && rem != 0) {
            return Math.addExact(quotient, 1L);
        }
        return quotient;
    }
}
