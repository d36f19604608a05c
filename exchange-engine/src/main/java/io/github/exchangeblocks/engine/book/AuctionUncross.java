package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;

/**
 * Executes a call auction: everything that crosses trades at the single equilibrium price chosen by
 * {@link AuctionCalculator}, pairing bids and asks in priority order on each side. In each pair the order that
 * arrived earlier is the maker and the later one the taker (its side is the reported aggressor side); after each
 * trade the bid's level is reported, then the ask's (an order of an any-price queue reports no level).
 * Self-trade prevention does not apply to the uncross.
 *
 * <p>Priority on each side: the any-price queue (market orders without protection price, in time priority)
 * first, then the price levels best first, time priority within each. A market order with a protection price
 * rests in the level of its protection price and has that price's priority, like a limit order.
 *
 * <p>Minimum quantities: before anything trades, the uncross allocates the equilibrium volume in priority order
 * on each side (an order gets what is left of the volume after every order ahead of it on its side, up to its own
 * quantity). While some order would get less than its minimum (a fill-or-kill order: less than its whole
 * quantity; an order with a minimum quantity: less than that minimum, nothing included), the first such order
 * (bids before asks, each side in priority order) is cancelled with {@link CancelReason#FOK_UNFILLABLE} or
 * {@link CancelReason#MIN_QUANTITY_UNFILLABLE} and the equilibrium is computed again without it. So every such
 * order that survives gets at least its minimum, and when nothing crosses they are all cancelled. The
 * {@link AuctionIndication} shown during the auction counts them like other orders and may therefore differ from
 * the price the uncross finally uses.
 *
 * <p>Leftovers, afterwards, in the book's defined order: what is left of a market order is cancelled with
 * {@link CancelReason#MARKET_NO_LIQUIDITY}, of an immediate-or-cancel limit order with
 * {@link CancelReason#IOC_REMAINDER}; the rest stays for continuous trading, without its minimum quantity.
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
            compute();
            int unfillable = firstShort(Side.BUY, indication.volume());
            if (unfillable == OrderStore.NIL) {
                unfillable = firstShort(Side.SELL, indication.volume());
            }
            if (unfillable == OrderStore.NIL) {
                break;
            }
            state.cancelResting(unfillable, timestampNs, orders.timeInForce(unfillable) == TimeInForce.FOK
                ? CancelReason.FOK_UNFILLABLE : CancelReason.MIN_QUANTITY_UNFILLABLE);
        }
        long volume = indication.volume();
        long price = indication.price();
        while (volume > 0) {
            int bid = state.firstInPriority(Side.BUY);
            int ask = state.firstInPriority(Side.SELL);
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
        cancelLeftovers(Side.BUY, timestampNs);
        cancelLeftovers(Side.SELL, timestampNs);
        state.minimums.clear();
    }

    private void compute() {
        AuctionCalculator.compute(state.bids, state.asks, state.bidMarkets.quantity(), state.askMarkets.quantity(),
            state.referencePrice, indication);
    }

    /**
     * The first order of a side, in priority order, that an allocation of {@code volume} in priority order would
     * fill short of its minimum; NIL if there is none.
     */
    private int firstShort(Side side, long volume) {
        long ahead = 0;
        for (int order = state.firstInPriority(side); order != OrderStore.NIL; order = state.nextInPriority(order)) {
            if (isShort(order, ahead, volume)) {
                return order;
            }
            ahead += orders.remaining(order);
        }
        return OrderStore.NIL;
    }

    /** Whether {@code order}, with {@code ahead} allocated before it, would get less than its minimum. */
    private boolean isShort(int order, long ahead, long volume) {
        long remaining = orders.remaining(order);
        long minimum = orders.timeInForce(order) == TimeInForce.FOK ? remaining : state.minimums.of(order);
        return minimum > 0 && Math.min(remaining, Math.max(0L, volume - ahead)) < minimum;
    }

    /** Cancels the side's market and immediate-or-cancel leftovers, in the book's defined order. */
    private void cancelLeftovers(Side side, long timestampNs) {
        int order = state.firstInPriority(side);
        while (order != OrderStore.NIL) {
            int next = state.nextInPriority(order);
            if (orders.type(order) == OrderType.MARKET) {
                state.cancelResting(order, timestampNs, CancelReason.MARKET_NO_LIQUIDITY);
            } else if (orders.timeInForce(order) == TimeInForce.IOC) {
                state.cancelResting(order, timestampNs, CancelReason.IOC_REMAINDER);
            }
            order = next;
        }
    }
}
