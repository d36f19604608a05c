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
    private final OrderBookListener listener;
    private final AuctionIndication indication = new AuctionIndication();

    AuctionUncross(BookState state) {
        this.state = state;
        this.listener = state.listener;
    }

    void uncross(long timestampNs) {
        AuctionCalculator.compute(state.bids, state.asks, state.referencePrice, indication);
        long volume = indication.volume();
        long price = indication.price();
        while (volume > 0) {
            OrderNode bid = state.bids.best().head;
            OrderNode ask = state.asks.best().head;
            long quantity = Math.min(volume, Math.min(bid.remaining, ask.remaining));
            boolean bidIsMaker = bid.arrival < ask.arrival;
            OrderNode maker = bidIsMaker ? bid : ask;
            OrderNode taker = bidIsMaker ? ask : bid;
            listener.onTrade(timestampNs, ++state.lastTradeId, maker.orderId, maker.ownerId, taker.orderId,
                taker.ownerId, taker.side, price, quantity, maker.remaining - quantity, taker.remaining - quantity);
            state.reduceResting(bid, quantity, timestampNs);
            state.reduceResting(ask, quantity, timestampNs);
            volume -= quantity;
        }
        if (indication.volume() > 0) {
            state.referencePrice = price;
        }
        state.cancelWhere(timestampNs, AuctionUncross::isImmediate, 0L, CancelReason.IOC_REMAINDER);
    }

    private static boolean isImmediate(OrderNode node, long ignored) {
        return node.timeInForce == TimeInForce.IOC;
    }
}
