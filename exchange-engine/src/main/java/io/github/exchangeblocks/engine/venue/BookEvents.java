package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.TradingPhase;

/** One book's listener: adds the instrument to each event and hands it to the venue's order flow. */
final class BookEvents implements OrderBookListener {
    private final int instrumentIndex;
    private final Venue venue;

    BookEvents(int instrumentIndex, Venue venue) {
        this.instrumentIndex = instrumentIndex;
        this.venue = venue;
    }

    @Override
    public void onAccepted(long timestampNs, long orderId, long ownerId, Side side, OrderType type,
                           TimeInForce timeInForce, long price, long quantity) {
        venue.flow.onBookAccepted(timestampNs, orderId);
    }

    @Override
    public void onRejected(long timestampNs, long orderId, long ownerId, RejectCode code, CharSequence message) {
        venue.flow.onBookRejected(code, message);
    }

    @Override
    public void onTrade(long timestampNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                        long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                        long takerRemaining) {
        venue.flow.onBookTrade(timestampNs, instrumentIndex, makerOrderId, takerOrderId, aggressorSide, price,
                quantity, makerRemaining, takerRemaining);
    }

    @Override
    public void onCancelled(long timestampNs, long orderId, long ownerId, Side side, long price,
                            long cancelledQuantity, long remainingQuantity, CancelReason reason) {
        venue.flow.onBookCancelled(timestampNs, instrumentIndex, orderId, cancelledQuantity, remainingQuantity,
                reason);
    }

    @Override
    public void onAmended(long timestampNs, long orderId, long ownerId, Side side, long price,
                          long remainingQuantity, boolean priorityKept) {
        venue.flow.onBookAmended(timestampNs, instrumentIndex, orderId, price, remainingQuantity, priorityKept);
    }

    @Override
    public void onLevelChanged(long timestampNs, long sequence, Side side, long price, long totalQuantity,
                               int orderCount) {
        venue.marketData.get(instrumentIndex).onLevelChanged(timestampNs, sequence, side, price, totalQuantity,
                orderCount);
        venue.listener.onLevelChanged(timestampNs, instrumentIndex, sequence, side, price, totalQuantity,
                orderCount);
    }

    @Override
    public void onPhaseChanged(long timestampNs, TradingPhase previous, TradingPhase current) {
        venue.listener.onPhaseChanged(timestampNs, instrumentIndex, previous, current);
    }
}
