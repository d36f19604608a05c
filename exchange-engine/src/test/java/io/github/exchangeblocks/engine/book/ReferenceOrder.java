package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;

/** A resting or incoming order of the oracle: plain mutable fields. */
final class ReferenceOrder {
    long id;
    long owner;
    Side side;
    OrderType type;
    TimeInForce tif;
    SelfTradePrevention stp;
    boolean postOnly;
    long price;
    long remaining;
    long timestamp;
    long arrival;
    /** The call-auction minimum fill quantity; 0 for none (always 0 outside the auction). */
    long minQty;

    ReferenceOrder copy() {
        ReferenceOrder o = new ReferenceOrder();
        o.id = id; o.owner = owner; o.side = side; o.type = type; o.tif = tif; o.stp = stp;
        o.postOnly = postOnly; o.price = price; o.remaining = remaining; o.timestamp = timestamp;
        o.arrival = arrival; o.minQty = minQty;
        return o;
    }
}
