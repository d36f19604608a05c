package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test listener that rebuilds every order's working quantity from the events alone and keeps the totals for the
 * conservation invariant: entered = 2 x traded + cancelled + resting. Forwards every event to a delegate.
 */
final class QuantityLedger implements OrderBookListener {
    final Map<Long, Long> working = new TreeMap<>();
    long entered;
    long tradedBothSides;
    long cancelled;
    private final OrderBookListener delegate;

    QuantityLedger(OrderBookListener delegate) {
        this.delegate = delegate;
    }

    long workingTotal() {
        long sum = 0;
        for (long q : working.values()) {
            sum += q;
        }
        return sum;
    }

    private void set(long id, long remaining) {
        if (remaining == 0) {
            working.remove(id);
        } else {
            working.put(id, remaining);
        }
    }

    @Override
    public void onAccepted(long ts, long orderId, long ownerId, Side side, OrderType type, TimeInForce tif,
                           long price, long quantity) {
        entered += quantity;
        set(orderId, quantity);
        delegate.onAccepted(ts, orderId, ownerId, side, type, tif, price, quantity);
    }

    @Override
    public void onRejected(long ts, long orderId, long ownerId, RejectCode code, CharSequence message) {
        delegate.onRejected(ts, orderId, ownerId, code, message);
    }

    @Override
    public void onTrade(long ts, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                        long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                        long takerRemaining) {
        tradedBothSides += 2 * quantity;
        set(makerOrderId, makerRemaining);
        set(takerOrderId, takerRemaining);
        delegate.onTrade(ts, tradeId, makerOrderId, makerOwnerId, takerOrderId, takerOwnerId, aggressorSide, price,
            quantity, makerRemaining, takerRemaining);
    }

    @Override
    public void onCancelled(long ts, long orderId, long ownerId, Side side, long price, long cancelledQuantity,
                            long remainingQuantity, CancelReason reason) {
        cancelled += cancelledQuantity;
        set(orderId, remainingQuantity);
        delegate.onCancelled(ts, orderId, ownerId, side, price, cancelledQuantity, remainingQuantity, reason);
    }

    @Override
    public void onAmended(long ts, long orderId, long ownerId, Side side, long price, long remainingQuantity,
                          boolean priorityKept) {
        entered += remainingQuantity - working.getOrDefault(orderId, 0L);
        set(orderId, remainingQuantity);
        delegate.onAmended(ts, orderId, ownerId, side, price, remainingQuantity, priorityKept);
    }

    @Override
    public void onLevelChanged(long ts, long sequence, Side side, long price, long totalQuantity, int orderCount) {
        delegate.onLevelChanged(ts, sequence, side, price, totalQuantity, orderCount);
    }

    @Override
    public void onPhaseChanged(long ts, TradingPhase previous, TradingPhase current) {
        delegate.onPhaseChanged(ts, previous, current);
    }
}
