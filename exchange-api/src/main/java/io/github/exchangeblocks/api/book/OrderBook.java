package io.github.exchangeblocks.api.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

/**
 * The command side of one instrument's central limit order book: price-time priority, trades at the resting
 * order's price. A book is a deterministic single-writer state machine: every command carries its timestamp, the
 * same commands give the same events (through the {@link OrderBookListener}) and the same {@link #stateHash()}.
 * Must be driven by one thread at a time; not thread-safe.
 *
 * <p>Commands never throw for bad input: they report {@link OrderBookListener#onRejected} with a code and a
 * message naming the field and the rule, leave the book untouched and return {@code false}.
 *
 * <p>Where a command touches several orders (mass cancel, expiry, auction leftovers), it processes them in a
 * defined order: bids, then asks; on each side first the call auction's market orders without protection price
 * (in time priority), then the levels from the best price on, each level in time priority.
 *
 * <p>Call auction ({@link TradingPhase#PRE_OPEN}): every accepted order rests without matching until the uncross
 * (see {@link #setPhase}). A market order without protection price rests in its side's "any price" queue, ahead
 * of every priced order of that side (time priority among themselves); it is in no price level, so best prices,
 * depth and level events leave it out, while the auction indication counts it and order iteration shows it first
 * with price {@link #NULL_PRICE}. A market order with a protection price takes part as a limit order at that
 * price (its priority, its level in the depth), the way venues that bound market orders treat the protection
 * price; in the auction that price must be inside the price band. A minimum quantity applies to the uncross.
 */
public interface OrderBook extends OrderBookView {

    /**
     * Enters a new order.
     *
     * @param timestampNs the command's timestamp (host clock, nanoseconds)
     * @param orderId the exchange-assigned id, positive and not resting in this book
     * @param ownerId the owner (account) id, used for self-trade prevention and owner checks
     * @param side BUY or SELL
     * @param type LIMIT or MARKET; a market order never rests in continuous trading (in the call auction it
     *     rests until the uncross)
     * @param timeInForce GTC, GFD, IOC or FOK; market orders take IOC or FOK
     * @param price the limit price, or for a market order its protection price ({@link #NULL_PRICE} for none)
     * @param quantity the quantity, positive, on the lot and at most the book's maximum
     * @param minQuantity the minimum quantity, on the lot and at most {@code quantity} (0 for none): in continuous
     *     trading it must fill at once, else nothing fills; in the call auction the uncross must allocate at least
     *     that much to the order, else it is cancelled (what stays after the uncross has no minimum any more)
     * @param postOnly true to reject the order if it would take liquidity (limit GTC/GFD only)
     * @param selfTradePrevention the order's mode, or {@link SelfTradePrevention#BOOK_DEFAULT}
     * @return true if accepted (it may still have been cancelled afterwards, e.g. IOC remainder)
     */
    boolean placeOrder(long timestampNs, long orderId, long ownerId, Side side, OrderType type,
                       TimeInForce timeInForce, long price, long quantity, long minQuantity, boolean postOnly,
                       SelfTradePrevention selfTradePrevention);

    /**
     * Enters a plain limit order: no minimum quantity, not post-only, the book's self-trade prevention mode.
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id
     * @param ownerId the owner id
     * @param side BUY or SELL
     * @param timeInForce the time in force
     * @param price the limit price
     * @param quantity the quantity
     * @return true if accepted
     */
    default boolean placeLimit(long timestampNs, long orderId, long ownerId, Side side, TimeInForce timeInForce,
                               long price, long quantity) {
        return placeOrder(timestampNs, orderId, ownerId, side, OrderType.LIMIT, timeInForce, price, quantity, 0L,
            false, SelfTradePrevention.BOOK_DEFAULT);
    }

    /**
     * Cancels a resting order.
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id
     * @param ownerId must be the order's owner
     * @return true if the order was cancelled
     */
    boolean cancelOrder(long timestampNs, long orderId, long ownerId);

    /**
     * Amends a resting order. Reducing the quantity at the same price keeps time priority; a new price or a larger
     * quantity loses it: the order re-enters as if new (and may trade) with its id, side, time in force and
     * self-trade prevention mode. A post-only order is rejected if its new price would take liquidity.
     *
     * <p>In the call auction a resting market order may only reduce its quantity, at its unchanged price
     * ({@link #NULL_PRICE} or its protection price); anything else is rejected with
     * {@code BOOK_MARKET_AMEND_NOT_ALLOWED}. An order with a minimum quantity keeps it and may not go below it
     * ({@code BOOK_INVALID_MIN_QUANTITY}).
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id
     * @param ownerId must be the order's owner
     * @param newPrice the new limit price (for an auction market order: its current price)
     * @param newQuantity the new working quantity, positive (to remove an order, cancel it)
     * @return true if amended
     */
    boolean amendOrder(long timestampNs, long orderId, long ownerId, long newPrice, long newQuantity);

