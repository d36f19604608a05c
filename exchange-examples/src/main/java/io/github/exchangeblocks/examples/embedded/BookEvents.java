package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.engine.account.AccountBook;

import java.util.Map;

/**
 * Listens to one instrument's order book and keeps the accounts in step with it: each trade books a fill into both
 * the maker's and the taker's account at the trade price; each removal releases what the order still froze.
 * Orders and trades are handed to the {@link DiffPublisher} as they happen. Engine thread only; it never calls
 * back into the book (the publisher reads quotes after the command).
 */
final class BookEvents implements OrderBookListener {
    private final int instrumentIndex;
    private final AccountBook accounts;
    private final Map<Long, WorkingOrder> orders;
    private final DiffPublisher publisher;
    private RejectCode lastRejectCode;
    private String lastRejectMessage = "";

    BookEvents(int instrumentIndex, AccountBook accounts, Map<Long, WorkingOrder> orders, DiffPublisher publisher) {
        this.instrumentIndex = instrumentIndex;
        this.accounts = accounts;
        this.orders = orders;
        this.publisher = publisher;
    }

    @Override
    public void onRejected(long timestampNs, long orderId, long ownerId, RejectCode code, CharSequence message) {
        lastRejectCode = code;
        lastRejectMessage = message.toString();
    }

    @Override
    public void onTrade(long timestampNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                        long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                        long takerRemaining) {
        fill(orders.get(makerOrderId), tradeId, price, quantity, makerRemaining, timestampNs);
        fill(orders.get(takerOrderId), tradeId, price, quantity, takerRemaining, timestampNs);
        publisher.traded(instrumentIndex, price, quantity);
    }

    @Override
    public void onCancelled(long timestampNs, long orderId, long ownerId, Side side, long price,
                            long cancelledQuantity, long remainingQuantity, CancelReason reason) {
        if (remainingQuantity != 0) {
            // Decrement-and-cancel self-trade prevention leaves a remainder: release just the cancelled lots.
            if (!accounts.reduceOrder(orderId, cancelledQuantity)) {
                throw new IllegalStateException("account book refused to reduce orderId=" + orderId + ": "
                        + accounts.lastRejection());
            }
            WorkingOrder order = orders.get(orderId);
            order.volumeLeft = remainingQuantity;
            publisher.order(order);
            publisher.quoteChanged(instrumentIndex);
            return;
        }
        if (!accounts.cancelOrder(orderId)) {
            throw new IllegalStateException("account book refused to release orderId=" + orderId + ": "
                    + accounts.lastRejection());
        }
        WorkingOrder order = orders.remove(orderId);
        order.volumeLeft = 0;
        order.finish("cancelled: " + reason);
        publisher.order(order);
        publisher.quoteChanged(instrumentIndex);
    }

    @Override
    public void onLevelChanged(long timestampNs, long sequence, Side side, long price, long totalQuantity,
                               int orderCount) {
        publisher.quoteChanged(instrumentIndex);
    }

    /**
     * The book's last reject (the book reports why through this listener, not through a return value).
     *
     * @return the code, or {@code null} if the book never rejected
     */
    RejectCode lastRejectCode() {
        return lastRejectCode;
    }

    String lastRejectMessage() {
        return lastRejectMessage;
    }

    private void fill(WorkingOrder order, long tradeId, long price, long quantity, long remaining, long timestampNs) {
        if (!accounts.fill(order.orderId, price, quantity)) {
            throw new IllegalStateException("account book refused the fill of orderId=" + order.orderId + ": "
                    + accounts.lastRejection());
        }
        order.volumeLeft = remaining;
        if (remaining == 0) {
            order.finish("filled");
            orders.remove(order.orderId);
        }
        // The fill's own figures (DIFF trades carry the commission charged) come from the account book's flyweight.
        publisher.trade(order, tradeId, price, quantity, accounts.lastFill().commission(), timestampNs);
        publisher.order(order);
    }
}
