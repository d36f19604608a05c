package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;

/**
 * Executes a call auction: everything that crosses trades at the single equilibrium price chosen by
 * {@link AuctionCalculator}, pairing bids and asks in price-time priority on each side. In each pair the order
 * that arrived earlier is the maker and the later one the taker (its side is the reported aggressor side); after
 * each trade the bid's level is reported, then the ask's. Immediate-or-cancel leftovers are cancelled afterwards
 * in the book's defined order. Self-trade prevention does not apply to the uncross.
 */
final class AuctionUncross {
    private final BookState state;
    private final OrderStore orders;
    private final OrderBookListener listener;
    private final AuctionIndication indication = new AuctionIndication();

    AuctionUncross(BookState state) {
        this.state = state;
        this.orders = state.orders;
        this.listener = state.listener;
    }

    void uncross(long timestampNs) {
        AuctionCalculator.compute(state.bids, state.asks, state.referencePrice, indication);
        long volume = indication.volume();
        long price = indication.price();
        while (volume > 0) {
            int bid = state.bids.head(state.bids.best());
            int ask = state.asks.head(state.asks.best());
            long quantity = Math.min(volume, Math.min(orders.remaining(bid), orders.remaining(ask)));
            boolean bidIsMaker = orders.arrival(bid) < orders.arrival(ask);
            int maker = bidIsMaker ? bid : ask;
            int taker = bidIsMaker ? ask : bid;
            listener.onTrade(timestampNs, ++state.lastTradeId, orders.orderId(maker), orders.ownerId(maker),
                orders.orderId(taker), orders.ownerId(taker), orders.side(taker), price, quantity,
                orders.remaining(maker) - quantity, orders.remaining(taker) - quantity);
            state.reduceResting(bid, quantity, timestampNs);
            state.reduceResting(ask, quantity, timestampNs);
            volume -= quantity;
        }
        if (indication.volume() > 0) {
            state.referencePrice = price;
        }
        state.cancelWhere(timestampNs, AuctionUncross::isImmediate, 0L, CancelReason.IOC_REMAINDER);
    }

    private static boolean isImmediate(OrderStore orders, int order, long ignored) {
        return orders.timeInForce(order) == TimeInForce.IOC;
    }
}
