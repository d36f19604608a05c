package io.github.exchangeblocks.engine.instrument;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.api.instrument.Rates;
import io.github.exchangeblocks.api.instrument.Rounding;

/**
 * A listed instrument: its validated specification, dense index, status, price band, and exact money arithmetic.
 *
 * <p>Money arithmetic (all minor units of the registry's currency, all allocation-free):
 * <ul>
 *   <li>notional of {@code v} lots at {@code p} ticks = {@code p * v * tickValueMinor()};</li>
 *   <li>margin = {@code round(notional * marginRateE8 / 10^8)};</li>
 *   <li>commission = {@code v * perLotMinor + round(notional * notionalRateE8 / 10^8)};</li>
 *   <li>commission of a fill closing {@code t} today and {@code h} history lots: either each part rounded and the
 *       two added, or the exact parts added and the sum rounded once ({@link #closeCommission}).</li>
 * </ul>
 * The rounding is a {@link Rounding} chosen by the caller (the account book's venue conventions); the overloads
 * without one round {@link Rounding#UP}, as this class always did.
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
    private InstrumentSpec spec;
    private final long tickValueMinor;
    private final long[] perLotMinor = new long[3];
    private final long[] notionalRateE8 = new long[3];
    private InstrumentStatus status = InstrumentStatus.LISTED;
    private long preSettlementPriceTicks = NULL_PRICE;
    private long upperLimitTicks = Long.MAX_VALUE;
    private long lowerLimitTicks = 1L;
    private int ratesRevision;
    private boolean marginRatesPending;
    private long pendingLongMarginRateE8;
    private long pendingShortMarginRateE8;

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
     * The validated specification, with the margin and commission rates in force now (a rate update replaces it:
     * see {@link InstrumentRegistry#updateRates}).
     *
     * @return never {@code null}
     */
    public InstrumentSpec spec() {
        return spec;
    }

    /**
     * How many rate updates this instrument has taken since listing (0 for none): commission changes and margin
     * changes scheduled, each counted once.
     *
     * @return the count
     */
    public int ratesRevision() {
        return ratesRevision;
    }

    /**
     * Whether new margin rates wait for the next daily settlement.
     *
     * @return true if {@link #pendingLongMarginRateE8()} and {@link #pendingShortMarginRateE8()} are scheduled
     */
    public boolean marginRatesPending() {
        return marginRatesPending;
    }

    /**
     * The long margin rate that takes effect at the next daily settlement.
     *
     * @return rate over {@link Rates#SCALE}; the current one when none is pending
     */
    public long pendingLongMarginRateE8() {
        return marginRatesPending ? pendingLongMarginRateE8 : spec.longMarginRateE8();
    }

    /**
     * The short margin rate that takes effect at the next daily settlement.
     *
     * @return rate over {@link Rates#SCALE}; the current one when none is pending
     */
    public long pendingShortMarginRateE8() {
        return marginRatesPending ? pendingShortMarginRateE8 : spec.shortMarginRateE8();
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
     * Margin of {@code volume} lots at {@code priceTicks}, rounded up ({@link Rounding#UP}).
     *
     * @param longSide   true for a long position, false for short
     * @param priceTicks price, {@code >= 0}
     * @param volume     lots, {@code >= 0}
     * @return minor units
     */
    public long margin(boolean longSide, long priceTicks, long volume) {
        return margin(longSide, priceTicks, volume, Rounding.UP);
    }

    /**
     * Margin of {@code volume} lots at {@code priceTicks}, rounded by {@code rounding}.
     *
     * @param longSide   true for a long position, false for short
     * @param priceTicks price, {@code >= 0}
     * @param volume     lots, {@code >= 0}
     * @param rounding   how the fraction of a minor unit is rounded, not {@code null}
     * @return minor units
     * @throws ArithmeticException on overflow
     */
    public long margin(boolean longSide, long priceTicks, long volume, Rounding rounding) {
        long rate = longSide ? spec.longMarginRateE8() : spec.shortMarginRateE8();
        return FixedPoint.mulDiv(notional(priceTicks, volume), rate, Rates.SCALE, rounding);
    }

    /**
     * Commission of a fill, the notional part rounded up ({@link Rounding#UP}).
     *
     * @param kind       {@link #COMMISSION_OPEN}, {@link #COMMISSION_CLOSE} or {@link #COMMISSION_CLOSE_TODAY}
     * @param priceTicks price, {@code >= 0}
     * @param volume     lots, {@code >= 0}
     * @return minor units
     */
    public long commission(int kind, long priceTicks, long volume) {
        return commission(kind, priceTicks, volume, Rounding.UP);
    }

    /**
     * Commission of a fill, the notional part rounded by {@code rounding}.
     *
     * @param kind       {@link #COMMISSION_OPEN}, {@link #COMMISSION_CLOSE} or {@link #COMMISSION_CLOSE_TODAY}
     * @param priceTicks price, {@code >= 0}
     * @param volume     lots, {@code >= 0}
     * @param rounding   how the fraction of a minor unit is rounded, not {@code null}
     * @return minor units
     * @throws ArithmeticException on overflow
     */
    public long commission(int kind, long priceTicks, long volume, Rounding rounding) {
        long fixed = Math.multiplyExact(perLotMinor[kind], volume);
        long rate = notionalRateE8[kind];
        if (rate == 0 || volume == 0) {
            return fixed;
        }
        return Math.addExact(fixed, FixedPoint.mulDiv(notional(priceTicks, volume), rate, Rates.SCALE, rounding));
    }

    /**
     * Commission of a fill closing {@code todayLots} of today's and {@code hisLots} of history position at one
     * price: close-today rate on the first, close rate on the second.
     *
     * @param priceTicks price, {@code >= 0}
     * @param todayLots  today's lots closed, {@code >= 0}
     * @param hisLots    history lots closed, {@code >= 0}
     * @param rounding   how the fraction of a minor unit is rounded, not {@code null}
     * @param roundOnce  true to add the two exact parts and round the sum once; false to round each part and add
     * @return minor units
     * @throws ArithmeticException on overflow
     */
    public long closeCommission(long priceTicks, long todayLots, long hisLots, Rounding rounding, boolean roundOnce) {
        if (!roundOnce || todayLots == 0 || hisLots == 0) {
            return Math.addExact(commission(COMMISSION_CLOSE_TODAY, priceTicks, todayLots, rounding),
                    commission(COMMISSION_CLOSE, priceTicks, hisLots, rounding));
        }
        long fixed = Math.addExact(Math.multiplyExact(perLotMinor[COMMISSION_CLOSE_TODAY], todayLots),
                Math.multiplyExact(perLotMinor[COMMISSION_CLOSE], hisLots));
        long todayNotional = notional(priceTicks, todayLots);
        long hisNotional = notional(priceTicks, hisLots);
        long todayRate = notionalRateE8[COMMISSION_CLOSE_TODAY];
        long hisRate = notionalRateE8[COMMISSION_CLOSE];
        long whole = Math.addExact(FixedPoint.mulDivFloor(todayNotional, todayRate, Rates.SCALE),
                FixedPoint.mulDivFloor(hisNotional, hisRate, Rates.SCALE));
        long rest = FixedPoint.mulMod(todayNotional, todayRate, Rates.SCALE)
                + FixedPoint.mulMod(hisNotional, hisRate, Rates.SCALE);
        whole = Math.addExact(whole, rest / Rates.SCALE);
        return Math.addExact(fixed, FixedPoint.round(whole, rest % Rates.SCALE, Rates.SCALE, rounding));
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

    /** Replaces the commission rates (validated by the caller); fills from now on use them. */
    void commissions(CommissionRate open, CommissionRate close, CommissionRate closeToday) {
        spec = new InstrumentSpec(spec.instrumentId(), spec.priceScale(), spec.tickSize(), spec.volumeMultiple(),
                spec.lotSize(), spec.longMarginRateE8(), spec.shortMarginRateE8(), open, close, closeToday,
                spec.limitRateE8(), spec.maxOrderVolume(), spec.closeRule());
        setCommission(COMMISSION_OPEN, open);
        setCommission(COMMISSION_CLOSE, close);
        setCommission(COMMISSION_CLOSE_TODAY, closeToday);
    }

    /** Schedules margin rates (validated by the caller) for the next daily settlement. */
    void scheduleMarginRates(long longRateE8, long shortRateE8) {
        marginRatesPending = true;
        pendingLongMarginRateE8 = longRateE8;
        pendingShortMarginRateE8 = shortRateE8;
    }

    /** Counts one accepted rate update. */
    void countRatesRevision() {
        ratesRevision++;
    }

    /** Restores the rate-update bookkeeping a snapshot carried. */
    void restoreRates(int revision, boolean pending, long longRateE8, long shortRateE8) {
        ratesRevision = revision;
        marginRatesPending = pending;
        pendingLongMarginRateE8 = pending ? longRateE8 : 0;
        pendingShortMarginRateE8 = pending ? shortRateE8 : 0;
    }

    /** Makes scheduled margin rates the current ones; returns whether any were scheduled. */
    boolean applyPendingMarginRates() {
        if (!marginRatesPending) {
            return false;
        }
        spec = new InstrumentSpec(spec.instrumentId(), spec.priceScale(), spec.tickSize(), spec.volumeMultiple(),
                spec.lotSize(), pendingLongMarginRateE8, pendingShortMarginRateE8, spec.openCommission(),
                spec.closeCommission(), spec.closeTodayCommission(), spec.limitRateE8(), spec.maxOrderVolume(),
                spec.closeRule());
        marginRatesPending = false;
        pendingLongMarginRateE8 = 0;
        pendingShortMarginRateE8 = 0;
        return true;
    }

    /**
     * Hash of the rate-update state (current rates, scheduled margin rates, revision); 0 while the instrument never
     * took an update, so venues without updates hash as before.
     *
     * @return the hash
     */
    public long ratesHash() {
        if (ratesRevision == 0) {
            return 0;
        }
        long hash = mix(ratesRevision, spec.longMarginRateE8());
        hash = mix(hash, spec.shortMarginRateE8());
        for (int kind = COMMISSION_OPEN; kind <= COMMISSION_CLOSE_TODAY; kind++) {
            hash = mix(mix(hash, perLotMinor[kind]), notionalRateE8[kind]);
        }
        hash = mix(hash, marginRatesPending ? 1 : 0);
        hash = mix(hash, pendingLongMarginRateE8);
        hash = mix(hash, pendingShortMarginRateE8);
        return hash;
    }

    private static long mix(long hash, long value) {
        return (hash ^ value) * 0x100000001b3L;
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
