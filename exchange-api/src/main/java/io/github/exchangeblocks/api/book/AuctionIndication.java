package io.github.exchangeblocks.api.book;

/**
 * A reusable holder for the indicative result of a call auction: the price at which the book would uncross now,
 * the volume that would trade there and the imbalance left over. Refilled by
 * {@link OrderBookView#auctionIndication(AuctionIndication)} without allocating. Not thread-safe.
 */
public final class AuctionIndication {

    private long price = OrderBookView.NULL_PRICE;
    private long volume;
    private long buyQuantity;
    private long sellQuantity;

    /**
     * Creates an empty indication (no price, no volume).
     */
    public AuctionIndication() {
        // Fields start at their "nothing would trade" values.
    }

    /**
     * Sets every field; called by the book.
     *
     * @param price the uncross price, or {@link OrderBookView#NULL_PRICE} when nothing would trade
     * @param volume the quantity that would trade, 0 when nothing would
     * @param buyQuantity the buy quantity willing to trade at {@code price}
     * @param sellQuantity the sell quantity willing to trade at {@code price}
     * @return this holder
     */
    public AuctionIndication set(long price, long volume, long buyQuantity, long sellQuantity) {
        this.price = price;
        this.volume = volume;
        this.buyQuantity = buyQuantity;
        this.sellQuantity = sellQuantity;
        return this;
    }

    /**
     * The indicative uncross price.
     *
     * @return the price, or {@link OrderBookView#NULL_PRICE} when the book does not cross
     */
    public long price() {
        return price;
    }

    /**
     * The quantity that would trade at {@link #price()}.
     *
     * @return 0 or more
     */
    public long volume() {
        return volume;
    }

    /**
     * The buy quantity with a limit at or above {@link #price()}, market bids without protection price included.
     *
     * @return 0 or more
     */
    public long buyQuantity() {
        return buyQuantity;
    }

    /**
     * The sell quantity with a limit at or below {@link #price()}, market asks without protection price included.
     *
     * @return 0 or more
     */
    public long sellQuantity() {
        return sellQuantity;
    }

    /**
     * The signed surplus at {@link #price()}: positive when buyers would be left over, negative for sellers.
     *
     * @return {@code buyQuantity() - sellQuantity()}
     */
    public long imbalance() {
        return buyQuantity - sellQuantity;
    }

    @Override
    public String toString() {
        return "AuctionIndication{price=" + price + ", volume=" + volume + ", buy=" + buyQuantity + ", sell="
            + sellQuantity + '}';
    }
}
