package io.github.exchangeblocks.api.instrument;

/**
 * How an amount computed from a rate (margin, commission) is rounded to a whole minor unit. The exact value is
 * {@code q + r/d} with {@code 0 <= r < d}; the rounded value is {@code q} or {@code q + 1}. The {@link #code()} is
 * stable and used in binary formats (account snapshots).
 */
public enum Rounding {
    /** Any fraction rounds up ({@code q + 1} when {@code r > 0}): always in the venue's favour. */
    UP((byte) 0),
    /** Half a unit or more rounds up ({@code q + 1} when {@code 2r >= d}): "round half up" to the cent. */
    HALF_UP((byte) 1),
    /** More than half rounds up; exactly half rounds to the even neighbour (banker's rounding). */
    HALF_EVEN((byte) 2);

    private static final Rounding[] BY_CODE = values();

    private final byte code;

    Rounding(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return 0, 1 or 2 in declaration order
     */
    public byte code() {
        return code;
    }

    /**
     * Looks a rounding mode up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the mode
     * @throws IllegalArgumentException if no mode has that value
     */
    public static Rounding fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("rounding code=" + code + " must be in 0.." + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
