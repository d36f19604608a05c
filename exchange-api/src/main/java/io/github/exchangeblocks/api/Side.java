package io.github.exchangeblocks.api;

/**
 * The side of an order or a trade. The {@link #code()} is stable and used in binary formats.
 */
public enum Side {
    /** Buys: bids in the book, long positions when opening. */
    BUY((byte) 0),
    /** Sells: asks in the book, short positions when opening. */
    SELL((byte) 1);

    private final byte code;

    Side(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return {@code 0} for BUY, {@code 1} for SELL
     */
    public byte code() {
        return code;
    }

    /**
     * The other side.
     *
     * @return SELL for BUY and BUY for SELL
     */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * Looks a side up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the side
     * @throws IllegalArgumentException if {@code code} is neither 0 nor 1
     */
    public static Side fromCode(int code) {
        switch (code) {
            case 0:
                return BUY;
            case 1:
                return SELL;
            default:
                throw new IllegalArgumentException("side code=" + code + " must be 0 (BUY) or 1 (SELL)");
        }
    }
}
