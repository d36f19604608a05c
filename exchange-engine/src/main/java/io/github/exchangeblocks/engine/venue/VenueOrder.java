package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

/** A working order as the venue tracks it between the book and the accounts; pooled, mutable, venue-thread only. */
final class VenueOrder {
    long orderId;
    int accountId;
    int instrumentIndex;
    Side side;
    Offset offset;
    OrderType type;
    TimeInForce timeInForce;
    long priceTicks;
    long volume;
    long remaining;

    void clear() {
        orderId = Venue.NULL_ORDER_ID;
        accountId = -1;
        instrumentIndex = -1;
        side = null;
        offset = null;
        type = null;
        timeInForce = null;
        priceTicks = 0;
        volume = 0;
        remaining = 0;
    }
}
