package io.github.exchangeblocks.api.book;

import io.github.exchangeblocks.api.Side;
import java.nio.ByteBuffer;

/**
 * The read side of one instrument's order book. Every method is allocation-free and must be called on the thread
 * that drives the book (or while it is otherwise quiescent); views are not thread-safe.
 */
public interface OrderBookView {

    /** The "no price" value: no best price on an empty side, or a market order without protection price. */
    long NULL_PRICE = 0L;

    /**
     * The instrument this book trades, as the host numbered it.
     *
     * @return the instrument id given in the book's settings
     */
    long instrumentId();

    /**
     * The current trading phase.
     *
     * @return never {@code null}
     */
    TradingPhase phase();

    /**
     * The highest bid price. Like {@link #depth} and {@link #levelCount}, it covers the price levels only: call
     * auction market orders without protection price are in none.
     *
     * @return the price, or {@link #NULL_PRICE} if there are no bids
     */
    long bestBidPrice();

    /**
     * The lowest ask price.
     *
     * @return the price, or {@link #NULL_PRICE} if there are no asks
     */
    long bestAskPrice();

    /**
     * The total quantity at the best bid.
     *
     * @return the quantity, 0 if there are no bids
     */
    long bestBidQuantity();

    /**
     * The total quantity at the best ask.
     *
     * @return the quantity, 0 if there are no asks
     */
    long bestAskQuantity();

    /**
     * The number of resting orders on both sides.
     *
     * @return 0 or more
     */
    int orderCount();

    /**
     * The number of non-empty price levels on one side.
     *
     * @param side the side, not {@code null}
     * @return 0 or more
     */
    int levelCount(Side side);

    /**
     * Whether an order with this id is resting in the book.
     *
     * @param orderId the order id
     * @return true if it is resting
     */
    boolean containsOrder(long orderId);

    /**
     * The working quantity of a resting order.
     *
     * @param orderId the order id
     * @return the quantity, or 0 if no such order rests
     */
    long remainingQuantity(long orderId);

    /**
     * Copies the top levels of both sides (level 2) into {@code reuse}, best first, up to its capacity. Call
     * auction market orders without protection price are in no level (see {@link #auctionIndication}).
     *
     * @param reuse the snapshot to refill, not {@code null}
     * @return {@code reuse}
     */
    DepthSnapshot depth(DepthSnapshot reuse);

    /**
     * Visits every price level of one side (level 2), best price first (highest bid, lowest ask), with the same
     * figures as {@link #depth} and the level events. Call auction market orders without protection price are in
     * no level, so they are not visited. Allocation-free, unlike a {@link DepthSnapshot} it has no size limit.
     *
     * @param side the side, not {@code null}
     * @param visitor called once per level, not {@code null}
     * @return the number of levels visited (equal to {@link #levelCount(Side)})
     */
    default int forEachLevel(Side side, LevelVisitor visitor) {
        return forEachLevel(side, Integer.MAX_VALUE, visitor);
    }

    /**
     * Visits the best {@code maxLevels} price levels of one side (level 2), best price first, as
     * {@link #forEachLevel(Side, LevelVisitor)} does: the walk stops after that many levels, so a top-of-book feed
     * pays only for the levels it publishes.
     *
     * @param side the side, not {@code null}
     * @param maxLevels the most levels to visit, 0 or more
     * @param visitor called once per level, not {@code null}
     * @return the number of levels visited: {@code min(maxLevels, levelCount(side))}
     */
    int forEachLevel(Side side, int maxLevels, LevelVisitor visitor);

    /**
     * Visits the resting orders of one side (level 3) in priority order: call auction market orders without
     * protection price first (with price {@link #NULL_PRICE}), then the levels best first, in time priority.
     *
     * @param side the side, not {@code null}
     * @param visitor called once per order, not {@code null}
     * @return the number of orders visited
     */
    int forEachOrder(Side side, OrderVisitor visitor);

    /**
     * Computes what a call auction would do now: the price that maximises the traded volume, ties broken by the
     * smallest imbalance, then the nearest to the reference price, then the lowest price. Market orders without
     * protection price count on their side at every candidate price; when only they rest, the reference price is
     * the only candidate. Works in any phase. Orders the uncross would cancel for their minimum quantity are
     * still counted (see {@link OrderBook#setPhase}), so the uncross may end at another price.
     *
     * @param reuse the holder to refill, not {@code null}
     * @return {@code reuse}
     */
    AuctionIndication auctionIndication(AuctionIndication reuse);

    /**
     * The reference price used to break auction ties: the last trade price, or the one set by the host.
     *
     * @return the price, or {@link #NULL_PRICE} if none is known
     */
    long referencePrice();

    /**
     * The lowest price the book accepts (the band's lower bound, as set by the host or the day's limits).
     *
     * @return the price, or {@link #NULL_PRICE} for no lower bound
     */
    long priceBandLow();

    /**
     * The highest price the book accepts (the band's upper bound).
     *
     * @return the price, or {@link #NULL_PRICE} for no upper bound
     */
    long priceBandHigh();

    /**
     * A 64-bit hash of the complete book state: phase, price band, reference price, sequence counters and every
     * resting order with its priority. Equal states give equal hashes on every JVM.
     *
     * @return the hash
     */
    long stateHash();

    /**
     * The number of bytes {@link #writeSnapshot(ByteBuffer)} needs now.
     *
     * @return the size in bytes
     */
    int snapshotLength();

    /**
     * Writes the complete book state in the versioned snapshot format at the buffer's position and advances it.
     *
     * @param buffer the destination, with at least {@link #snapshotLength()} bytes remaining
     * @return the number of bytes written
     * @throws java.nio.BufferOverflowException if the buffer is too small (nothing useful is written then)
     */
    int writeSnapshot(ByteBuffer buffer);
}
