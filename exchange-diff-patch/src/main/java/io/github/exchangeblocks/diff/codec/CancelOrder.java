package io.github.exchangeblocks.diff.codec;

/**
 * {@code cancel_order}: cancel one of the user's orders.
 *
 * @param userId the user id, non-empty
 * @param orderId the client order id, non-empty
 */
public record CancelOrder(String userId, String orderId) implements ClientMessage {
    /** The aid. */
    public static final String AID = "cancel_order";

    @Override
    public String aid() {
        return AID;
    }
}
