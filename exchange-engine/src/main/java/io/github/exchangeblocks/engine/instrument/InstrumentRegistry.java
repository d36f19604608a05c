package io.github.exchangeblocks.engine.instrument;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.account.Rejection;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry of listed instruments: {@code EXCHANGE.code} strings at the edge, dense {@code int} indexes (assigned in
 * listing order, never reused) on hot paths.
 *
 * <p>Commands return a success flag; when they refuse, {@link #lastRejection()} names the code, field and rule.
 * Single writer: not thread-safe, call from the engine thread only.
 */
public final class InstrumentRegistry {
    /** "Keep the current margin rate": what {@link #updateRates} takes for a margin rate that does not change. */
    public static final long KEEP_RATE = -1L;
    private final int moneyScale;
    private final List<Instrument> byIndex = new ArrayList<>();
    private final Object2IntOpenHashMap<String> indexById = new Object2IntOpenHashMap<>();
    private final StringBuilder error = new StringBuilder();
    private Rejection lastRejection;

    /**
     * Creates an empty registry for one account currency.
     *
     * @param moneyScale decimal places of the currency's minor unit ({@code 2} for cents), {@code 0..9}
     * @throws IllegalArgumentException if the scale is out of range
     */
    public InstrumentRegistry(int moneyScale) {
        if (!InstrumentSpecValidator.validMoneyScale(moneyScale)) {
            throw new IllegalArgumentException("moneyScale=" + moneyScale + " must be in 0..9");
        }
        this.moneyScale = moneyScale;
        indexById.defaultReturnValue(-1);
    }

    /**
     * Decimal places of the currency's minor unit.
     *
     * @return the scale
     */
    public int moneyScale() {
        return moneyScale;
    }

    /**
     * Lists an instrument in status {@link InstrumentStatus#LISTED}, without a previous settlement price.
     *
     * @param spec the specification, validated field by field
     * @return the new dense index, or {@code -1} if refused (see {@link #lastRejection()})
     */
    public int list(InstrumentSpec spec) {
        error.setLength(0);
        long tickValue = InstrumentSpecValidator.validate(spec, moneyScale, error);
        if (tickValue < 0) {
            return reject(RejectCode.INVALID_INSTRUMENT_SPEC, error.toString());
        }
        if (indexById.containsKey(spec.instrumentId())) {
            return reject(RejectCode.INSTRUMENT_EXISTS, "instrumentId=" + spec.instrumentId() + " is already listed");
        }
        int index = byIndex.size();
        byIndex.add(new Instrument(index, spec, tickValue));
        indexById.put(spec.instrumentId(), index);
        return index;
    }

    /**
     * Number of instruments ever listed (delisted ones keep their index).
     *
     * @return the count
     */
    public int size() {
        return byIndex.size();
    }

    /**
     * The instrument at a dense index.
     *
     * @param index a value returned by {@link #list}
     * @return the instrument
     * @throws IndexOutOfBoundsException if no instrument has that index
     */
    public Instrument get(int index) {
        return byIndex.get(index);
    }

    /**
     * Whether {@code index} names a listed (possibly delisted) instrument.
     *
     * @param index any int
     * @return true if {@link #get(int)} would succeed
     */
    public boolean contains(int index) {
        return index >= 0 && index < byIndex.size();
    }

    /**
     * The dense index of an instrument id.
     *
     * @param instrumentId {@code EXCHANGE.code}
     * @return the index, or {@code -1} if unknown
     */
    public int indexOf(String instrumentId) {
        return instrumentId == null ? -1 : indexById.getInt(instrumentId);
    }

    /**
     * Changes the status (not to DELISTED: use {@link #delist}).
     *
     * @param index     instrument index
     * @param newStatus the new status
     * @return true if changed, false if refused (see {@link #lastRejection()})
     */
    public boolean setStatus(int index, InstrumentStatus newStatus) {
        if (!contains(index)) {
            return reject(RejectCode.UNKNOWN_INSTRUMENT, "instrumentIndex=" + index + " is not listed") >= 0;
        }
        Instrument instrument = byIndex.get(index);
        if (newStatus == null || newStatus == InstrumentStatus.DELISTED || !instrument.status().canMoveTo(newStatus)) {
            return reject(RejectCode.INVALID_STATUS_TRANSITION, "status " + instrument.status() + " -> " + newStatus
                    + " is not allowed for " + instrument.instrumentId()) >= 0;
        }
        instrument.status(newStatus);
        return true;
    }

    /**
     * Delists an instrument, refused while it has positions or open orders.
     *
     * @param index instrument index
     * @param usage tells whether the instrument is in use, not {@code null}
     * @return true if delisted
     */
    public boolean delist(int index, InstrumentUsage usage) {
        if (!contains(index)) {
            return reject(RejectCode.UNKNOWN_INSTRUMENT, "instrumentIndex=" + index + " is not listed") >= 0;
        }
        Instrument instrument = byIndex.get(index);
        if (instrument.status() == InstrumentStatus.DELISTED) {
            return reject(RejectCode.INVALID_STATUS_TRANSITION, instrument.instrumentId() + " is already delisted") >= 0;
        }
        if (usage.inUse(index)) {
            return reject(RejectCode.INSTRUMENT_IN_USE, instrument.instrumentId()
                    + " still has positions or open orders") >= 0;
        }
        instrument.status(InstrumentStatus.DELISTED);
        return true;
    }

    /**
     * Updates an instrument's rates, as an exchange's notice of new margin and fee rates does.
     *
     * <ul>
     *   <li>Commission rates take effect at once: every fill from now on pays the new rates. Working orders keep
     *       the commission they froze until their next fill, which re-freezes the rest at the new rates.</li>
     *   <li>Margin rates are scheduled: they take effect at the next daily settlement ({@link #applyPendingMarginRates}),
     *       where held positions are re-margined at the settlement price, as exchanges announce a new margin rate
     *       "from the settlement of day D". Until then positions keep their margin and orders freeze (and fills
     *       book) at the current rates, so an order's frozen margin keeps the rate it was frozen with. A later
     *       update before the settlement replaces the scheduled rates.</li>
     * </ul>
     *
     * @param index              instrument index
     * @param longMarginRateE8   new long margin rate over {@link io.github.exchangeblocks.api.instrument.Rates#SCALE}
     *                           ({@code 0..SCALE}), or {@link #KEEP_RATE}
     * @param shortMarginRateE8  new short margin rate, or {@link #KEEP_RATE}
     * @param openCommission       new commission of opening fills, or {@code null} to keep it
     * @param closeCommission      new commission of fills closing history volume, or {@code null} to keep it
     * @param closeTodayCommission new commission of fills closing today's volume, or {@code null} to keep it
     * @return true if updated; false (see {@link #lastRejection()}) if the instrument is unknown or delisted,
     *     nothing is given, or a rate is out of range; a refusal changes nothing
     */
    public boolean updateRates(int index, long longMarginRateE8, long shortMarginRateE8,
                               CommissionRate openCommission, CommissionRate closeCommission,
                               CommissionRate closeTodayCommission) {
        if (!contains(index)) {
            return reject(RejectCode.UNKNOWN_INSTRUMENT, "instrumentIndex=" + index + " is not listed") >= 0;
        }
        Instrument instrument = byIndex.get(index);
        if (instrument.status() == InstrumentStatus.DELISTED) {
            return reject(RejectCode.INSTRUMENT_NOT_TRADABLE, instrument.instrumentId()
                    + " is delisted: its rates cannot change") >= 0;
        }
        boolean longKept = longMarginRateE8 == KEEP_RATE;
        boolean shortKept = shortMarginRateE8 == KEEP_RATE;
        if (longKept && shortKept && openCommission == null && closeCommission == null
                && closeTodayCommission == null) {
            return reject(RejectCode.INVALID_INSTRUMENT_SPEC, "rates: at least one of longMarginRateE8, "
                    + "shortMarginRateE8, openCommission, closeCommission, closeTodayCommission must be given") >= 0;
        }
        error.setLength(0);
        if (!longKept && !InstrumentSpecValidator.rate("longMarginRateE8", longMarginRateE8, error)
                || !shortKept && !InstrumentSpecValidator.rate("shortMarginRateE8", shortMarginRateE8, error)
                || openCommission != null
                && !InstrumentSpecValidator.commission("openCommission", openCommission, error)
                || closeCommission != null
                && !InstrumentSpecValidator.commission("closeCommission", closeCommission, error)
                || closeTodayCommission != null
                && !InstrumentSpecValidator.commission("closeTodayCommission", closeTodayCommission, error)) {
            return reject(RejectCode.INVALID_INSTRUMENT_SPEC, error.toString()) >= 0;
        }
        InstrumentSpec spec = instrument.spec();
        if (openCommission != null || closeCommission != null || closeTodayCommission != null) {
            instrument.commissions(openCommission != null ? openCommission : spec.openCommission(),
                    closeCommission != null ? closeCommission : spec.closeCommission(),
                    closeTodayCommission != null ? closeTodayCommission : spec.closeTodayCommission());
        }
        if (!longKept || !shortKept) {
            instrument.scheduleMarginRates(longKept ? instrument.pendingLongMarginRateE8() : longMarginRateE8,
                    shortKept ? instrument.pendingShortMarginRateE8() : shortMarginRateE8);
        }
        instrument.countRatesRevision();
        return true;
    }

    /**
     * Makes every instrument's scheduled margin rates current: the daily settlement calls this before it
     * re-margins positions at the settlement prices.
     */
    public void applyPendingMarginRates() {
        for (Instrument instrument : byIndex) {
            instrument.applyPendingMarginRates();
        }
    }

    /**
     * Restores the rate-update bookkeeping of a snapshot (the current rates travel in the spec).
     *
     * @param index       instrument index
     * @param revision    {@link Instrument#ratesRevision()}
     * @param pending     {@link Instrument#marginRatesPending()}
     * @param longRateE8  the scheduled long margin rate (ignored unless pending)
     * @param shortRateE8 the scheduled short margin rate (ignored unless pending)
     * @throws IllegalArgumentException if the values are out of range
     */
    public void restoreRates(int index, int revision, boolean pending, long longRateE8, long shortRateE8) {
        error.setLength(0);
        if (revision < 0 || pending && (!InstrumentSpecValidator.rate("longMarginRateE8", longRateE8, error)
                || !InstrumentSpecValidator.rate("shortMarginRateE8", shortRateE8, error))) {
            throw new IllegalArgumentException("instrument " + index + " rates revision=" + revision + " " + error);
        }
        byIndex.get(index).restoreRates(revision, pending, longRateE8, shortRateE8);
    }

    /**
     * Sets the previous settlement price, which also sets today's band from {@code limitRateE8}: limit up is
     * {@code p + floor(p * rate)}, limit down {@code max(1, p - floor(p * rate))}.
     *
     * @param index      instrument index
     * @param priceTicks the price, {@code > 0}
     * @return true if set
     */
    public boolean setPreSettlementPrice(int index, long priceTicks) {
        if (!contains(index)) {
            return reject(RejectCode.UNKNOWN_INSTRUMENT, "instrumentIndex=" + index + " is not listed") >= 0;
        }
        if (priceTicks <= 0) {
            return reject(RejectCode.INVALID_AMOUNT, "preSettlementPriceTicks=" + priceTicks + " must be > 0") >= 0;
        }
        byIndex.get(index).preSettlement(priceTicks);
        return true;
    }

    /**
     * Why the last refused command was refused.
     *
     * @return the last rejection, or {@code null} if nothing was refused yet
     */
    public Rejection lastRejection() {
        return lastRejection;
    }

    private int reject(RejectCode code, String message) {
        lastRejection = new Rejection(code, message);
        return -1;
    }
}
