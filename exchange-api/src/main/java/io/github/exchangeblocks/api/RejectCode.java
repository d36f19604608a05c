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

    // DIFF protocol and snapshot push (3000-3999)
    /** A DIFF client message is not well-formed JSON. */
    DIFF_MALFORMED_JSON(3000, "DIFF message is not well-formed JSON"),
    /** A DIFF client message is JSON but not a JSON object. */
    DIFF_NOT_AN_OBJECT(3001, "DIFF message is not a JSON object"),
    /** A DIFF client message names an aid the server does not know. */
    DIFF_UNKNOWN_AID(3002, "DIFF message has an unknown aid"),
    /** A DIFF client message lacks a field its aid requires. */
    DIFF_MISSING_FIELD(3003, "DIFF message lacks a required field"),
    /** A DIFF client message has a field of the wrong type or outside its allowed values. */
    DIFF_INVALID_FIELD(3004, "DIFF message field has an invalid value");

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
