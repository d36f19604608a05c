package io.github.exchangeblocks.api.instrument;

/**
 * Lifecycle status of a listed instrument. Allowed transitions: LISTED to TRADING or SUSPENDED; TRADING to
 * SUSPENDED; SUSPENDED to TRADING; any status to DELISTED when no position or open order remains. DELISTED is final.
 */
public enum InstrumentStatus {
    /** Listed, not yet open for trading: orders are refused. */
    LISTED((byte) 0),
    /** Open: orders are accepted. */
    TRADING((byte) 1),
    /** Halted: new orders are refused, cancels and fills of resting orders still apply. */
    SUSPENDED((byte) 2),
    /** Expired or delisted: final, nothing is accepted. */
    DELISTED((byte) 3);

    private static final InstrumentStatus[] BY_CODE = values();

    private final byte code;

    InstrumentStatus(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return 0..3 in declaration order
     */
    public byte code() {
        return code;
    }

    /**
     * Whether a status change from this status to {@code next} is allowed.
     *
     * @param next the requested status, not {@code null}
     * @return true if the transition is allowed (delisting also needs the instrument to be unused)
     */
    public boolean canMoveTo(InstrumentStatus next) {
        if (this == DELISTED || next == this || next == LISTED) {
            return false;
        }
        return true;
    }

    /**
     * Looks a status up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the status
     * @throws IllegalArgumentException if no status has that value
     */
    public static InstrumentStatus fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("instrument status code=" + code + " must be in 0.."
                    + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
