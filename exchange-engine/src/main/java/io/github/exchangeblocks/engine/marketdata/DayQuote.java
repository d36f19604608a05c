package io.github.exchangeblocks.engine.marketdata;

/**
 * The day's quote figures, with the bid and ask levels read from the depth mirror. Plain fields; the engine
 * stamps {@link #datetimeNs} and {@link #version} when a change reaches the quote.
 */
final class DayQuote implements QuoteView {
    private final DepthMirror depth;
    private final int levels;
    long datetimeNs;
    long version;
    long lastPrice;
    long open;
    long highest;
    long lowest;
    long close;
    long volume;
    long amount;
    long openInterest;
    long settlement;
    long upperLimit;
    long lowerLimit;
    long preSettlement;
    long preClose;
    long preOpenInterest;

    DayQuote(DepthMirror depth, int levels) {
        this.depth = depth;
        this.levels = levels;
    }

    void onTrade(long price, long tradeVolume, long tradeAmount) {
        lastPrice = price;
        if (open == NULL_PRICE) {
            open = price;
            highest = price;
            lowest = price;
        } else {
            highest = Math.max(highest, price);
            lowest = Math.min(lowest, price);
        }
        volume += tradeVolume;
        amount += tradeAmount;
    }

    void settle(long settlementPrice) {
        settlement = settlementPrice;
        close = open == NULL_PRICE ? NULL_PRICE : lastPrice;
    }

    /** Moves the ending day's close, settlement and open interest into the pre- fields and resets the day. */
    void startDay(long lower, long upper) {
        if (open != NULL_PRICE) {
            preClose = lastPrice;
        }
        if (settlement != NULL_PRICE) {
            preSettlement = settlement;
        }
        preOpenInterest = openInterest;
        open = NULL_PRICE;
        highest = NULL_PRICE;
        lowest = NULL_PRICE;
        close = NULL_PRICE;
        volume = 0;
        amount = 0;
        settlement = NULL_PRICE;
        lowerLimit = lower;
        upperLimit = upper;
    }

    @Override
    public long datetimeNs() {
        return datetimeNs;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public long lastPrice() {
        return lastPrice;
    }

    @Override
    public long open() {
        return open;
    }

    @Override
    public long highest() {
        return highest;
    }

    @Override
    public long lowest() {
        return lowest;
    }

    @Override
    public long close() {
        return close;
    }

    @Override
    public long averagePrice() {
        if (volume == 0) {
            return NULL_PRICE;
        }
        long quotient = amount / volume;
        long remainder = amount % volume;
        return remainder >= volume - remainder ? quotient + 1 : quotient;
    }

    @Override
    public long volume() {
        return volume;
    }

    @Override
    public long amount() {
        return amount;
    }

    @Override
    public long openInterest() {
        return openInterest;
    }

    @Override
    public long settlement() {
        return settlement;
    }

    @Override
    public long upperLimit() {
        return upperLimit;
    }

    @Override
    public long lowerLimit() {
        return lowerLimit;
    }

    @Override
    public long preSettlement() {
        return preSettlement;
    }

    @Override
    public long preClose() {
        return preClose;
    }

    @Override
    public long preOpenInterest() {
        return preOpenInterest;
    }

    @Override
    public int levels() {
        return levels;
    }

    @Override
    public long bidPrice(int level) {
        DepthSide side = depth.bids;
        return checkLevel(level) < side.levels() ? side.price(level) : NULL_PRICE;
    }

    @Override
    public long bidVolume(int level) {
        DepthSide side = depth.bids;
        return checkLevel(level) < side.levels() ? side.quantity(level) : 0;
    }

    @Override
    public long askPrice(int level) {
        DepthSide side = depth.asks;
        return checkLevel(level) < side.levels() ? side.price(level) : NULL_PRICE;
    }

    @Override
    public long askVolume(int level) {
        DepthSide side = depth.asks;
        return checkLevel(level) < side.levels() ? side.quantity(level) : 0;
    }

    private int checkLevel(int level) {
        if (level < 0 || level >= levels) {
            throw new IndexOutOfBoundsException("level=" + level + " must be in 0.." + (levels - 1));
        }
        return level;
    }
}
