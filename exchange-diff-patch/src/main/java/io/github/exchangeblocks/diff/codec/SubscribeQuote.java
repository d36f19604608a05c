package io.github.exchangeblocks.diff.codec;

import java.util.List;

/**
 * {@code subscribe_quote}: replace the session's quote subscription. The server echoes {@link #insList()} exactly,
 * as received, in the snapshot's {@code ins_list}.
 *
 * @param insList the comma-separated list as received (possibly empty: unsubscribe from all)
 * @param instruments the distinct non-empty entries in order, each of the form {@code EXCHANGE.code}
 */
public record SubscribeQuote(String insList, List<String> instruments) implements ClientMessage {
    /** The aid. */
    public static final String AID = "subscribe_quote";

    /**
     * Creates the message.
     *
     * @param insList the list as received
     * @param instruments the parsed entries, copied
     */
    public SubscribeQuote {
        instruments = List.copyOf(instruments);
    }

    @Override
    public String aid() {
        return AID;
    }
}
