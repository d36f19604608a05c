package io.github.exchangeblocks.examples.exchange;

import java.util.function.Consumer;

/** One entry of the engine's ring: a command with its submitter, or a read of the state. Reused by the ring. */
final class CommandSlot {
    ExchangeCommand command;
    CommandSource source;
    long correlationId;
    Consumer<ExchangeState> query;

    void clear() {
        command = null;
        source = null;
        query = null;
        correlationId = 0;
    }
}
