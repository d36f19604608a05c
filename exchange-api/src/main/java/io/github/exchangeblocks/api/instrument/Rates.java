package io.github.exchangeblocks.api.instrument;

/**
 * The fixed denominator of every rate in the SDK. A rate {@code r} is the exact fraction {@code r / SCALE}: a 10%
 * margin rate is {@code 10_000_000}, a commission of 0.345 basis points of notional is {@code 3_450}.
 *
 * <p>Rounding rule: margin and commission computed from a rate are rounded to a whole minor unit by a
 * {@link Rounding} the venue chooses (the engine's account conventions: half-up by default, up in earlier releases);
 * risk ratios are rounded up (conservative).
 */
public final class Rates {
    /** The denominator of every {@code ...E8} rate: {@code 10^8}, so {@code SCALE} itself means 100%. */
    public static final long SCALE = 100_000_000L;

    private Rates() {
    }
}
