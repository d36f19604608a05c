package io.github.exchangeblocks.api.settlement;

/**
 * One instrument's line in a daily statement, after settlement (today's volume rolled into history).
 *
 * @param instrumentId          {@code EXCHANGE.code}
 * @param settlementPriceTicks  the settlement price, ticks
 * @param volumeLong            long lots carried to the next day
 * @param volumeShort           short lots carried to the next day
 * @param settledProfit         position profit realised into the balance at the settlement price, minor units
 * @param marginLong            long margin at the settlement price, minor units
 * @param marginShort           short margin at the settlement price, minor units
 */
public record PositionStatement(
        String instrumentId,
        long settlementPriceTicks,
        long volumeLong,
        long volumeShort,
        long settledProfit,
        long marginLong,
        long marginShort) {
}
