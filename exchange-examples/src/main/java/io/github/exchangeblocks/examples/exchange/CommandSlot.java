package io.github.exchangeblocks.examples.exchange;

import java.util.function.Consumer;

/**
 * One entry of the engine's ring: a command with its submitter and its journal form, or a read of the state.
 * Reused by the ring.
 *
 * <p>The submitting thread encodes the command into the slot's own codec ({@link #encode}) before it publishes the
 * slot, so the engine thread only stamps the time and copies the bytes into the journal: the encoding's cost is
 * spread over the gateways' threads instead of adding to the one thread every command goes through.
 */
final class CommandSlot {
    final CommandCodec codec = new CommandCodec();
    ExchangeCommand command;
    CommandSource source;
    long correlationId;
    Consumer<ExchangeState> query;
    /** The journal record type of {@link #command}. */
    int type;
    /** The encoded length in {@link #codec}, or -1 if the command cannot be encoded (see {@link #encodeError}). */
    int length;
    /** Why the command cannot be journaled, or {@code null}. */
    String encodeError;

    /**
     * Fills the slot with a command and its journal form (its time is stamped by the engine).
     *
     * @param command       the command, not {@code null}
     * @param source        where its acknowledgement goes, or {@code null}
     * @param correlationId echoed to {@code source}
     */
    void command(ExchangeCommand command, CommandSource source, long correlationId) {
        this.command = command;
        this.source = source;
        this.correlationId = correlationId;
        this.type = CommandCodec.typeOf(command);
        try {
            this.length = codec.encode(0, command);
            this.encodeError = null;
        } catch (RuntimeException notEncodable) {
            // A string over the format's limit; the engine answers it, since the slot is published either way.
            this.length = -1;
            this.encodeError = notEncodable.getMessage();
        }
    }

    void clear() {
        command = null;
        source = null;
        query = null;
        correlationId = 0;
        encodeError = null;
    }
}
