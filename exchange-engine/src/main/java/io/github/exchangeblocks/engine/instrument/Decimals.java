package io.github.exchangeblocks.engine.instrument;

/**
 * Exact conversions between decimal text and scaled {@code long}s: formatting appends to a caller's
 * {@link StringBuilder} without allocating (for reject messages on hot paths), parsing refuses any value that the
 * scale cannot hold exactly. Stateless and thread-safe.
 */
public final class Decimals {
    private static final long[] POW10 = new long[19];
    /** Returned by {@link #parse} when the text is not an exact decimal at the scale. */
    public static final long INVALID = Long.MIN_VALUE;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /**
     * Appends {@code value / 10^scale} as a decimal with exactly {@code scale} fraction digits ({@code -1234.50}).
     *
     * @param out   receives the text, not {@code null}
     * @param value the scaled value
     * @param scale decimal places, {@code 0..18}
     * @return {@code out}
     */
    public static StringBuilder append(StringBuilder out, long value, int scale) {
        if (scale <= 0) {
            return out.append(value);
        }
        long pow = POW10[scale];
        long whole = value / pow;
        long fraction = Math.abs(value % pow);
        if (value < 0 && whole == 0) {
            out.append('-');
        }
        out.append(whole).append('.');
        for (int digits = scale - 1; digits > 0 && fraction < POW10[digits]; digits--) {
            out.append('0');
        }
        return out.append(fraction);
    }

    /**
     * Appends a price in ticks as its decimal value in the quote currency ({@code ticks * tickSize / 10^priceScale}),
     * or the raw ticks followed by {@code " ticks"} if the product overflows.
     *
     * @param out        receives the text, not {@code null}
     * @param priceTicks the price
     * @param instrument the instrument, not {@code null}
     * @return {@code out}
     */
    public static StringBuilder appendPrice(StringBuilder out, long priceTicks, Instrument instrument) {
        long tick = instrument.spec().tickSize();
        long high = Math.multiplyHigh(priceTicks, tick);
        long value = priceTicks * tick;
        if ((high != 0 || value < 0) && (high != -1 || value >= 0)) {
            return out.append(priceTicks).append(" ticks");
        }
        return append(out, value, instrument.spec().priceScale());
    }

    /**
     * Parses a plain decimal ({@code "0.2"}, {@code "-12"}, {@code "0.000023"}; no exponent, no grouping) into
     * {@code value * 10^scale}, exactly.
     *
     * @param text  the decimal, may be {@code null}
     * @param scale decimal places the result keeps, {@code 0..18}
     * @return the scaled value, or {@link #INVALID} if the text is not a decimal, has more significant fraction
     *         digits than {@code scale}, or does not fit in a {@code long}
     */
    public static long parse(CharSequence text, int scale) {
        if (text == null || text.length() == 0 || scale < 0 || scale >= POW10.length) {
            return INVALID;
        }
        int i = 0;
        boolean negative = text.charAt(0) == '-';
        if (negative || text.charAt(0) == '+') {
            i++;
        }
        long value = 0;
        int fractionDigits = -1;
        boolean digits = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && fractionDigits < 0) {
                fractionDigits = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                return INVALID;
            }
            digits = true;
            if (fractionDigits >= 0) {
                if (fractionDigits == scale) {
                    if (c != '0') {
                        return INVALID;
                    }
                    continue;
                }
                fractionDigits++;
            }
            value = multiplyAdd(value, c - '0');
            if (value < 0) {
                return INVALID;
            }
        }
        if (!digits) {
            return INVALID;
        }
        int missing = scale - Math.max(fractionDigits, 0);
        long high = Math.multiplyHigh(value, POW10[missing]);
        long scaled = value * POW10[missing];
        if (high != 0 || scaled < 0) {
            return INVALID;
        }
        return negative ? -scaled : scaled;
    }

    private static long multiplyAdd(long value, int digit) {
        if (value > (Long.MAX_VALUE - digit) / 10) {
            return -1;
        }
        return value * 10 + digit;
    }

    /**
     * Number of fraction digits a plain decimal needs to be written exactly (trailing zeros ignored):
     * {@code "0.20"} needs 1, {@code "300"} needs 0.
     *
     * @param text a decimal, not {@code null}
     * @return the digits, or {@code -1} if the text is not a plain decimal
     */
    public static int scaleOf(CharSequence text) {
        int point = -1;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (point >= 0) {
                    return -1;
                }
                point = i;
            } else if (c >= '0' && c <= '9') {
                if (point >= 0 && c != '0') {
                    last = i;
                }
            } else if (!(i == 0 && (c == '-' || c == '+'))) {
                return -1;
            }
        }
        return point < 0 || last < 0 ? 0 : last - point;
    }
}
