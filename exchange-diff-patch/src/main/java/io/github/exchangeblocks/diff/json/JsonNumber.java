package io.github.exchangeblocks.diff.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact JSON number: an integer that fits a {@code long}, or any other value as a {@link BigDecimal} that keeps
 * the digits it was written with. Immutable.
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
    private static final JsonNumber[] CACHE = new JsonNumber[CACHE_HIGH - CACHE_LOW + 1];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new JsonNumber(i + CACHE_LOW, null);
        }
    }

    private final long longValue;
    private final BigDecimal decimal;

    private JsonNumber(long longValue, BigDecimal decimal) {
        this.longValue = longValue;
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
        return new JsonNumber(value, null);
    }

    /**
     * An exact decimal number, written with the digits and scale of {@code value}.
     *
     * @param value the value, never {@code null}
     * @return never {@code null}
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public static JsonNumber of(BigDecimal value) {
        return new JsonNumber(0L, Objects.requireNonNull(value, "value"));
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
        return new JsonNumber(0L, BigDecimal.valueOf(value));
    }

    /**
     * Whether this number is held as a {@code long} integer.
     *
     * @return {@code true} for integers created with {@link #of(long)} or read without fraction or exponent
     */
    public boolean isLong() {
        return decimal == null;
    }

    /**
     * The value as a {@code long}.
     *
     * @return the integer value
     * @throws ArithmeticException if this number is not an integer that fits a {@code long}
     */
    public long longValue() {
        return decimal == null ? longValue : decimal.longValueExact();
    }

    /**
     * The exact value as a {@link BigDecimal}.
     *
     * @return never {@code null}
     */
    public BigDecimal decimalValue() {
        return decimal == null ? BigDecimal.valueOf(longValue) : decimal;
    }

    /**
     * The value as the nearest double, for display or the protocol edge only.
     *
     * @return the nearest double
     */
    public double doubleValue() {
        return decimal == null ? (double) longValue : decimal.doubleValue();
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
        if (decimal == null && that.decimal == null) {
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
        if (decimal == null) {
            return Long.hashCode(longValue);
        }
        if (decimal.signum() == 0) {
            return 0;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && (long) stripped.precision() - stripped.scale() <= LONG_DIGITS) {
            BigInteger integer = stripped.toBigIntegerExact();
            if (integer.bitLength() < Long.SIZE) {
                return Long.hashCode(integer.longValue());
            }
        }
        return stripped.hashCode();
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
        if (decimal == null) {
            return Long.toString(longValue);
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
