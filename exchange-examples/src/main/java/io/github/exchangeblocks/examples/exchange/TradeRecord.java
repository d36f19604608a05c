package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;

/**
 * One side of a trade as its user sees it (DIFF's {@code trade.<user>.trades.<order_id>|<trade_id>}).
 *
 * @param user          the owner
 * @param clientOrderId the user's id of the filled order
 * @param orderId       the exchange order id
 * @param tradeId       the exchange trade id (shared by both sides)
 * @param instrumentId  {@code EXCHANGE.code}
 * @param side          the order's side
 * @param offset        the order's resolved offset
 * @param priceTicks    trade price
 * @param volume        lots
 * @param commission    commission charged, minor units
 * @param closeProfit   profit realised by closing, minor units
 * @param maker         true if the order was resting
 * @param timeNs        trade time, nanoseconds since the epoch
 */
public record TradeRecord(String user, String clientOrderId, long orderId, long tradeId, String instrumentId,
                          Side side, Offset offset, long priceTicks, long volume, long commission, long closeProfit,
                          boolean maker, long timeNs) {
}
