package io.github.exchangeblocks.api;

/**
 * Whether a futures order opens a new position or closes an existing one. Exchanges in the SHFE/INE style
 * require today's positions to be closed with {@link #CLOSETODAY}; others let {@link #CLOSE} take either. The
 * {@link #code()} is stable and used in binary formats.
 */
public enum Offset {
    /** Opens (or adds to) a position on the order's side. */
    OPEN((byte) 0),
    /** Closes a position of the opposite side: history first, or any, depending on the exchange's close rule. */
    CLOSE((byte) 1),
    /** Closes a position opened during the current trading day. */
    CLOSETODAY((byte) 2);

    private static final Offset[] BY_CODE = values();

    private final byte code;

    Offset(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return 0 for OPEN, 1 for CLOSE, 2 for CLOSETODAY
     */
    public byte code() {
        return code;
    }

    /**
     * Looks an offset up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the offset
     * @throws IllegalArgumentException if no offset has that value
     */
    public static Offset fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("offset code=" + code + " must be in 0.." + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
