package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.examples.exchange.OrderRecord;

/**
 * A copy of a forced-liquidation order as last reported.
 *
 * @param user          the liquidated user
 * @param clientOrderId the venue's id for the order ({@code liquidation-<order id>})
 * @param orderId       the exchange order id
 * @param instrumentId  the instrument
 * @param side          BUY or SELL
 * @param offset        the closing offset
 * @param priceTicks    the order's limit price
 * @param volume        lots ordered
 * @param volumeLeft    lots not filled
 * @param alive         whether it still works
 * @param insertTimeNs  when it was placed, nanoseconds since the epoch
 * @param lastMessage   its latest status text
 */
record LiquidationRecord(String user, String clientOrderId, long orderId, String instrumentId, Side side,
                         Offset offset, long priceTicks, long volume, long volumeLeft, boolean alive,
                         long insertTimeNs, String lastMessage) {
    static LiquidationRecord of(OrderRecord order) {
        return new LiquidationRecord(order.user(), order.clientOrderId(), order.orderId(), order.instrumentId(),
                order.side(), order.offset(), order.priceTicks(), order.volume(), order.volumeLeft(), order.alive(),
                order.insertTimeNs(), order.lastMessage());
    }
}
