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
    // General (1-999).
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
    BOOK_PRICE_SPAN_EXCEEDED(1016, "a side's resting prices must span fewer ticks than the book's maximum"),

    // Order book: market orders in the call auction (1017).
    /** A resting call-auction market order was amended to another price or a larger quantity. */
    BOOK_MARKET_AMEND_NOT_ALLOWED(1017, "a resting market order may only reduce its quantity"),

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
    /** A fill's price is worse than the order's limit (or a market order's protection or band price). */
    FILL_PRICE_OUTSIDE_LIMIT(2108, "fill price worse than the order's limit"),
    /** A market order without protection price on an instrument without a price band has no price to freeze at. */
    MARKET_PRICE_UNBOUNDED(2109, "market order needs a protection price or a price band"),
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
    SETTLEMENT_OPEN_ORDERS(2302, "open orders remain at settlement"),

    // Venue: composition of books, accounts and market data (2400-2499).
    /** A venue request has a missing or out-of-range field. */
    VENUE_INVALID_REQUEST(2400, "invalid venue request"),
    /** A MARKET order without a protection price found no price to protect it (no band, no opposite best). */
    VENUE_NO_MARKET_PRICE(2401, "no price to protect a market order"),
    /** A trading-day command names a day that does not follow the current one. */
    VENUE_INVALID_TRADING_DAY(2402, "trading day must follow the current one"),

    // DIFF protocol and snapshot push (3000-3999).
    /** A DIFF client message is not well-formed JSON. */
    DIFF_MALFORMED_JSON(3000, "DIFF message is not well-formed JSON"),
    /** A DIFF client message is JSON but not a JSON object. */
    DIFF_NOT_AN_OBJECT(3001, "DIFF message is not a JSON object"),
    /** A DIFF client message names an aid the server does not know. */
    DIFF_UNKNOWN_AID(3002, "DIFF message has an unknown aid"),
    /** A DIFF client message lacks a field its aid requires. */
    DIFF_MISSING_FIELD(3003, "DIFF message lacks a required field"),
    /** A DIFF client message has a field of the wrong type or outside its allowed values. */
    DIFF_INVALID_FIELD(3004, "DIFF message field has an invalid value"),
    // DIFF gateway: login and session rules (3100-3199).
    /** {@code req_login} named an unknown user or a wrong password (the two are not told apart). */
    DIFF_LOGIN_FAILED(3100, "user name or password is wrong"),
    /** Too many failed logins for the user or the connection; the attempt was not checked. */
    DIFF_LOGIN_RATE_LIMITED(3101, "too many failed logins, try again later"),
    /** A trading message arrived before a successful login. */
    DIFF_NOT_LOGGED_IN(3102, "log in first"),
    /** A message named a user other than the session's logged-in user. */
    DIFF_WRONG_USER(3103, "a session acts only as its logged-in user"),
    /** {@code req_login} on a session already logged in as another user. */
    DIFF_ALREADY_LOGGED_IN(3104, "session is already logged in"),
    /** The message is valid DIFF but this server does not offer it (yet). */
    DIFF_NOT_SUPPORTED(3105, "not supported by this server"),

    // Exchange core: sequencing, users, client order ids (4000-4099).
    /** The engine's command queue is full; nothing was queued, try again. */
    EXCHANGE_BUSY(4000, "engine queue full"),
    /** A client order id is already used by this user today. */
    EXCHANGE_DUPLICATE_CLIENT_ORDER_ID(4001, "client order id already used today"),
    /** The user is not registered. */
    EXCHANGE_UNKNOWN_USER(4002, "unknown user"),
    /** The user name is already registered. */
    EXCHANGE_USER_EXISTS(4003, "user already registered"),
    /** The command has a missing or malformed field. */
    EXCHANGE_INVALID_COMMAND(4004, "invalid command"),
    /** The engine has stopped (shut down, or a journal failure stopped it); nothing more is accepted. */
    EXCHANGE_STOPPED(4005, "engine stopped");

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
