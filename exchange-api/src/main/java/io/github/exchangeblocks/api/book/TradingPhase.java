package io.github.exchangeblocks.api.book;

/**
 * The trading phase of one order book. The {@link #code()} is stable and used in binary formats.
 *
 * <table>
 *   <caption>What each phase allows</caption>
 *   <tr><th>phase</th><th>new orders</th><th>amend</th><th>cancel</th><th>matching</th></tr>
 *   <tr><td>CLOSED</td><td>no</td><td>no</td><td>yes</td><td>no</td></tr>
 *   <tr><td>PRE_OPEN</td><td>yes (rest, call auction)</td><td>yes</td><td>yes</td><td>at the uncross</td></tr>
 *   <tr><td>CONTINUOUS</td><td>yes</td><td>yes</td><td>yes</td><td>continuous</td></tr>
 *   <tr><td>HALTED</td><td>no</td><td>no</td><td>yes</td><td>no</td></tr>
 * </table>
 */
public enum TradingPhase {
    /** The book is closed: resting orders stay, only cancels are accepted. */
    CLOSED((byte) 0),
    /** Call auction: orders rest without matching and an indicative price is maintained; leaving it uncrosses. */
    PRE_OPEN((byte) 1),
    /** Continuous trading with price-time priority. */
    CONTINUOUS((byte) 2),
    /** Trading is halted: resting orders stay, only cancels are accepted. */
    HALTED((byte) 3);

    private static final TradingPhase[] BY_CODE = values();

    private final byte code;

    TradingPhase(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return 0 for CLOSED, 1 for PRE_OPEN, 2 for CONTINUOUS, 3 for HALTED
     */
    public byte code() {
        return code;
    }

    /**
     * Whether new orders and amends are accepted in this phase.
     *
     * @return true for PRE_OPEN and CONTINUOUS
     */
    public boolean acceptsOrders() {
        return this == PRE_OPEN || this == CONTINUOUS;
    }

    /**
     * Looks a phase up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the phase
     * @throws IllegalArgumentException if no phase has that value
     */
    public static TradingPhase fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("trading phase code=" + code + " must be in 0.." + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
