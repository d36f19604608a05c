package io.github.exchangeblocks.api.instrument;

/**
 * A commission charged per fill: a fixed amount per lot plus a fraction of the notional. The commission of a fill
 * of {@code v} lots with notional {@code n} (minor units) is {@code v * perLotMinor + round(n * notionalRateE8 / 10^8)},
 * the fraction of a minor unit rounded by the venue's {@link Rounding}.
 *
 * @param perLotMinor    money per lot, in minor units of the account currency, {@code >= 0}
 * @param notionalRateE8 fraction of notional over {@link Rates#SCALE}, {@code 0..Rates.SCALE}
 */
public record CommissionRate(long perLotMinor, long notionalRateE8) {
    /** No commission. */
    public static final CommissionRate FREE = new CommissionRate(0, 0);

    /**
     * A commission of a fixed amount per lot only.
     *
     * @param perLotMinor minor units per lot, {@code >= 0}
     * @return the rate
     */
    public static CommissionRate perLot(long perLotMinor) {
        return new CommissionRate(perLotMinor, 0);
    }

    /**
     * A commission proportional to notional only.
     *
     * @param notionalRateE8 fraction of notional over {@link Rates#SCALE}
     * @return the rate
     */
    public static CommissionRate ofNotional(long notionalRateE8) {
        return new CommissionRate(0, notionalRateE8);
    }
}
