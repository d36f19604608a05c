package io.github.exchangeblocks.api;

/**
 * How long an order stays working. DIFF's {@code time_condition} maps onto these (GFD for {@code GFD}, IOC for
 * {@code IOC}) and its {@code volume_condition} ALL onto FOK. The {@link #code()} is stable and used in binary
 * formats.
 */
public enum TimeInForce {
    /** Good till cancelled: rests until filled or cancelled. */
    GTC((byte) 0),
    /** Good for the day: rests until filled, cancelled, or the host closes the trading day. */
    GFD((byte) 1),
    /** Immediate or cancel: fills what it can at once, the rest is cancelled. */
    IOC((byte) 2),
    /** Fill or kill: fills completely at once or not at all. */
    FOK((byte) 3);

    private static final TimeInForce[] BY_CODE = values();

    private final byte code;

    TimeInForce(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return 0 for GTC, 1 for GFD, 2 for IOC, 3 for FOK
     */
    public byte code() {
        return code;
    }

    /**
     * Whether an order with this time in force may rest in the book.
     *
     * @return true for GTC and GFD
     */
    public boolean canRest() {
        return this == GTC || this == GFD;
    }

    /**
     * Looks a time in force up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the time in force
     * @throws IllegalArgumentException if no time in force has that value
     */
    public static TimeInForce fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("time in force code=" + code + " must be in 0.." + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
