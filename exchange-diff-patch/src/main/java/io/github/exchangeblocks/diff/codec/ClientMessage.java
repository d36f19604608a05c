package io.github.exchangeblocks.diff.codec;

/**
 * A decoded DIFF client message, one record per {@code aid}, or {@link InvalidMessage} for input that could not be
 * decoded. Produced by {@link ClientMessageDecoder}; immutable and thread-safe.
 */
public sealed interface ClientMessage permits PeekMessage, ReqLogin, SubscribeQuote, SetChart, InsertOrder,
        CancelOrder, ReqTransfer, ConfirmSettlement, InvalidMessage {

    /**
     * The protocol name of this message.
     *
     * @return the {@code aid}, e.g. {@code "peek_message"}; for {@link InvalidMessage} the aid as received, or
     *         {@code ""} if there was none
     */
    String aid();
}
