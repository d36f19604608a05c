package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

import java.math.BigDecimal;

/**
 * {@code insert_order}, validated and mapped onto the SDK's order vocabulary. DIFF's
 * {@code time_condition}/{@code volume_condition} pair maps onto {@link TimeInForce}: {@code GFD} and {@code GTC}
 * with {@code ANY}, {@code IOC} with {@code ANY} is {@link TimeInForce#IOC}, {@code IOC} with {@code ALL} is
 * {@link TimeInForce#FOK}. {@code price_type} {@code ANY} is a market order.
 *
 * @param userId the user id, non-empty
 * @param orderId the client order id, non-empty
 * @param exchangeId the exchange, e.g. {@code SHFE}
 * @param instrumentId the instrument code within the exchange, e.g. {@code cu2512}
 * @param direction buy or sell
 * @param offset open, close or close-today
 * @param volume the quantity in lots, {@code > 0}
 * @param priceType limit or market
 * @param limitPrice the exact limit price, {@code > 0}, for limit orders; {@code null} for market orders
 * @param timeInForce the time in force
 */
public record InsertOrder(String userId, String orderId, String exchangeId, String instrumentId, Side direction,
                          Offset offset, long volume, OrderType priceType, BigDecimal limitPrice,
                          TimeInForce timeInForce) implements ClientMessage {
    /** The aid. */
    public static final String AID = "insert_order";

    @Override
    public String aid() {
        return AID;
    }

    /**
     * The instrument id in the SDK's {@code EXCHANGE.code} form.
     *
     * @return {@code exchangeId + "." + instrumentId}
     */
    public String symbol() {
        return exchangeId + '.' + instrumentId;
    }
}
