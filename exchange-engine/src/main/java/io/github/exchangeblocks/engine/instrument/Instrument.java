package io.github.exchangeblocks.engine.instrument;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.api.instrument.Rates;

/**
 * A listed instrument: its validated specification, dense index, status, price band, and exact money arithmetic.
 *
 * <p>Money arithmetic (all minor units of the registry's currency, all allocation-free):
 * <ul>
 *   <li>notional of {@code v} lots at {@code p} ticks = {@code p * v * tickValueMinor()};</li>
 *   <li>margin = {@code ceil(notional * marginRateE8 / 10^8)} (rounded up, the exchange's favour);</li>
 *   <li>commission = {@code v * perLotMinor + ceil(notional * notionalRateE8 / 10^8)}.</li>
 * </ul>
 *
 * <p>Mutable only through {@link InstrumentRegistry}, on the single writer thread.
 */
public final class Instrument {
    /** Commission kind: an opening fill. */
    public static final int COMMISSION_OPEN = 0;
    /** Commission kind: a fill closing history volume. */
    public static final int COMMISSION_CLOSE = 1;
    /** Commission kind: a fill closing today's volume. */
    public static final int COMMISSION_CLOSE_TODAY = 2;
    /** "No price" (no previous settlement, no band): ticks. */
    public static final long NULL_PRICE = 0L;

    private final int index;
    private final InstrumentSpec spec;
    private final long tickValueMinor;
    private final long[] perLotMinor = new long[3];
    private final long[] notionalRateE8 = new long[3];
    private InstrumentStatus status = InstrumentStatus.LISTED;
    private long preSettlementPriceTicks = NULL_PRICE;
    private long upperLimitTicks = Long.MAX_VALUE;
    private long lowerLimitTicks = 1L;

    Instrument(int index, InstrumentSpec spec, long tickValueMinor) {
        this.index = index;
        this.spec = spec;
        this.tickValueMinor = tickValueMinor;
        setCommission(COMMISSION_OPEN, spec.openCommission());
        setCommission(COMMISSION_CLOSE, spec.closeCommission());
        setCommission(COMMISSION_CLOSE_TODAY, spec.closeTodayCommission());
    }

    private void setCommission(int kind, CommissionRate rate) {
        perLotMinor[kind] = rate.perLotMinor();
        notionalRateE8[kind] = rate.notionalRateE8();
    }

    /**
     * Dense index assigned at listing, stable for the registry's lifetime.
     *
     * @return the index, {@code >= 0}
     */
    public int index() {
        return index;
    }

    /**
     * The instrument id, {@code EXCHANGE.code}.
     *
     * @return never {@code null}
     */
    public String instrumentId() {
        return spec.instrumentId();
    }

    /**
     * The validated specification.
     *
     * @return never {@code null}
     */
    public InstrumentSpec spec() {
        return spec;
    }

    /**
     * Money value of one tick on one lot.
     *
     * @return minor units, {@code > 0}
     */
    public long tickValueMinor() {
        return tickValueMinor;
    }

    /**
     * The close rule of the instrument's exchange.
     *
     * @return never {@code null}
     */
    public CloseRule closeRule() {
        return spec.closeRule();
    }

    /**
     * Current status.
     *
     * @return never {@code null}
     */
    public InstrumentStatus status() {
        return status;
    }

    /**
     * The previous settlement price, or {@link #NULL_PRICE} if none was set.
     *
     * @return ticks
     */
    public long preSettlementPriceTicks() {
        return preSettlementPriceTicks;
    }

    /**
     * Highest price allowed today (limit up), {@link Long#MAX_VALUE} without a band.
     *
     * @return ticks
     */
    public long upperLimitTicks() {
        return upperLimitTicks;
    }

    /**
     * Lowest price allowed today (limit down), {@code 1} without a band.
     *
     * @return ticks
     */
    public long lowerLimitTicks() {
        return lowerLimitTicks;
    }

    /**
     * Notional of {@code volume} lots at {@code priceTicks}.
     *
     * @param priceTicks price, {@code >= 0}
     * @param volume     lots, {@code >= 0}
     * @return minor units
     * @throws ArithmeticException on overflow
     */
    public long notional(long priceTicks, long volume) {
        return Math.multiplyExact(Math.multiplyExact(priceTicks, volume), tickValueMinor);
    }

    /**
     * Margin of {@code volume} lots at {@code priceTicks}, rounded up.
     *
     * @param longSide   true for a long position, false for short
     * @param priceTicks price, {@code >= 0}
     * @param volume     lots, {@code >= 0}
     * @return minor units
     */
    public long margin(boolean longSide, long priceTicks, long volume) {
        long rate = longSide ? spec.longMarginRateE8() : spec.shortMarginRateE8();
        return FixedPoint.mulDivCeil(notional(priceTicks, volume), rate, Rates.SCALE);
    }

    /**
     * Commission of a fill, rounded up.
     *
     * @param kind       {@link #COMMISSION_OPEN}, {@link #COMMISSION_CLOSE} or {@link #COMMISSION_CLOSE_TODAY}
     * @param priceTicks price, {@code >= 0}
     * @param volume     lots, {@code >= 0}
     * @return minor units
     */
    public long commission(int kind, long priceTicks, long volume) {
        long fixed = Math.multiplyExact(perLotMinor[kind], volume);
        long rate = notionalRateE8[kind];
        if (rate == 0) {
            return fixed;
        }
        return Math.addExact(fixed, FixedPoint.mulDivCeil(notional(priceTicks, volume), rate, Rates.SCALE));
    }

    /**
     * Whether {@code priceTicks} lies inside today's band.
     *
     * @param priceTicks price
     * @return true if {@code lowerLimitTicks() <= priceTicks <= upperLimitTicks()}
     */
    public boolean insideBand(long priceTicks) {
        return priceTicks >= lowerLimitTicks && priceTicks <= upperLimitTicks;
    }

    void status(InstrumentStatus newStatus) {
        this.status = newStatus;
    }

    void preSettlement(long priceTicks) {
        this.preSettlementPriceTicks = priceTicks;
        long rate = spec.limitRateE8();
        if (rate == 0 || priceTicks == NULL_PRICE) {
            upperLimitTicks = Long.MAX_VALUE;
            lowerLimitTicks = 1L;
            return;
        }
        long width = FixedPoint.mulDivFloor(priceTicks, rate, Rates.SCALE);
        upperLimitTicks = priceTicks + width;
        lowerLimitTicks = Math.max(1L, priceTicks - width);
    }
}
