package io.github.exchangeblocks.api;

/**
 * Whether a futures order opens a new position or closes an existing one. Exchanges in the SHFE/INE style
 * require today's positions to be closed with {@link #CLOSETODAY}; others let {@link #CLOSE} take either. The
 * {@link #code()} is stable and used in binary formats.
 *
 * <p>{@link #AUTO} exists only in order requests: a venue resolves it to one of the other three from the
 * account's position and the instrument's close rule before anything is frozen or booked; account books and
 * order books never see it.
 */
public enum Offset {
    /** Opens (or adds to) a position on the order's side. */
    OPEN((byte) 0),
    /** Closes a position of the opposite side: history first, or any, depending on the exchange's close rule. */
    CLOSE((byte) 1),
    /** Closes a position opened during the current trading day. */
    CLOSETODAY((byte) 2),
    /**
     * Request-only: close what the account can close on the opposite side (by the instrument's close rule), else
     * open. Resolved by the venue at acceptance; the resolved offset is what is reported and booked.
     */
    AUTO((byte) 3);

    private static final Offset[] BY_CODE = values();

    private final byte code;

    Offset(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return 0 for OPEN, 1 for CLOSE, 2 for CLOSETODAY, 3 for AUTO
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
