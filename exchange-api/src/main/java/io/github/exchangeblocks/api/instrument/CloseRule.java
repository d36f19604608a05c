package io.github.exchangeblocks.api.instrument;

/**
 * How an exchange maps a closing order's offset onto today's and history positions. Whatever the rule,
 * {@link io.github.exchangeblocks.api.Offset#CLOSETODAY} closes only today's volume, and closing today's volume is
 * charged the close-today commission.
 */
public enum CloseRule {
    /** SHFE/INE style: CLOSE closes only history volume; today's volume must be closed with CLOSETODAY. */
    TODAY_EXPLICIT((byte) 0),
    /** CLOSE closes history volume first, then today's. */
    HISTORY_FIRST((byte) 1),
    /** CLOSE closes today's volume first, then history. */
    TODAY_FIRST((byte) 2);

    private static final CloseRule[] BY_CODE = values();

    private final byte code;

    CloseRule(byte code) {
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
     * Looks a rule up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the rule
     * @throws IllegalArgumentException if no rule has that value
     */
    public static CloseRule fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("close rule code=" + code + " must be in 0.." + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
