package io.github.exchangeblocks.engine.marketdata;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Creates and restores {@link InstrumentMarketData}: with {@link MarketDataSettings}, the public entry point of
 * this package. One instance per instrument; the venue feeds it from that instrument's book events.
 */
public final class MarketData {
    private MarketData() {
    }

    /**
     * Creates empty market data with the settings' kline durations registered and every ring allocated.
     *
     * @param settings the validated settings, not {@code null}
     * @return new market data, to be driven by one thread at a time
     */
    public static InstrumentMarketData create(MarketDataSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new MarketDataEngine(settings);
    }

    /**
     * Restores market data from a snapshot written by {@link InstrumentMarketData#writeSnapshot(ByteBuffer)}: the
     * same contents, counters and {@link InstrumentMarketDataView#stateHash()}. Kline durations in the snapshot are
     * registered as well as the settings' own. Advances the buffer past the snapshot.
     *
     * @param settings the settings of the market data that wrote the snapshot (instrument id and ticker window
     *     must match; capacities must hold the snapshot's contents), not {@code null}
     * @param snapshot the snapshot bytes from the buffer's position, not {@code null}
     * @return the restored market data
     * @throws IllegalArgumentException if the bytes are not a valid snapshot of this version for these settings
     */
    public static InstrumentMarketData restore(MarketDataSettings settings, ByteBuffer snapshot) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(snapshot, "snapshot");
        MarketDataEngine data = new MarketDataEngine(settings);
        MarketDataSnapshotReader.read(snapshot, data);
        return data;
    }
}
