package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;

/**
 * Receives one batch of depth deltas (Binance {@code depthUpdate} style) from
 * {@link InstrumentMarketData#drainDepthDelta} or {@link DepthView#visitPendingDelta}, on the calling thread.
 * {@link #onBatch} comes first, then one {@link #onLevel} per level that changed in the batch, in the order the
 * levels first changed, each with its final state. A client that applied every batch up to update id {@code u}
 * applies the next batch exactly when its {@code firstUpdateId == u + 1}; after a full snapshot at update id
 * {@code S} it drops batches with {@code lastUpdateId <= S} and applies the first one with
 * {@code firstUpdateId <= S + 1 <= lastUpdateId}.
 */
public interface DepthDeltaVisitor {

    /**
     * The batch's update id range ({@code U} and {@code u}).
     *
     * @param firstUpdateId the first update id in the batch
     * @param lastUpdateId the last update id in the batch, at least {@code firstUpdateId}
     * @param levels the number of {@link #onLevel} calls that follow, positive
     */
    default void onBatch(long firstUpdateId, long lastUpdateId, int levels) {
    }

    /**
     * A level's state after the batch.
     *
     * @param side the level's side
     * @param price the level's price
     * @param quantity the total quantity; 0 means the level is gone
     * @param orderCount the number of orders; 0 when the level is gone
     */
    void onLevel(Side side, long price, long quantity, int orderCount);
}
