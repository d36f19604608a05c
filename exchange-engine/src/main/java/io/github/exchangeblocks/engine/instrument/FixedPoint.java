package io.github.exchangeblocks.engine.instrument;

import io.github.exchangeblocks.api.instrument.Rounding;

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

    /**
     * {@code a * b / c} computed exactly and rounded to a whole number by {@code rounding}.
     *
     * @param a        non-negative factor
     * @param b        non-negative factor
     * @param c        positive divisor
     * @param rounding how the fraction is rounded, not {@code null}
     * @return the rounded quotient
     * @throws ArithmeticException if an argument is out of range or the quotient does not fit in a {@code long}
     */
    public static long mulDiv(long a, long b, long c, Rounding rounding) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new ArithmeticException("mulDiv needs a>=0, b>=0, c>0: a=" + a + " b=" + b + " c=" + c);
        }
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long q = hi == 0 && lo >= 0 ? lo / c : divide128(hi, lo, c, false);
        return round(q, lo - q * c, c, rounding);
    }

    /**
     * The remainder of {@code a * b / c}: {@code a * b - floor(a * b / c) * c}, exact (the arithmetic wraps
     * modulo 2^64 but the true result lies in {@code 0..c-1}).
     *
     * @param a non-negative factor
     * @param b non-negative factor
     * @param c positive divisor
     * @return the remainder, {@code 0..c-1}
     * @throws ArithmeticException if an argument is out of range or the quotient does not fit in a {@code long}
     */
    public static long mulMod(long a, long b, long c) {
        long q = mulDivFloor(a, b, c);
        return a * b - q * c;
    }

    /**
     * Rounds {@code q + r / c} to a whole number.
     *
     * @param q        the whole part
     * @param r        the remainder, {@code 0..c-1}
     * @param c        the divisor, {@code > 0}
     * @param rounding the mode, not {@code null}
     * @return {@code q} or {@code q + 1}
     * @throws ArithmeticException if {@code q + 1} overflows
     */
    public static long round(long q, long r, long c, Rounding rounding) {
        if (r == 0) {
            return q;
        }
        long rest = c - r;
        boolean up;
        if (rounding == Rounding.HALF_UP) {
            up = r >= rest;
        } else if (rounding == Rounding.UP) {
            up = true;
        } else {
            up = r > rest || (r == rest && (q & 1) != 0);
        }
        return up ? Math.addExact(q, 1L) : q;
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
