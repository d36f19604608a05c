package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.util.ArrayList;
import java.util.List;

/** Test listener that records every event as one line of text (reject messages separately). */
final class EventLog implements OrderBookListener {
    final List<String> events = new ArrayList<>();
    final List<String> messages = new ArrayList<>();

    List<String> drain() {
        List<String> copy = new ArrayList<>(events);
        events.clear();
        return copy;
    }

    @Override
    public void onAccepted(long timestampNs, long orderId, long ownerId, Side side, OrderType type,
                           TimeInForce timeInForce, long price, long quantity) {
        events.add("ACCEPTED id=" + orderId + " owner=" + ownerId + " " + side + " " + type + " " + timeInForce
            + " " + quantity + "@" + price);
    }

    @Override
    public void onRejected(long timestampNs, long orderId, long ownerId, RejectCode code, CharSequence message) {
        events.add("REJECTED id=" + orderId + " owner=" + ownerId + " " + code);
        messages.add(message.toString());
    }

    @Override
    public void onTrade(long timestampNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                        long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                        long takerRemaining) {
        events.add("TRADE #" + tradeId + " maker=" + makerOrderId + "/" + makerOwnerId + " taker=" + takerOrderId
            + "/" + takerOwnerId + " " + aggressorSide + " " + quantity + "@" + price + " left=" + makerRemaining
            + "/" + takerRemaining);
    }

    @Override
    public void onCancelled(long timestampNs, long orderId, long ownerId, Side side, long price,
                            long cancelledQuantity, long remainingQuantity, CancelReason reason) {
        events.add("CANCELLED id=" + orderId + " owner=" + ownerId + " " + side + " @" + price + " -"
            + cancelledQuantity + " left=" + remainingQuantity + " " + reason);
    }

    @Override
    public void onAmended(long timestampNs, long orderId, long ownerId, Side side, long price,
                          long remainingQuantity, boolean priorityKept) {
        events.add("AMENDED id=" + orderId + " owner=" + ownerId + " " + side + " " + remainingQuantity + "@"
            + price + (priorityKept ? " kept" : " lost"));
    }

    @Override
    public void onLevelChanged(long timestampNs, long sequence, Side side, long price, long totalQuantity,
                               int orderCount) {
        events.add("LEVEL #" + sequence + " " + side + " " + price + " qty=" + totalQuantity + " n=" + orderCount);
    }

    @Override
    public void onPhaseChanged(long timestampNs, TradingPhase previous, TradingPhase current) {
        events.add("PHASE " + previous + "->" + current);
    }
}
