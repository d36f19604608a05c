package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.wal.DurabilityMode;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The exchange core's settings, validated at construction with messages naming the offending value.
 *
 * @param dataDirectory    where the journal ({@code wal/}) and snapshots ({@code snapshots/}) live
 * @param durability       when a command counts as durable: see {@link ExchangeCore}
 * @param queueSize        the command ring's size, a power of two in {@code 64..2^22}
 * @param snapshotInterval commands between two snapshots, 0 for none but on request
 * @param firstTradingDay  the trading day a new exchange starts in, {@code yyyymmdd}
 * @param venue            the venue's settings
 * @param bootstrap        commands journaled once when the journal is empty (instruments, demo users)
 */
public record CoreConfig(Path dataDirectory, DurabilityMode durability, int queueSize, int snapshotInterval,
                         int firstTradingDay, VenueSettings venue, List<ExchangeCommand> bootstrap) {
    /** Validates every field. */
    public CoreConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory must not be null");
        Objects.requireNonNull(durability, "durability must not be null");
        Objects.requireNonNull(venue, "venue must not be null");
        if (queueSize < 64 || queueSize > 1 << 22 || Integer.bitCount(queueSize) != 1) {
            throw new IllegalArgumentException("queueSize=" + queueSize + " must be a power of two in 64..4194304");
        }
        if (snapshotInterval < 0) {
            throw new IllegalArgumentException("snapshotInterval=" + snapshotInterval + " must be >= 0");
        }
        if (firstTradingDay < 19700101 || firstTradingDay > 99991231) {
            throw new IllegalArgumentException("firstTradingDay=" + firstTradingDay + " must be yyyymmdd");
        }
        bootstrap = List.copyOf(bootstrap);
    }
}
