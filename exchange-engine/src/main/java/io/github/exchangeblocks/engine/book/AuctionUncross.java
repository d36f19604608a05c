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
 *
 * <p>Fill-or-kill orders rest in the auction and count in the equilibrium like limit orders. Before anything
 * trades, the uncross allocates the equilibrium volume in price-time priority on each side (an order gets what is
 * left of the volume after every order ahead of it on its side, up to its own quantity); while some fill-or-kill
 * order would get less than its whole quantity, the first such order (bids before asks, each side in priority
 * order) is cancelled with {@link CancelReason#FOK_UNFILLABLE} and the equilibrium is computed again without it.
 * So every fill-or-kill order that survives is filled completely, and when nothing crosses every fill-or-kill
 * order is cancelled. The {@link AuctionIndication} shown during the auction counts fill-or-kill orders like
 * limit orders and may therefore differ from the price the uncross finally uses.
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
        while (true) {
            AuctionCalculator.compute(state.bids, state.asks, state.referencePrice, indication);
            int unfillable = firstUnfillable(state.bids, indication.volume());
            if (unfillable == OrderStore.NIL) {
                unfillable = firstUnfillable(state.asks, indication.volume());
            }
            if (unfillable == OrderStore.NIL) {
                break;
            }
            state.cancelResting(unfillable, timestampNs, CancelReason.FOK_UNFILLABLE);
        }
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

    /**
     * The first fill-or-kill order of {@code side}, in priority order, that an allocation of {@code volume} in
     * priority order would not fill completely; NIL if there is none.
     */
    private int firstUnfillable(BookSide side, long volume) {
        long ahead = 0;
        for (int level = side.best(); level != BookSide.NONE; level = side.worse(level)) {
            for (int order = side.head(level); order != OrderStore.NIL; order = orders.next(order)) {
                long remaining = orders.remaining(order);
                if (orders.timeInForce(order) == TimeInForce.FOK && ahead + remaining > volume) {
                    return order;
                }
                ahead += remaining;
            }
        }
        return OrderStore.NIL;
    }

    private static boolean isImmediate(OrderStore orders, int order, long ignored) {
        return orders.timeInForce(order) == TimeInForce.IOC;
    }
}
