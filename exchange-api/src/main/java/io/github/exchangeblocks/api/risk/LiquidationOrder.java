package io.github.exchangeblocks.api.risk;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;

/**
 * One closing order of a liquidation plan, with the effect it has on the account when fully filled at
 * {@code priceTicks}.
 *
 * @param instrumentId      {@code EXCHANGE.code}
 * @param side              SELL closes a long position, BUY a short one
 * @param offset            CLOSE or CLOSETODAY, chosen so the instrument's close rule takes the planned volumes
 * @param volume            lots, {@code > 0}
 * @param priceTicks        the price the effect is computed at (the last mark price)
 * @param closedToday       lots of today's volume this order closes
 * @param closedHis         lots of history volume this order closes
 * @param marginReleased    margin released when filled, minor units
 * @param commission        commission charged when filled, minor units
 */
public record LiquidationOrder(
        String instrumentId,
        Side side,
        Offset offset,
        long volume,
        long priceTicks,
        long closedToday,
        long closedHis,
        long marginReleased,
        long commission) {
}
