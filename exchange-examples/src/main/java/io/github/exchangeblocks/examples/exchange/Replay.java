package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalWriter;

import java.nio.file.Path;
import java.util.List;

/** Start-up: the journal replayed through {@link ExchangeState#apply}, or the bootstrap journaled into an empty one. */
final class Replay {
    private Replay() {
    }

    /**
     * Applies every journaled command from {@code first} on, in order.
     *
     * @return the last command's time, 0 if the journal is empty
     */
    static long replay(Path walDirectory, WalWriter journal, ExchangeState state, long first) {
        long[] lastTimestamp = {0};
        if (journal.lastSequence() >= first) {
            Wal.openReader(walDirectory).replay(first, record -> {
                CommandCodec.Journaled journaled = CommandCodec.decode(record.type(), record.buffer(),
                        record.payloadOffset());
                state.apply(journaled.timestampNs(), journaled.command());
                lastTimestamp[0] = journaled.timestampNs();
            });
        }
        return lastTimestamp[0];
    }

    /**
     * Journals and applies the bootstrap commands of a new exchange, all at one time, then forces the journal;
     * checks them all on a scratch state first, so a refused one journals nothing.
     *
     * @return the time used
     */
    static long bootstrap(CoreConfig config, WalWriter journal, ExchangeState state, long timestampNs) {
        List<ExchangeCommand> commands = config.bootstrap();
        ExchangeState dryRun = new ExchangeState(config.venue(), config.firstTradingDay(), new ExchangeListener() {
        });
        for (ExchangeCommand command : commands) {
            if (dryRun.apply(timestampNs, command) != null) {
                throw new IllegalArgumentException("bootstrap command " + command + " is refused: "
                        + dryRun.resultMessage() + " (nothing was journaled)");
            }
        }
        CommandCodec codec = new CommandCodec();
        for (ExchangeCommand command : commands) {
            int length = codec.encode(timestampNs, command);
            journal.append(CommandCodec.typeOf(command), codec.array(), 0, length);
            if (state.apply(timestampNs, command) != null) {
                throw new IllegalArgumentException("bootstrap command " + command + " was rejected: "
                        + state.resultMessage());
            }
        }
        journal.flush();
        return timestampNs;
    }
}
