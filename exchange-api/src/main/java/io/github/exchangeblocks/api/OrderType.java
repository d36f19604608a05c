package io.github.exchangeblocks.api;

/**
 * How an order is priced. The {@link #code()} is stable and used in binary formats.
 */
public enum OrderType {
    /** Trades at its limit price or better; may rest in the book depending on its time in force. */
    LIMIT((byte) 0),
    /** Trades against available liquidity, optionally bounded by a protection price; never rests. */
    MARKET((byte) 1);

    private static final OrderType[] BY_CODE = values();

    private final byte code;

    OrderType(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return 0 for LIMIT, 1 for MARKET
     */
    public byte code() {
        return code;
    }

    /**
     * Looks an order type up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the order type
     * @throws IllegalArgumentException if no order type has that value
     */
    public static OrderType fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("order type code=" + code + " must be in 0.." + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
