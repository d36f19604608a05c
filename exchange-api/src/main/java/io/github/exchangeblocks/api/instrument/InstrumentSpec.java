package io.github.exchangeblocks.api.instrument;

/**
 * Everything needed to list a futures instrument. Values are validated when listed (see the engine's registry),
 * not here, so that a bad specification comes back as a reject naming the field rather than as an exception.
 *
 * <p>Prices are counts of ticks: the decimal price of {@code priceTicks} is
 * {@code priceTicks * tickSize / 10^priceScale}. The money value of one tick on one lot
 * ({@code tickSize * volumeMultiple} in the quote currency) must be a whole number of minor units.
 *
 * @param instrumentId          {@code EXCHANGE.code}, e.g. {@code SHFE.cu2512}
 * @param priceScale            decimal places of {@code tickSize}, {@code 0..9}
 * @param tickSize              the price increment, scaled by {@code 10^priceScale}, {@code > 0}
 * @param volumeMultiple        contract size (units of underlying per lot), {@code > 0}
 * @param lotSize               order volumes must be multiples of this, {@code > 0}
 * @param longMarginRateE8      margin rate of long positions over {@link Rates#SCALE}, {@code 0..SCALE}
 * @param shortMarginRateE8     margin rate of short positions over {@link Rates#SCALE}, {@code 0..SCALE}
 * @param openCommission        commission of opening fills, not {@code null}
 * @param closeCommission       commission of fills closing history volume, not {@code null}
 * @param closeTodayCommission  commission of fills closing today's volume, not {@code null}
 * @param limitRateE8           half-width of the daily price band relative to the previous settlement price over
 *                              {@link Rates#SCALE}; {@code 0} means no band
 * @param maxOrderVolume        largest volume of one order, {@code > 0}
 * @param closeRule             how CLOSE maps onto today/history volume, not {@code null}
 */
public record InstrumentSpec(
        String instrumentId,
        int priceScale,
        long tickSize,
        long volumeMultiple,
        long lotSize,
        long longMarginRateE8,
        long shortMarginRateE8,
        CommissionRate openCommission,
        CommissionRate closeCommission,
        CommissionRate closeTodayCommission,
        long limitRateE8,
        long maxOrderVolume,
        CloseRule closeRule) {
}
