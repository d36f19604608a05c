package io.github.exchangeblocks.api.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;

/**
 * Read view of a live order in an account state machine: what it still freezes (DIFF {@code frozen_margin}, QIFI
 * {@code frozen_commission}, the position lots it reserves by bucket) and its remaining volume. Money in minor units,
 * prices in ticks, volumes in lots.
 *
 * <p>Live and pooled: a view returned by the state machine reflects the order only while it is open, must be read
 * on the owner's thread, and is reused for another order once this one is filled, cancelled or reduced to zero
 * (copy the numbers to keep them).
 */
public interface OpenOrderView {
    /** "No price": a MARKET order without protection price has no limit. */
    long NULL_PRICE = 0L;

    /**
     * The exchange-assigned order id.
     *
     * @return the id, {@code > 0}
     */
    long orderId();

    /**
     * The ordering account.
     *
     * @return the account id
     */
    int accountId();

    /**
     * The instrument's dense index in the registry.
     *
     * @return the index
     */
    int instrumentIndex();

    /**
     * The order's side.
     *
     * @return BUY or SELL, never {@code null}
     */
    Side side();

    /**
     * The order's offset.
     *
     * @return OPEN, CLOSE or CLOSETODAY, never {@code null}
     */
    Offset offset();

    /**
     * The order's type.
     *
     * @return LIMIT or MARKET, never {@code null}
     */
    OrderType type();

    /**
     * The limit price (for a MARKET order its protection price): fills must be at this price or better.
     *
     * @return ticks, or {@link #NULL_PRICE} for a MARKET order without protection
     */
    long limitPriceTicks();

    /**
     * The price the freeze is computed at: the limit price, or for a MARKET order without protection the band
     * limit on its side (limit up for BUY, limit down for SELL).
     *
     * @return ticks, {@code > 0}
     */
    long freezePriceTicks();

    /**
     * Lots still working.
     *
     * @return lots, {@code > 0}
     */
    long remainingVolume();

    /**
     * Margin the order still freezes: that of the remaining volume at the freeze price (0 for closing orders).
     *
     * @return minor units, {@code >= 0}
     */
    long frozenMargin();

    /**
     * Commission the order still freezes: that of the remaining volume at the freeze price (0 for closing orders
     * unless the venue conventions freeze closing commission).
     *
     * @return minor units, {@code >= 0}
     */
    long frozenCommission();

    /**
     * Today's position lots a closing order reserves (0 for OPEN).
     *
     * @return lots
     */
    long frozenTodayVolume();

    /**
     * History position lots a closing order reserves (0 for OPEN).
     *
     * @return lots
     */
    long frozenHisVolume();
}
