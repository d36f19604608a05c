package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;

/**
 * Who submitted a command (a gateway session, a test) and where its acknowledgement goes. Called on the engine
 * thread once the command is applied, which is after the journal made it durable in the configured mode (see
 * {@link ExchangeCore}); an implementation hands the result to its own thread and returns quickly. Never called
 * for commands replayed from the journal.
 */
@FunctionalInterface
public interface CommandSource {

    /**
     * The command's outcome.
     *
     * @param correlationId the id the submitter gave
     * @param sequence      the command's journal sequence, 0 if it was refused before journaling
     * @param code          {@code null} if accepted, else why not
     * @param message       "accepted" or the reject's message naming the field and the rule; valid during the call
     */
    void onResult(long correlationId, long sequence, RejectCode code, CharSequence message);
}
