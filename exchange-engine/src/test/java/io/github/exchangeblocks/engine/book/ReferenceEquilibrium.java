package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle's call-auction equilibrium by brute force: every resting price is a candidate (or, when only market
 * orders without a price rest, the reference price alone), volumes are summed from scratch, and the rules
 * (volume, imbalance, reference distance, lowest price) are applied in order. An order with price 0 (a market
 * order without protection) buys or sells at every candidate.
 */
final class ReferenceEquilibrium {
    private ReferenceEquilibrium() {
    }

    /** Brute force equilibrium; returns {price, volume, buy, sell}. */
    static long[] compute(List<ReferenceOrder> resting, long reference) {
        long[] best = {0, 0, 0, 0};
        long bestImbalance = 0;
        List<Long> candidates = new ArrayList<>();
        for (ReferenceOrder o : resting) {
            if (o.price != 0 && !candidates.contains(o.price)) {
                candidates.add(o.price);
            }
        }
        if (candidates.isEmpty() && reference != 0) {
            candidates.add(reference);
        }
        candidates.sort(null);
        for (long p : candidates) {
            long buy = 0;
            long sell = 0;
            for (ReferenceOrder o : resting) {
                if (o.side == Side.BUY && (o.price == 0 || o.price >= p)) {
                    buy += o.remaining;
                }
                if (o.side == Side.SELL && (o.price == 0 || o.price <= p)) {
                    sell += o.remaining;
                }
            }
            long volume = Math.min(buy, sell);
            long imbalance = Math.abs(buy - sell);
            if (volume == 0) {
                continue;
            }
            boolean better = volume > best[1]
                || volume == best[1] && imbalance < bestImbalance
                || volume == best[1] && imbalance == bestImbalance && reference != 0
                && Math.abs(p - reference) < Math.abs(best[0] - reference);
            if (better) {
                best = new long[] {p, volume, buy, sell};
                bestImbalance = imbalance;
            }
        }
        return best;
    }
}
