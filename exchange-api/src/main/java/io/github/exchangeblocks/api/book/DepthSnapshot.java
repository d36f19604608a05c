package io.github.exchangeblocks.api.book;

/**
 * A reusable copy of the top levels of a book's aggregated depth (level 2). Created once with a capacity and
 * refilled by {@link OrderBookView#depth(DepthSnapshot)} without allocating. Level 0 is the best price on each
 * side. Not thread-safe; it is a plain mutable holder.
 */
public final class DepthSnapshot {

    private final long[] bidPrices;
    private final long[] bidQuantities;
    private final int[] bidCounts;
    private final long[] askPrices;
    private final long[] askQuantities;
    private final int[] askCounts;
    private int bidLevels;
    private int askLevels;

    /**
     * Creates a snapshot able to hold {@code capacity} levels per side.
     *
     * @param capacity the number of levels per side, at least 1
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public DepthSnapshot(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity=" + capacity + " must be >= 1");
        }
        bidPrices = new long[capacity];
        bidQuantities = new long[capacity];
        bidCounts = new int[capacity];
        askPrices = new long[capacity];
        askQuantities = new long[capacity];
        askCounts = new int[capacity];
    }

    /**
     * How many levels per side this snapshot can hold.
     *
     * @return the capacity given at construction
     */
    public int capacity() {
        return bidPrices.length;
    }

    /**
     * Empties both sides; called by the book before refilling.
     */
    public void clear() {
        bidLevels = 0;
        askLevels = 0;
    }

    /**
     * Appends the next bid level (worse than the ones before); called by the book.
     *
     * @param price the level price
     * @param quantity the total quantity
     * @param count the order count
     * @return false when the snapshot is full and the level was not added
     */
    public boolean addBid(long price, long quantity, int count) {
        if (bidLevels == bidPrices.length) {
            return false;
        }
        bidPrices[bidLevels] = price;
        bidQuantities[bidLevels] = quantity;
        bidCounts[bidLevels] = count;
        bidLevels++;
        return true;
    }

    /**
     * Appends the next ask level (worse than the ones before); called by the book.
     *
     * @param price the level price
     * @param quantity the total quantity
     * @param count the order count
     * @return false when the snapshot is full and the level was not added
     */
    public boolean addAsk(long price, long quantity, int count) {
        if (askLevels == askPrices.length) {
            return false;
        }
        askPrices[askLevels] = price;
        askQuantities[askLevels] = quantity;
        askCounts[askLevels] = count;
        askLevels++;
        return true;
    }

    /**
     * The number of bid levels held.
     *
     * @return 0 up to {@link #capacity()}
     */
    public int bidLevels() {
        return bidLevels;
    }

    /**
     * The number of ask levels held.
     *
     * @return 0 up to {@link #capacity()}
     */
    public int askLevels() {
        return askLevels;
    }

    /**
     * A bid level's price.
     *
     * @param level 0 for the best bid, below {@link #bidLevels()}
     * @return the price
     */
    public long bidPrice(int level) {
        return bidPrices[checkBid(level)];
    }

    /**
     * A bid level's total quantity.
     *
     * @param level 0 for the best bid, below {@link #bidLevels()}
     * @return the quantity
     */
    public long bidQuantity(int level) {
        return bidQuantities[checkBid(level)];
    }

    /**
     * A bid level's order count.
     *
     * @param level 0 for the best bid, below {@link #bidLevels()}
     * @return the number of orders
     */
    public int bidCount(int level) {
        return bidCounts[checkBid(level)];
    }

    /**
     * An ask level's price.
     *
     * @param level 0 for the best ask, below {@link #askLevels()}
     * @return the price
     */
    public long askPrice(int level) {
        return askPrices[checkAsk(level)];
    }

    /**
     * An ask level's total quantity.
     *
     * @param level 0 for the best ask, below {@link #askLevels()}
     * @return the quantity
     */
    public long askQuantity(int level) {
        return askQuantities[checkAsk(level)];
    }

    /**
     * An ask level's order count.
     *
     * @param level 0 for the best ask, below {@link #askLevels()}
     * @return the number of orders
     */
    public int askCount(int level) {
        return askCounts[checkAsk(level)];
    }

    private int checkBid(int level) {
        if (level < 0 || level >= bidLevels) {
            throw new IndexOutOfBoundsException("bid level=" + level + " must be in 0.." + (bidLevels - 1));
        }
        return level;
    }

    private int checkAsk(int level) {
        if (level < 0 || level >= askLevels) {
            throw new IndexOutOfBoundsException("ask level=" + level + " must be in 0.." + (askLevels - 1));
        }
        return level;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("DepthSnapshot{bids=[");
        for (int i = 0; i < bidLevels; i++) {
            text.append(i == 0 ? "" : ", ").append(bidQuantities[i]).append('@').append(bidPrices[i])
                .append('#').append(bidCounts[i]);
        }
        text.append("], asks=[");
        for (int i = 0; i < askLevels; i++) {
            text.append(i == 0 ? "" : ", ").append(askQuantities[i]).append('@').append(askPrices[i])
                .append('#').append(askCounts[i]);
        }
        return text.append("]}").toString();
    }
}
