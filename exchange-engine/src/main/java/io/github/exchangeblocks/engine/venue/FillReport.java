package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;

/**
 * One side of a trade as its account booked it: what traded and what it cost. A flyweight owned by the venue and
 * rewritten for every fill: read it during {@link VenueListener#onFill}, copy what you keep. Prices in ticks,
 * volumes in lots, money in the venue's minor units. Not thread-safe.
 */
public final class FillReport {
    int instrumentIndex;
    long tradeId;
    long orderId;
    int accountId;
    Side side;
    Offset offset;
    boolean maker;
    long priceTicks;
    long volume;
    long remainingVolume;
    long commission;
    long closeProfit;
    long marginChange;
    long closedToday;
    long closedHistory;

    FillReport() {
    }

    /** @return the instrument's index */
    public int instrumentIndex() {
        return instrumentIndex;
    }

    /** @return the venue-wide trade id */
    public long tradeId() {
        return tradeId;
    }

    /** @return the filled order */
    public long orderId() {
        return orderId;
    }

    /** @return the order's account */
    public int accountId() {
        return accountId;
    }

    /** @return the order's side */
    public Side side() {
        return side;
    }

    /** @return the order's resolved offset */
    public Offset offset() {
        return offset;
    }

    /** @return true if the order was resting (maker), false if it was the incoming order (taker) */
    public boolean maker() {
        return maker;
    }

    /** @return the trade price in ticks */
    public long priceTicks() {
        return priceTicks;
    }

    /** @return lots filled */
    public long volume() {
        return volume;
    }

    /** @return lots of the order still working after this fill */
    public long remainingVolume() {
        return remainingVolume;
    }

    /** @return commission charged for this fill, minor units, {@code >= 0} */
    public long commission() {
        return commission;
    }

    /** @return profit realised by closing (negative for a loss), minor units; 0 for an opening fill */
    public long closeProfit() {
        return closeProfit;
    }

    /** @return change of the account's position margin (positive: booked, negative: released), minor units */
    public long marginChange() {
        return marginChange;
    }

    /** @return lots of today's position this fill closed */
    public long closedToday() {
        return closedToday;
    }

    /** @return lots of the history position this fill closed */
    public long closedHistory() {
        return closedHistory;
    }
}