    /**
     * Moves a resting order to a new price and keeps its working quantity: the price-only amend, without the
     * caller having to read the remaining quantity first. Equivalent to
     * {@code amendOrder(timestampNs, orderId, ownerId, newPrice, remainingQuantity(orderId))}, with the same checks,
     * rejects and events ({@link OrderBookListener#onAmended}, then as for a new order): a new price loses time
     * priority, the order re-enters as if new (and may trade), and a post-only order is rejected if its new price
     * would take liquidity.
     *
     * <p>A move to the order's current price is accepted and changes nothing: the order keeps its time priority,
     * {@code onAmended} reports {@code priorityKept = true} and no level event follows. (To send an order to the
     * back of its level at the same price, use {@link #replaceOrder}.) In the call auction a market order cannot
     * move ({@code BOOK_MARKET_AMEND_NOT_ALLOWED}) unless to its current price.
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id
     * @param ownerId must be the order's owner
     * @param newPrice the new limit price
     * @return true if moved (or accepted as a no-op at the same price)
     */
    boolean moveOrder(long timestampNs, long orderId, long ownerId, long newPrice);

    /**
     * Replaces a resting order's price and quantity and always sends it to the back of the queue: the "replace"
     * of market-data feeds (an order replace in an ITCH-style feed is a delete and an add, never keeping
     * priority). It behaves as {@link #amendOrder} with the same checks and rejects, except that priority is lost
     * even at the same price with a smaller or equal quantity: {@link OrderBookListener#onAmended} reports
     * {@code priorityKept = false}, the order leaves its level and re-enters as if new (in continuous trading it
     * may trade). It keeps its id, side, time in force, self-trade prevention mode and post-only flag; a host
     * whose feed assigns a new id cancels and places instead.
     *
     * @param timestampNs the command's timestamp
     * @param orderId the order id
     * @param ownerId must be the order's owner
     * @param newPrice the new limit price (for an auction market order: its current price)
     * @param newQuantity the new working quantity, positive
     * @return true if replaced
     */
    boolean replaceOrder(long timestampNs, long orderId, long ownerId, long newPrice, long newQuantity);

    /**
     * Cancels every resting order, with reason {@link CancelReason#MASS_CANCEL}. Allowed in every phase.
     *
     * @param timestampNs the command's timestamp
     * @return the number of orders cancelled
     */
    int massCancel(long timestampNs);

    /**
     * Cancels every resting order of one owner, with reason {@link CancelReason#MASS_CANCEL}. Allowed in every
     * phase. A host with one book per instrument cancels "by owner and instrument" on that book, and "by owner"
     * on each of its books in instrument order (exchange-engine's {@code OrderBookRegistry} does that).
     *
     * @param timestampNs the command's timestamp
     * @param ownerId the owner
     * @return the number of orders cancelled
     */
    int massCancelByOwner(long timestampNs, long ownerId);

    /**
     * Expires every good-for-day order, with reason {@link CancelReason#EXPIRED}; the host calls it when it closes
     * the trading day. Allowed in every phase.
     *
     * @param timestampNs the command's timestamp
     * @return the number of orders expired
     */
    int expireDayOrders(long timestampNs);

    /**
     * Changes the trading phase. Entering {@link TradingPhase#CONTINUOUS} uncrosses the book first (a no-op
     * unless orders were collected in {@link TradingPhase#PRE_OPEN}): everything that crosses trades at the single
     * auction price (see {@link #auctionIndication}), in priority order on each side (market orders without
     * protection price first, then price-time priority); in each trade the earlier order is the maker. Then the
     * leftovers are cancelled: market orders' with {@link CancelReason#MARKET_NO_LIQUIDITY}, immediate-or-cancel
     * limit orders' with {@link CancelReason#IOC_REMAINDER}; the other leftovers rest for continuous trading,
     * without minimum quantity. Then the phase changes. Setting the current phase is rejected.
     *
     * <p>The auction price: the candidates are the prices of the resting priced orders; at each, the executable
     * volume is the smaller of the buy quantity (bids priced at or above it, plus every market bid without
     * protection) and the sell quantity (asks at or below it, plus every market ask without protection). When
     * only market orders without protection rest, the reference price is the only candidate, and without one
     * nothing trades.
     *
     * <p>Minimum quantities (fill-or-kill being the case minimum = quantity): orders collected in the auction
     * count in the equilibrium like the others, but before anything trades, while the equilibrium volume
     * allocated in priority order on its side would give some order less than its minimum (nothing included), the
     * first such order (bids before asks, each side in priority order) is cancelled with
     * {@link CancelReason#FOK_UNFILLABLE} or {@link CancelReason#MIN_QUANTITY_UNFILLABLE} and the equilibrium is
     * computed again without it; so when nothing crosses they are all cancelled.
     *
     * @param timestampNs the command's timestamp
     * @param phase the new phase, not {@code null}
     * @return true if the phase changed
     */
    boolean setPhase(long timestampNs, TradingPhase phase);

    /**
     * Sets the price band (limit down / limit up) new limit prices must fall inside; resting orders are not
     * touched. {@link #NULL_PRICE} for both bounds removes the band.
     *
     * @param timestampNs the command's timestamp
     * @param lowPrice the lowest accepted price, or {@link #NULL_PRICE}
     * @param highPrice the highest accepted price, or {@link #NULL_PRICE}
     * @return true if set
     */
    boolean setPriceBand(long timestampNs, long lowPrice, long highPrice);

    /**
     * Sets the reference price for auction tie-breaks (typically the previous close). Trades replace it with the
     * last trade price.
     *
     * @param timestampNs the command's timestamp
     * @param price a positive price on the tick, or {@link #NULL_PRICE} to clear it
     * @return true if set
     */
    boolean setReferencePrice(long timestampNs, long price);
}
