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

    // Instruments, accounts, positions, pre-trade risk, settlement (2000-2999).
    /** No instrument is registered under the given id or index. */
    UNKNOWN_INSTRUMENT(2000, "unknown instrument"),
    /** An instrument with the same id is already listed. */
    INSTRUMENT_EXISTS(2001, "instrument already listed"),
    /** An instrument specification field breaks a listing rule. */
    INVALID_INSTRUMENT_SPEC(2002, "invalid instrument specification"),
    /** The instrument's status does not allow the requested action. */
    INSTRUMENT_NOT_TRADABLE(2003, "instrument status does not allow this"),
    /** The instrument still has positions or open orders. */
    INSTRUMENT_IN_USE(2004, "instrument has positions or open orders"),
    /** The requested status change is not allowed from the current status. */
    INVALID_STATUS_TRANSITION(2005, "status transition not allowed"),
    /** No account is known under the given id. */
    UNKNOWN_ACCOUNT(2100, "unknown account"),
    /** An account with the same user name already exists. */
    ACCOUNT_EXISTS(2101, "account already exists"),
    /** A money amount is zero, negative or out of range. */
    INVALID_AMOUNT(2102, "invalid amount"),
    /** A withdrawal exceeds the available funds. */
    INSUFFICIENT_AVAILABLE(2103, "withdrawal exceeds available funds"),
    /** No open order is known under the given id. */
    UNKNOWN_ORDER(2104, "unknown order"),
    /** An open order already uses the given order id. */
    DUPLICATE_ORDER_ID(2105, "order id already in use"),
    /** An order field (price, volume, lot) breaks a rule. */
    INVALID_ORDER(2106, "invalid order"),
    /** A fill is larger than the order's remaining volume or has an invalid price. */
    INVALID_FILL(2107, "invalid fill"),
    /** Available funds do not cover the margin and commission the order freezes. */
    INSUFFICIENT_FUNDS(2200, "insufficient funds"),
    /** Not enough unfrozen position to close under the instrument's close rule. */
    INSUFFICIENT_POSITION(2201, "insufficient closable position"),
    /** The order volume exceeds the instrument's or the account's maximum order size. */
    ORDER_VOLUME_LIMIT(2202, "order volume above limit"),
    /** The resulting position would exceed the maximum position per instrument. */
    POSITION_LIMIT(2203, "position above limit"),
    /** The account already has the maximum number of open orders. */
    OPEN_ORDER_LIMIT(2204, "too many open orders"),
    /** The order price is outside the instrument's limit band. */
    PRICE_OUTSIDE_BAND(2205, "price outside limit band"),
    /** The trading day was already settled (or is not after the last settled day). */
    ALREADY_SETTLED(2300, "trading day already settled"),
    /** A held instrument has no settlement price. */
    SETTLEMENT_PRICE_MISSING(2301, "settlement price missing"),
    /** Open orders must be cancelled or expired before settlement. */
    SETTLEMENT_OPEN_ORDERS(2302, "open orders remain at settlement");

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
