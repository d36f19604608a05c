package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalWriter;

import java.nio.file.Path;
import java.util.List;

/**
 * Start-up: the journal replayed through {@link ExchangeState#apply}, and the bootstrap journaled into an empty
 * journal (or finished in one a crash cut short while it was being journaled).
 */
final class Replay {
    private Replay() {
    }

    /**
     * What a replay found.
     *
     * @param lastTimestampNs the last command's time, 0 if none was replayed
     * @param records         how many commands were replayed
     * @param bootstrapPrefix how many of the first replayed commands are, in order, the bootstrap's first commands
     */
    record Result(long lastTimestampNs, long records, int bootstrapPrefix) {
    }

    /**
     * Applies every journaled command from {@code first} on, in order.
     *
     * @param bootstrap the configured bootstrap commands, compared with the first replayed ones
     */
    static Result replay(Path walDirectory, WalWriter journal, ExchangeState state, long first,
                         List<ExchangeCommand> bootstrap) {
        long[] counts = {0, 0, 0};
        if (journal.lastSequence() >= first) {
            Wal.openReader(walDirectory).replay(first, record -> {
                CommandCodec.Journaled journaled = CommandCodec.decode(record.type(), record.buffer(),
                        record.payloadOffset());
                if (counts[1] == counts[2] && counts[2] < bootstrap.size()
                        && bootstrap.get((int) counts[2]).equals(journaled.command())) {
                    counts[2]++;
                }
                state.apply(journaled.timestampNs(), journaled.command());
                counts[0] = journaled.timestampNs();
                counts[1]++;
            });
        }
        return new Result(counts[0], counts[1], (int) counts[2]);
    }

    /**
     * Journals and applies the bootstrap commands of a new exchange, all at one time, then forces the journal;
     * checks them all on a scratch state first, so a refused one journals nothing. A first start killed while it
     * journaled them left the first {@code journaled} of them (and nothing else) in the journal, already replayed
     * into {@code state}: the rest are journaled now, so the bootstrap is never left half done.
     *
     * @param journaled how many of the bootstrap's first commands the journal already holds
     * @return the time used
     */
    static long bootstrap(CoreConfig config, WalWriter journal, ExchangeState state, int journaled,
                          long timestampNs) {
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
        for (ExchangeCommand command : commands.subList(journaled, commands.size())) {
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
