package io.github.exchangeblocks.api.account;

/**
 * Read view of one account's futures position in one instrument, long and short, split into today's and history
 * volume (QIFI/DIFF {@code volume_long_today}, {@code volume_long_his}, ...). Money in minor units; costs are
 * notional values (price x volume x contract size) in minor units. Live view: read it on the owner's thread.
 */
public interface PositionView {
    /**
     * The instrument, {@code EXCHANGE.code}.
     *
     * @return never {@code null}
     */
    String instrumentId();

    /**
     * The holder's account id.
     *
     * @return the id
     */
    int accountId();

    /**
     * {@code volume_long_today}: long lots opened today.
     *
     * @return lots, {@code >= 0}
     */
    long volumeLongToday();

    /**
     * {@code volume_long_his}: long lots carried from earlier days.
     *
     * @return lots, {@code >= 0}
     */
    long volumeLongHis();

    /**
     * {@code volume_long_frozen_today}: today's long lots reserved by open closing orders.
     *
     * @return lots, {@code 0..volumeLongToday()}
     */
    long volumeLongFrozenToday();

    /**
     * {@code volume_long_frozen_his}: history long lots reserved by open closing orders.
     *
     * @return lots, {@code 0..volumeLongHis()}
     */
    long volumeLongFrozenHis();

    /**
     * {@code volume_short_today}: short lots opened today.
     *
     * @return lots, {@code >= 0}
     */
    long volumeShortToday();

    /**
     * {@code volume_short_his}: short lots carried from earlier days.
     *
     * @return lots, {@code >= 0}
     */
    long volumeShortHis();

    /**
     * {@code volume_short_frozen_today}: today's short lots reserved by open closing orders.
     *
     * @return lots, {@code 0..volumeShortToday()}
     */
    long volumeShortFrozenToday();

    /**
     * {@code volume_short_frozen_his}: history short lots reserved by open closing orders.
     *
     * @return lots, {@code 0..volumeShortHis()}
     */
    long volumeShortFrozenHis();

    /**
     * {@code open_cost_long}: notional of the long lots at their opening prices.
     *
     * @return minor units, {@code >= 0}
     */
    long openCostLong();

    /**
     * {@code open_cost_short}: notional of the short lots at their opening prices.
     *
     * @return minor units, {@code >= 0}
     */
    long openCostShort();

    /**
     * {@code position_cost_long}: notional of the long lots at the last settlement price (today's at open price).
     *
     * @return minor units, {@code >= 0}
     */
    long positionCostLong();

    /**
     * {@code position_cost_short}: notional of the short lots at the last settlement price (today's at open price).
     *
     * @return minor units, {@code >= 0}
     */
    long positionCostShort();

    /**
     * {@code margin_long}: margin held by the long lots.
     *
     * @return minor units, {@code >= 0}
     */
    long marginLong();

    /**
     * {@code margin_short}: margin held by the short lots.
     *
     * @return minor units, {@code >= 0}
     */
    long marginShort();

    /**
     * {@code float_profit_long}: long lots marked at the last price against the open cost.
     *
     * @return minor units
     */
    long floatProfitLong();

    /**
     * {@code float_profit_short}: short lots marked at the last price against the open cost.
     *
     * @return minor units
     */
    long floatProfitShort();

    /**
     * {@code position_profit_long}: long lots marked at the last price against the position cost.
     *
     * @return minor units
     */
    long positionProfitLong();

    /**
     * {@code position_profit_short}: short lots marked at the last price against the position cost.
     *
     * @return minor units
     */
    long positionProfitShort();

    /**
     * The price the position was last marked at.
     *
     * @return ticks, {@code 0} if never marked
     */
    long lastPriceTicks();

    /**
     * {@code volume_long} = today + history.
     *
     * @return lots
     */
    default long volumeLong() {
        return volumeLongToday() + volumeLongHis();
    }

    /**
     * {@code volume_short} = today + history.
     *
     * @return lots
     */
    default long volumeShort() {
        return volumeShortToday() + volumeShortHis();
    }
}
