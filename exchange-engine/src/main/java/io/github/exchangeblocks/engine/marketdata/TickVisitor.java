package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;

/**
 * Receives trade ticks from the {@link TradeTapeView}, oldest first, on the calling thread.
 */
@FunctionalInterface
public interface TickVisitor {

    /**
     * One trade tick.
     *
     * @param tickId the tape's sequence number, starting at 1 and without gaps
     * @param tradeId the book's trade id
     * @param timestampNs the trade's market-data time (see {@link InstrumentMarketData#onTrade})
     * @param price the trade price
     * @param volume the traded volume, positive
     * @param aggressorSide the taker's side
     */
    void onTick(long tickId, long tradeId, long timestampNs, long price, long volume, Side aggressorSide);
}
