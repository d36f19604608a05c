package io.github.exchangeblocks.api.book;

/**
 * Why (part of) an order left the book without trading. The {@link #code()} is stable and used in binary formats.
 */
public enum CancelReason {
    /** The owner cancelled the order. */
    USER((byte) 0),
    /** The unfilled rest of an immediate-or-cancel order (also IOC leftovers after an auction uncross). */
    IOC_REMAINDER((byte) 1),
    /** A fill-or-kill order could not be filled completely at once, so nothing was filled. */
    FOK_UNFILLABLE((byte) 2),
    /**
     * An order with a minimum fill quantity could not fill that minimum at once (or, collected in the call
     * auction, would have been allocated less than it at the uncross), so nothing was filled.
     */
    MIN_QUANTITY_UNFILLABLE((byte) 3),
    /**
     * The unfilled rest of a market order: no (more) liquidity within its protection price (also market leftovers
     * after an auction uncross).
     */
    MARKET_NO_LIQUIDITY((byte) 4),
    /** Self-trade prevention removed (or, for decrement-and-cancel, reduced) the order. */
    SELF_TRADE((byte) 5),
    /** A good-for-day order expired when the host closed the trading day. */
    EXPIRED((byte) 6),
    /** A mass cancel (all, or by owner) removed the order. */
    MASS_CANCEL((byte) 7);

    private static final CancelReason[] BY_CODE = values();

    private final byte code;

    CancelReason(byte code) {
        this.code = code;
    }

    /**
     * The stable value written to binary formats.
     *
     * @return the declaration index, 0 for USER up to 7 for MASS_CANCEL
     */
    public byte code() {
        return code;
    }

    /**
     * Looks a reason up by its binary value.
     *
     * @param code a value returned by {@link #code()}
     * @return the reason
     * @throws IllegalArgumentException if no reason has that value
     */
    public static CancelReason fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("cancel reason code=" + code + " must be in 0.." + (BY_CODE.length - 1));
        }
        return BY_CODE[code];
    }
}
