package io.github.exchangeblocks.api;

/**
 * Why a command was refused. One enum for the whole SDK, with stable numeric values ranged per subsystem so a
 * code stays meaningful on the wire, in logs and in the write-ahead log across versions:
 *
 * <pre>
 *     1 -   999  general (input that no subsystem could interpret)
 *  1000 -  1999  order book and matching
 *  2000 -  2999  instruments, accounts, positions, pre-trade risk, settlement
 *  3000 -  3999  DIFF protocol and snapshot push
 *  4000 -  4999  write-ahead log
 * </pre>
 *
 * <p>A numeric value, once released, is never reused for another meaning. The {@link #description()} is a short
 * human text for the rule; the message that accompanies a particular reject names the field and the numbers.
 *
 * <p>Immutable and thread-safe.
 */
public enum RejectCode {
    /** A value could not be parsed at all (malformed number, text or message). */
    MALFORMED_INPUT(1, "input could not be parsed"),

    // Order book and matching (1000-1999).
    /** A required field (side, type, time in force, phase...) was {@code null}. */
    BOOK_MISSING_FIELD(1000, "a required field is missing"),
    /** The order id is not positive. */
    BOOK_INVALID_ORDER_ID(1001, "order id must be positive"),
    /** The price is zero or negative. */
    BOOK_PRICE_NOT_POSITIVE(1002, "price must be positive"),
    /** The price is not a multiple of the tick size. */
    BOOK_PRICE_OFF_TICK(1003, "price must be a multiple of the tick size"),
    /** The price is outside the limit-down / limit-up band. */
    BOOK_PRICE_OUTSIDE_BAND(1004, "price must be inside the price band"),
    /** The quantity is zero or negative. */
    BOOK_QUANTITY_NOT_POSITIVE(1005, "quantity must be positive"),
    /** The quantity is not a multiple of the lot size. */
    BOOK_QUANTITY_OFF_LOT(1006, "quantity must be a multiple of the lot size"),
    /** The quantity is above the book's maximum order quantity. */
    BOOK_QUANTITY_ABOVE_MAX(1007, "quantity must not exceed the maximum order quantity"),
    /** The minimum quantity is negative, above the quantity or off the lot. */
    BOOK_INVALID_MIN_QUANTITY(1008, "minimum quantity must be in 0..quantity and on the lot"),
    /** The combination of order type, time in force and flags is not allowed. */
    BOOK_INVALID_ORDER_COMBINATION(1009, "order type, time in force and flags do not combine"),
    /** An order with this id is already resting in the book. */
    BOOK_DUPLICATE_ORDER_ID(1010, "order id is already resting in the book"),
    /** No order with this id rests in the book. */
    BOOK_UNKNOWN_ORDER_ID(1011, "no resting order has this id"),
    /** The order belongs to another owner. */
    BOOK_WRONG_OWNER(1012, "the order belongs to another owner"),
    /** The current trading phase does not allow the command. */
    BOOK_WRONG_PHASE(1013, "the trading phase does not allow this command"),
    /** A post-only order would have taken liquidity. */
    BOOK_POST_ONLY_WOULD_TAKE(1014, "a post-only order must not take liquidity"),
    /** The price band is inconsistent. */
    BOOK_INVALID_PRICE_BAND(1015, "price band bounds must be on the tick with low <= high"),
    /** Resting at this price would make one side's prices span more ticks than the book allows. */
    BOOK_PRICE_SPAN_EXCEEDED(1016, "a side's resting prices must span fewer ticks than the book's maximum");

    private static final int MAX_CODE = 4999;
    private static final RejectCode[] BY_CODE = new RejectCode[MAX_CODE + 1];

    static {
        for (RejectCode rejectCode : values()) {
            if (rejectCode.code < 1 || rejectCode.code > MAX_CODE) {
                throw new ExceptionInInitializerError("RejectCode " + rejectCode + " has code outside 1.." + MAX_CODE);
            }
            if (BY_CODE[rejectCode.code] != null) {
                throw new ExceptionInInitializerError("RejectCode " + rejectCode + " reuses code " + rejectCode.code);
            }
            BY_CODE[rejectCode.code] = rejectCode;
        }
    }

    private final int code;
    private final String description;

    RejectCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The stable numeric value of this code.
     *
     * @return a value in {@code 1..4999}, unique among the constants
     */
    public int code() {
        return code;
    }

    /**
     * A short human description of the rule this code stands for.
     *
     * @return never {@code null}
     */
    public String description() {
        return description;
    }

    /**
     * Looks a code up by its numeric value, without allocating.
     *
     * @param code the numeric value, as returned by {@link #code()}
     * @return the matching constant, or {@code null} if no constant has that value
     */
    public static RejectCode fromCode(int code) {
        return code >= 0 && code <= MAX_CODE ? BY_CODE[code] : null;
    }
}
