package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.OrderBookView;

/**
 * Finds the call-auction equilibrium of a book in one pass over the merged price levels, without allocating.
 *
 * <p>Candidates are the prices of all resting levels. At a candidate {@code p} the buy quantity is the sum of bids
 * priced at or above {@code p} plus every market bid without protection price (they buy at any price), the sell
 * quantity the sum of asks at or below {@code p} plus every market ask without protection price, and the
 * executable volume the smaller of the two. The chosen price:
 * <ol>
 *   <li>maximises the executable volume (only prices where it is positive count);</li>
 *   <li>then minimises the absolute imbalance {@code |buy - sell|};</li>
 *   <li>then is nearest to the reference price (skipped when there is none);</li>
 *   <li>then is the lowest of the remaining candidates (the final, documented rule).</li>
 * </ol>
 * When no level rests on either side (only market orders, which name no price), the reference price is the only
 * candidate; without a reference price nothing trades. A market order with a protection price rests in the level
 * of that price and counts there like a limit order.
 *
 * <p>Every resting order counts at its limit price whatever its time in force or minimum quantity; orders the
 * allocation would fill short of their minimum (fill-or-kill: short of their quantity) are removed by
 * {@link AuctionUncross} before it trades.
 */
final class AuctionCalculator {
    private AuctionCalculator() {
    }

    /**
     * Computes the equilibrium into {@code out}.
     *
     * @param marketBuy the quantity of the bid side's any-price queue
     * @param marketSell the quantity of the ask side's any-price queue
     */
    static AuctionIndication compute(BookSide bids, BookSide asks, long marketBuy, long marketSell,
                                     long referencePrice, AuctionIndication out) {
        if (bids.size() == 0 && asks.size() == 0) {
            long volume = Math.min(marketBuy, marketSell);
            return volume > 0 && referencePrice != OrderBookView.NULL_PRICE
                ? out.set(referencePrice, volume, marketBuy, marketSell)
                : out.set(OrderBookView.NULL_PRICE, 0L, 0L, 0L);
        }
        long totalBid = marketBuy;
        for (int level = bids.best(); level != BookSide.NONE; level = bids.worse(level)) {
            totalBid += bids.quantity(level);
        }
        long bestPrice = OrderBookView.NULL_PRICE;
        long bestVolume = 0;
        long bestImbalance = 0;
        long bestBuy = 0;
        long bestSell = 0;
        long bidBelow = 0;
        long askAtOrBelow = marketSell;
        // Both cursors walk prices upwards: bids from the worst, asks from the best.
        int bid = bids.worst();
        int ask = asks.best();
        while (bid != BookSide.NONE || ask != BookSide.NONE) {
            long bidPrice = bid != BookSide.NONE ? bids.price(bid) : Long.MAX_VALUE;
            long askPrice = ask != BookSide.NONE ? asks.price(ask) : Long.MAX_VALUE;
            long price = Math.min(bidPrice, askPrice);
            while (ask != BookSide.NONE && asks.price(ask) <= price) {
                askAtOrBelow += asks.quantity(ask);
                ask = asks.worse(ask);
            }
            long buy = totalBid - bidBelow;
            long volume = Math.min(buy, askAtOrBelow);
            if (volume > 0) {
                long imbalance = Math.abs(buy - askAtOrBelow);
                if (volume > bestVolume
                    || (volume == bestVolume && (imbalance < bestImbalance
                    || (imbalance == bestImbalance && nearer(price, bestPrice, referencePrice))))) {
                    bestPrice = price;
                    bestVolume = volume;
                    bestImbalance = imbalance;
                    bestBuy = buy;
                    bestSell = askAtOrBelow;
                }
            }
            while (bid != BookSide.NONE && bids.price(bid) <= price) {
                bidBelow += bids.quantity(bid);
                bid = bids.better(bid);
            }
        }
        return out.set(bestPrice, bestVolume, bestBuy, bestSell);
    }

    /** Whether {@code price} is strictly nearer the reference than {@code current}; ties keep the lower (earlier). */
    private static boolean nearer(long price, long current, long referencePrice) {
        if (referencePrice == OrderBookView.NULL_PRICE) {
            return false;
        }
        return Math.abs(price - referencePrice) < Math.abs(current - referencePrice);
    }
}
