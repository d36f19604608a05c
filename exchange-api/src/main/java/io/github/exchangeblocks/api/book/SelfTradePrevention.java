package io.github.exchangeblocks.api.book;

/**
 * What happens when an incoming order would trade with a resting order of the same owner. A book has a default
 * mode; each order may override it. The {@link #code()} is stable and used in binary formats.
 *
 * <p>Self-trade prevention applies to continuous matching only; an auction uncross crosses at one price and does
 * not check owners.
 */
public enum SelfTradePrevention {
    /** Use the book's default mode (valid on an order, not as a book default). */
    BOOK_DEFAULT((byte) 0),
    /** Self-trades are allowed: the orders trade as with any other owner. */
    NONE((byte) 1),
    /** The rest of the incoming order is cancelled; the resting order stays. */
    CANCEL_INCOMING((byte) 2),
    /** The resting order is cancelled and the incoming order keeps matching against the next one. */
    CANCEL_RESTING((byte) 3),
    /** Both the resting order and the rest of the incoming order are cancelled. */
    CANCEL_BOTH((byte) 4),
    /**
     * Both orders are reduced by the smaller of the two remaining quantities without trading; the one that reaches
     * zero is cancelled (both if equal) and a larger incoming rest keeps matching.
     */
    DECREMENT_AND_CANCEL((byte) 5);

    private static final SelfTradePrevention[] BY_CODE = values();

    private final byte code;

    SelfTradePrevention(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return the declaration index, 0 for BOOK_DEFAULT up to 5 for DECREMENT_AND_CANCEL
     */
    public byte code() {
        return code;
    }

    /**
     * Looks a mode up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the mode
     * @throws IllegalArgumentException if no mode has that value
     */
    public static SelfTradePrevention fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("self-trade prevention code=" + code + " must be in 0.."
                + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
