package io.github.exchangeblocks.diff.codec;

/**
 * {@code confirm_settlement}: the user acknowledges the last settlement statement.
 *
 * @param userId the user id if the client sent one, else {@code ""}
 */
public record ConfirmSettlement(String userId) implements ClientMessage {
    /** The aid. */
    public static final String AID = "confirm_settlement";

    @Override
    public String aid() {
        return AID;
    }
}
