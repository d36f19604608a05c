package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

/**
 * The host's record of an order the exchange accepted: who placed it and what is left, for cancels (owner check,
 * which book) and for the DIFF {@code trade.<user>.orders} entry. Mutable; engine thread only.
 */
final class WorkingOrder {
    final long orderId;
    final String user;
    final int accountId;
    final int instrumentIndex;
    final Side side;
    final Offset offset;
    final TimeInForce timeInForce;
    final long priceTicks;
    final long volume;
    final long insertTimeNs;
    long volumeLeft;
    boolean finished;
    String lastMessage = "";

    WorkingOrder(Command.PlaceOrder command, int accountId, int instrumentIndex) {
        this.orderId = command.orderId();
        this.user = command.user();
        this.accountId = accountId;
        this.instrumentIndex = instrumentIndex;
        this.side = command.side();
        this.offset = command.offset();
        this.timeInForce = command.timeInForce();
        this.priceTicks = command.priceTicks();
        this.volume = command.volume();
        this.insertTimeNs = command.timestampNs();
        this.volumeLeft = command.volume();
    }

    void finish(String message) {
        finished = true;
        lastMessage = message;
    }
}
