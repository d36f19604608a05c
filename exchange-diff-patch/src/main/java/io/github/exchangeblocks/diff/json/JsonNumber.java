package io.github.exchangeblocks.diff.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact JSON number: an integer that fits a {@code long}, a fixed-point decimal held as a {@code long} and a scale
 * ({@link #ofUnscaled}: money and prices at the protocol edge, without a {@link BigDecimal}), or any other value as a
 * {@link BigDecimal} that keeps the digits it was written with. Immutable.
 *
 * <p>Two numbers are equal when their numeric values are equal, whatever their representation ({@code 2},
 * {@code 2.0} and {@code 2.00} are equal); the written form keeps the representation. There is no NaN and no
 * infinity: {@link #ofDouble(double)} maps them to {@link JsonString#NOT_A_NUMBER}.
 *
 * <p>Hostile values are safe to hold: {@link #equals(Object)} and {@link #hashCode()} take time proportional to the
 * digits written, not to the exponent, so {@code 1e999999999} compares and hashes in bounded time. Converting such a
 * value to an exact integer ({@link #longValue()}) fails fast with an {@link ArithmeticException}.
 */
public final class JsonNumber implements JsonValue {
    private static final int CACHE_LOW = -128;
    private static final int CACHE_HIGH = 1024;
    /** Decimal digits of {@link Long#MAX_VALUE}: an integer with more cannot be a {@code long}. */
    private static final int LONG_DIGITS = 19;
    /** The most zeros plain notation may add to a number's digits before {@link #toString()} uses an exponent. */
    public static final int MAX_PLAIN_PADDING = 64;
    /** The largest scale {@link #ofUnscaled} holds without a {@link BigDecimal}. */
    public static final int MAX_COMPACT_SCALE = 18;
    /** Room for the plain text of a compact number: sign, 19 digits, a point and a leading zero. */
    static final int MAX_COMPACT_CHARS = 24;
    private static final JsonNumber[] CACHE = new JsonNumber[CACHE_HIGH - CACHE_LOW + 1];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new JsonNumber(i + CACHE_LOW, 0, null);
        }
    }

    /** The integer, or the unscaled value of a compact decimal ({@code scale > 0}); unused when {@code decimal} is set. */
    private final long longValue;
    /** Decimal places of a compact decimal, 0 for an integer or a {@link BigDecimal}. */
    private final int scale;
    private final BigDecimal decimal;

    private JsonNumber(long longValue, int scale, BigDecimal decimal) {
        this.longValue = longValue;
        this.scale = scale;
        this.decimal = decimal;
    }

    /**
     * An integer number. Small values come from a shared cache and do not allocate.
     *
     * @param value the value
     * @return never {@code null}
     */
    public static JsonNumber of(long value) {
        if (value >= CACHE_LOW && value <= CACHE_HIGH) {
            return CACHE[(int) value - CACHE_LOW];
        }
        return new JsonNumber(value, 0, null);
    }

    /**
     * An exact decimal {@code unscaled * 10^-scale}, written with exactly {@code scale} decimal places in plain
     * notation, like {@code BigDecimal.valueOf(unscaled, scale)} ({@code ofUnscaled(150, 2)} is {@code 1.50}). Up to
     * {@value #MAX_COMPACT_SCALE} places it is held as the {@code long} and the scale, so neither making nor writing
     * it creates a {@link BigDecimal} or a string; equal in every respect to the {@link BigDecimal} form.
     *
     * @param unscaled the digits as an integer
     * @param scale    the decimal places, {@code >= 0}
     * @return never {@code null}
     * @throws IllegalArgumentException if {@code scale < 0}
     */
    public static JsonNumber ofUnscaled(long unscaled, int scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("scale=" + scale + " must be >= 0");
        }
        if (scale == 0) {
            return of(unscaled);
        }
        return scale <= MAX_COMPACT_SCALE ? new JsonNumber(unscaled, scale, null)
                : new JsonNumber(0L, 0, BigDecimal.valueOf(unscaled, scale));
    }

    /**
     * An exact decimal number, written with the digits and scale of {@code value}.
     *
     * @param value the value, never {@code null}
     * @return never {@code null}
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public static JsonNumber of(BigDecimal value) {
        return new JsonNumber(0L, 0, Objects.requireNonNull(value, "value"));
    }

    /**
     * A number from a double at the protocol edge: the shortest decimal that reads back as the same double, or
     * {@link JsonString#NOT_A_NUMBER} ({@code "-"}) when the double is NaN or infinite, so that no NaN token is ever
     * written.
     *
     * @param value any double
     * @return a {@link JsonNumber}, or {@link JsonString#NOT_A_NUMBER}
     */
    public static JsonValue ofDouble(double value) {
        if (!Double.isFinite(value)) {
            return JsonString.NOT_A_NUMBER;
        }
        return new JsonNumber(0L, 0, BigDecimal.valueOf(value));
    }

    /**
     * Whether this number is held as a {@code long} integer.
     *
     * @return {@code true} for integers created with {@link #of(long)} or read without fraction or exponent
     */
    public boolean isLong() {
        return decimal == null && scale == 0;
    }

    /** Whether this number is a compact decimal ({@link #ofUnscaled} with a positive scale). */
    boolean isCompactDecimal() {
        return scale > 0;
    }

    /**
     * The value as a {@code long}.
     *
     * @return the integer value
     * @throws ArithmeticException if this number is not an integer that fits a {@code long}
     */
    public long longValue() {
        return isLong() ? longValue : decimalValue().longValueExact();
    }

    /**
     * The exact value as a {@link BigDecimal}.
     *
     * @return never {@code null}
     */
    public BigDecimal decimalValue() {
        return decimal != null ? decimal : BigDecimal.valueOf(longValue, scale);
    }

    /**
     * The value as the nearest double, for display or the protocol edge only.
     *
     * @return the nearest double
     */
    public double doubleValue() {
        return isLong() ? (double) longValue : decimalValue().doubleValue();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JsonNumber)) {
            return false;
        }
        JsonNumber that = (JsonNumber) other;
        if (decimal == null && that.decimal == null && scale == that.scale) {
            return longValue == that.longValue;
        }
        return decimalValue().compareTo(that.decimalValue()) == 0;
    }

    /**
     * A hash consistent with {@link #equals(Object)}: numerically equal numbers hash alike whatever their
     * representation. Costs time proportional to the number's digits, never to its exponent: {@code 1e999999999}
     * hashes as fast as {@code 1}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        if (isLong()) {
            return Long.hashCode(longValue);
        }
        BigDecimal value = decimalValue();
        if (value.signum() == 0) {
            return 0;
        }
        if (value.scale() < Integer.MIN_VALUE + value.precision()) {
            return hashOfHuge(value);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && (long) stripped.precision() - stripped.scale() <= LONG_DIGITS) {
            BigInteger integer = stripped.toBigIntegerExact();
            if (integer.bitLength() < Long.SIZE) {
                return Long.hashCode(integer.longValue());
            }
        }
        return stripped.hashCode();
    }

    /**
     * The hash of a number so large that stripping its trailing zeros could take its scale below
     * {@code Integer.MIN_VALUE} ({@code 100e2147483647}: {@link BigDecimal#stripTrailingZeros()} throws). The zeros
     * are stripped from the unscaled digits alone, whose scale starts at 0 and cannot overflow, and the scale is
     * kept in a {@code long}. Consistent with {@link #equals(Object)}: a number equal to such a number has the same
     * digits without trailing zeros and the same stripped scale, so it takes this path too.
     */
    private static int hashOfHuge(BigDecimal value) {
        BigDecimal digits = new BigDecimal(value.unscaledValue()).stripTrailingZeros();
        long strippedScale = (long) value.scale() + digits.scale();
        return 31 * digits.unscaledValue().hashCode() + Long.hashCode(strippedScale);
    }

    /**
     * The number as JSON text in plain notation ({@code 0.00000000}, never {@code 0E-8}; {@code 1500}, never
     * {@code 1.5E+3}), with the digits and scale it was created with. A number whose plain form would need more than
     * {@value #MAX_PLAIN_PADDING} padding zeros (only hostile or absurd values, such as {@code 1e999999999}) is written
     * as its unscaled digits times a power of ten instead ({@code 1E+999999999}), which is equally valid JSON and
     * reads back exactly, so that writing stays bounded.
     *
     * @return the JSON text of this number
     */
    @Override
    public String toString() {
        if (isLong()) {
            return Long.toString(longValue);
        }
        if (decimal == null) {
            char[] text = new char[MAX_COMPACT_CHARS];
            int from = writeCompact(text);
            return new String(text, from, text.length - from);
        }
        int scale = decimal.scale();
        long adjustedExponent = (long) decimal.precision() - scale - 1;
        if (scale >= 0 && adjustedExponent >= -6) {
            return decimal.toString();
        }
        long padding = scale < 0 ? -(long) scale : -adjustedExponent;
        return padding <= MAX_PLAIN_PADDING ? decimal.toPlainString() : integerTimesPowerOfTen();
    }

    /**
     * Writes a compact decimal's plain text at the end of {@code out} ({@link #MAX_COMPACT_CHARS} long at least),
     * without allocating.
     *
     * @return the index of its first character; it runs to the end of {@code out}
     */
    int writeCompact(char[] out) {
        long rest = longValue < 0 ? longValue : -longValue;
        int at = out.length;
        int digits = 0;
        do {
            out[--at] = (char) ('0' - rest % 10);
            rest /= 10;
            if (++digits == scale) {
                out[--at] = '.';
            }
        } while (rest != 0 || digits <= scale);
        if (longValue < 0) {
            out[--at] = '-';
        }
        return at;
    }

    /**
     * {@code <unscaled>E<-scale>}: exact, and unlike {@link BigDecimal#toString()} (whose normalised exponent may
     * pass 32 bits) always readable back into the same {@link BigDecimal}.
     */
    private String integerTimesPowerOfTen() {
        int scale = decimal.scale();
        String digits = decimal.unscaledValue().toString();
        if (scale == Integer.MIN_VALUE) {
            return digits + "0E+" + Integer.MAX_VALUE;
        }
        return digits + (scale <= 0 ? "E+" : "E-") + Math.abs(scale);
    }
}
