package io.github.exchangeblocks.diff.codec;

/** {@code peek_message}: the client asks for the next {@code rtn_data}. Has no fields. */
public record PeekMessage() implements ClientMessage {
    /** The aid. */
    public static final String AID = "peek_message";
    /** The only instance needed. */
    public static final PeekMessage INSTANCE = new PeekMessage();

    @Override
    public String aid() {
        return AID;
    }
}
