package io.github.exchangeblocks.api.instrument;

/**
 * The fixed denominator of every rate in the SDK. A rate {@code r} is the exact fraction {@code r / SCALE}: a 10%
 * margin rate is {@code 10_000_000}, a commission of 0.345 basis points of notional is {@code 3_450}.
 *
 * <p>Rounding rule: margin and commission computed from a rate are rounded up to the next minor unit (always in
 * the exchange's favour); risk ratios are rounded up as well (conservative).
 */
public final class Rates {
    /** The denominator of every {@code ...E8} rate: {@code 10^8}, so {@code SCALE} itself means 100%. */
    public static final long SCALE = 100_000_000L;

    private Rates() {
    }
}
