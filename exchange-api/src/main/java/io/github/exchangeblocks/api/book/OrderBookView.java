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
     * The highest bid price.
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
     * Copies the top levels of both sides (level 2) into {@code reuse}, best first, up to its capacity.
     *
     * @param reuse the snapshot to refill, not {@code null}
     * @return {@code reuse}
     */
    DepthSnapshot depth(DepthSnapshot reuse);

    /**
     * Visits the resting orders of one side (level 3) in priority order.
     *
     * @param side the side, not {@code null}
     * @param visitor called once per order, not {@code null}
     * @return the number of orders visited
     */
    int forEachOrder(Side side, OrderVisitor visitor);

    /**
     * Computes what a call auction would do now: the price that maximises the traded volume, ties broken by the
     * smallest imbalance, then the nearest to the reference price, then the lowest price. Works in any phase.
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
