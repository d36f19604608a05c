package io.github.exchangeblocks.engine.settlement;

import io.github.exchangeblocks.api.instrument.Rates;

/**
 * When and how far to liquidate: an account whose risk ratio reaches {@code thresholdE8} is brought back to at most
 * {@code targetE8}, or closed out entirely when {@code closeAll}. Immutable.
 *
 * @param thresholdE8 risk ratio (over {@code 10^8}) at which liquidation starts, {@code > 0}
 * @param targetE8    risk ratio to get back to, {@code 0..thresholdE8}
 * @param closeAll    whether to close every position regardless of the target
 */
public record LiquidationPolicy(long thresholdE8, long targetE8, boolean closeAll) {
    /**
     * Validates the policy.
     *
     * @param thresholdE8 threshold
     * @param targetE8    target
     * @param closeAll    close everything
     */
    public LiquidationPolicy {
        if (thresholdE8 <= 0) {
            throw new IllegalArgumentException("thresholdE8=" + thresholdE8 + " must be > 0");
        }
        if (targetE8 < 0 || targetE8 > thresholdE8) {
            throw new IllegalArgumentException("targetE8=" + targetE8 + " must be in 0..thresholdE8=" + thresholdE8);
        }
    }

    /**
     * The common default: liquidate at 100% (margin equals balance), back to 80%.
     *
     * @return the policy
     */
    public static LiquidationPolicy standard() {
        return new LiquidationPolicy(Rates.SCALE, Rates.SCALE / 10 * 8, false);
    }
}
