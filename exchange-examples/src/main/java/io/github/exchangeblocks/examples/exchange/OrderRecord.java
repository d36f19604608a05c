package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

/**
 * One order of the trading day as clients see it (DIFF's {@code trade.<user>.orders.<order_id>}): kept by the core
 * from insert to the end of the day, including rejected and finished orders. Mutated only by the engine thread;
 * listeners read it during their call.
 */
public final class OrderRecord {
    final String user;
    final String clientOrderId;
    final String instrumentId;
    final Side side;
    final Offset requestedOffset;
    final OrderType type;
    final TimeInForce timeInForce;
    final long volume;
    final long insertTimeNs;
    long orderId;
    Offset offset;
    long priceTicks;
    long volumeLeft;
    boolean alive;
    String lastMessage = "";

    OrderRecord(String user, String clientOrderId, String instrumentId, Side side, Offset offset, OrderType type,
                TimeInForce timeInForce, long priceTicks, long volume, long insertTimeNs) {
        this.user = user;
        this.clientOrderId = clientOrderId;
        this.instrumentId = instrumentId;
        this.side = side;
        this.requestedOffset = offset;
        this.offset = offset;
        this.type = type;
        this.timeInForce = timeInForce;
        this.priceTicks = priceTicks;
        this.volume = volume;
        this.volumeLeft = volume;
        this.insertTimeNs = insertTimeNs;
    }

    /** @return the owner */
    public String user() {
        return user;
    }

    /** @return the user's id for the order */
    public String clientOrderId() {
        return clientOrderId;
    }

    /** @return the exchange order id, 0 if the order was rejected before reaching the book */
    public long orderId() {
        return orderId;
    }

    /** @return {@code EXCHANGE.code} as the request named it (may be unknown to the exchange) */
    public String instrumentId() {
        return instrumentId;
    }

    /** @return BUY or SELL ({@code null} only for a request rejected for lacking it) */
    public Side side() {
        return side;
    }

    /** @return the resolved offset once accepted, else the requested one */
    public Offset offset() {
        return offset;
    }

    /** @return LIMIT or MARKET */
    public OrderType type() {
        return type;
    }

    /** @return the time in force */
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** @return the limit (or protection) price in ticks */
    public long priceTicks() {
        return priceTicks;
    }

    /** @return the original volume in lots */
    public long volume() {
        return volume;
    }

    /** @return lots not yet filled; 0 once finished by fill, and what was cancelled stays here as DIFF shows it */
    public long volumeLeft() {
        return volumeLeft;
    }

    /** @return true while the order works in the book (DIFF status ALIVE), false once FINISHED */
    public boolean alive() {
        return alive;
    }

    /** @return the latest human status ("accepted", "filled", "cancelled: USER", a reject message) */
    public String lastMessage() {
        return lastMessage;
    }

    /** @return when the order was inserted, nanoseconds since the epoch */
    public long insertTimeNs() {
        return insertTimeNs;
    }
}
