package io.github.exchangeblocks.api.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;

/**
 * What one booked fill did to an account (a DIFF {@code trade} carries its commission; statements list fills):
 * money in minor units, prices in ticks, volumes in lots.
 *
 * <p>A reusable flyweight owned by the state machine: it describes the last booked fill, is overwritten by the next
 * one, and must be read on the owner's thread (copy the numbers to keep them). Read it before the state machine's
 * next command: implementations may read the position figures ("after the fill") from the live position.
 */
public interface FillView {
    /**
     * The filled order.
     *
     * @return the order id
     */
    long orderId();

    /**
     * The account the fill was booked to.
     *
     * @return the account id
     */
    int accountId();

    /**
     * The instrument's dense index.
     *
     * @return the index
     */
    int instrumentIndex();

    /**
     * The order's side.
     *
     * @return BUY or SELL
     */
    Side side();

    /**
     * The order's offset.
     *
     * @return OPEN, CLOSE or CLOSETODAY
     */
    Offset offset();

    /**
     * The fill price.
     *
     * @return ticks
     */
    long priceTicks();

    /**
     * The filled volume.
     *
     * @return lots, {@code > 0}
     */
    long volume();

    /**
     * Commission charged for this fill.
     *
     * @return minor units, {@code >= 0}
     */
    long commission();

    /**
     * Margin booked by an opening fill (at the fill price).
     *
     * @return minor units, {@code >= 0}; 0 for closing fills
     */
    long marginBooked();

    /**
     * Margin released by a closing fill (the closed lots' proportional share).
     *
     * @return minor units, {@code >= 0}; 0 for opening fills
     */
    long marginReleased();

    /**
     * Frozen margin the fill released from the order.
     *
     * @return minor units, {@code >= 0}
     */
    long frozenMarginReleased();

    /**
     * Frozen commission the fill released from the order.
     *
     * @return minor units, {@code >= 0}
     */
    long frozenCommissionReleased();

    /**
     * Profit realised by a closing fill against the position cost.
     *
     * @return minor units, may be negative; 0 for opening fills
     */
    long closeProfit();

    /**
     * Lots of today's position a closing fill closed.
     *
     * @return lots
     */
    long closedTodayVolume();

    /**
     * Lots of history position a closing fill closed.
     *
     * @return lots
     */
    long closedHisVolume();

    /**
     * The order's remaining volume after the fill (0 when the order is finished).
     *
     * @return lots
     */
    long remainingVolume();

    /**
     * The position's long volume after the fill (today + history).
     *
     * @return lots
     */
    long positionLongAfter();

    /**
     * The position's short volume after the fill (today + history).
     *
     * @return lots
     */
    long positionShortAfter();

    /**
     * The position's today long lots after the fill.
     *
     * @return lots
     */
    long positionLongTodayAfter();

    /**
     * The position's today short lots after the fill.
     *
     * @return lots
     */
    long positionShortTodayAfter();
}
