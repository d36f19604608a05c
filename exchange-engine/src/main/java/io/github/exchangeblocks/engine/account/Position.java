package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.account.PositionView;
import io.github.exchangeblocks.api.instrument.Rounding;
import io.github.exchangeblocks.engine.instrument.FixedPoint;
import io.github.exchangeblocks.engine.instrument.Instrument;

/**
 * One account's position in one instrument, as four buckets: long today, long history, short today, short
 * history. Each bucket holds volume, frozen volume, open cost, position cost and margin (minor units).
 *
 * <p>Closing {@code k} of a bucket's {@code v} lots removes {@code floor(x * k / v)} of each of its cost and margin
 * amounts {@code x} (everything when {@code k == v}); the profit a close realises is measured against the removed
 * position cost, so the sum of close and position profit over all counterparties stays exactly zero.
 *
 * <p>Margins are rounded by the book's {@link AccountConventions#marginRounding()}. Mutated only by
 * {@link AccountBook} on its thread; readable as a {@link PositionView}.
 */
public final class Position implements PositionView {
    /** Bucket index: long, today. */
    public static final int LONG_TODAY = 0;
    /** Bucket index: long, history. */
    public static final int LONG_HIS = 1;
    /** Bucket index: short, today. */
    public static final int SHORT_TODAY = 2;
    /** Bucket index: short, history. */
    public static final int SHORT_HIS = 3;

    final Account account;
    final Instrument instrument;
    final long[] volume = new long[4];
    final long[] frozen = new long[4];
    final long[] openCost = new long[4];
    final long[] positionCost = new long[4];
    final long[] margin = new long[4];
    final long[] pendingOpen = new long[2];
    /** Per-side totals of the buckets, kept so a mark reads one object only. */
    long longVolume;
    long shortVolume;
    long longPositionCost;
    long shortPositionCost;
    long longOpenCost;
    long shortOpenCost;
    long positionProfitLong;
    long positionProfitShort;
    long floatProfitLong;
    long floatProfitShort;
    long lastPriceTicks;
    int openOrders;
    boolean indexed;

    Position(Account account, Instrument instrument) {
        this.account = account;
        this.instrument = instrument;
    }

    /**
     * The instrument held.
     *
     * @return never {@code null}
     */
    public Instrument instrument() {
        return instrument;
    }

    /**
     * Volume of one bucket.
     *
     * @param bucket {@link #LONG_TODAY}, {@link #LONG_HIS}, {@link #SHORT_TODAY} or {@link #SHORT_HIS}
     * @return lots
     */
    public long bucketVolume(int bucket) {
        return volume[bucket];
    }

    /**
     * Frozen volume of one bucket.
     *
     * @param bucket a bucket index
     * @return lots
     */
    public long bucketFrozen(int bucket) {
        return frozen[bucket];
    }

    /**
     * Margin held by one bucket.
     *
     * @param bucket a bucket index
     * @return minor units
     */
    public long bucketMargin(int bucket) {
        return margin[bucket];
    }

    /**
     * Position cost of one bucket.
     *
     * @param bucket a bucket index
     * @return minor units
     */
    public long bucketPositionCost(int bucket) {
        return positionCost[bucket];
    }

    /**
     * Open orders of the account in this instrument.
     *
     * @return the count
     */
    public int openOrders() {
        return openOrders;
    }

    /**
     * Lots of pending OPEN orders on a side.
     *
     * @param longSide true for long
     * @return lots
     */
    public long pendingOpenVolume(boolean longSide) {
        return pendingOpen[longSide ? 0 : 1];
    }

    /**
     * The share of {@code amount} that closing {@code k} of {@code v} lots removes: {@code floor(amount * k / v)},
     * or all of it when {@code k == v}.
     *
     * @param amount non-negative amount, minor units
     * @param k      lots closed, {@code 0..v}
     * @param v      lots in the bucket, {@code > 0}
     * @return the removed share
     */
    public static long share(long amount, long k, long v) {
        return k == v ? amount : FixedPoint.mulDivFloor(amount, k, v);
    }

    /** Lots held on one side (today + history). */
    long sideVolume(boolean longSide) {
        return longSide ? longVolume : shortVolume;
    }

    /** True when no volume, frozen volume or open order remains. */
    boolean isFlat() {
        return longVolume == 0 && shortVolume == 0 && openOrders == 0;
    }

    /** Re-marks both sides at {@code priceTicks}; updates the account's aggregates by the difference. */
    void mark(long priceTicks) {
        lastPriceTicks = priceTicks;
        long longValue = longVolume == 0 ? 0 : instrument.notional(priceTicks, longVolume);
        long shortValue = shortVolume == 0 ? 0 : instrument.notional(priceTicks, shortVolume);
        long newPosLong = longValue - longPositionCost;
        long newPosShort = shortPositionCost - shortValue;
        long newFloatLong = longValue - longOpenCost;
        long newFloatShort = shortOpenCost - shortValue;
        Account holder = account;
        holder.positionProfit += newPosLong - positionProfitLong + newPosShort - positionProfitShort;
        holder.floatProfit += newFloatLong - floatProfitLong + newFloatShort - floatProfitShort;
        positionProfitLong = newPosLong;
        positionProfitShort = newPosShort;
        floatProfitLong = newFloatLong;
        floatProfitShort = newFloatShort;
    }

    /** Recomputes the per-side totals from the buckets (after a snapshot is read). */
    void recomputeTotals() {
        longVolume = volume[LONG_TODAY] + volume[LONG_HIS];
        shortVolume = volume[SHORT_TODAY] + volume[SHORT_HIS];
        longPositionCost = positionCost[LONG_TODAY] + positionCost[LONG_HIS];
        shortPositionCost = positionCost[SHORT_TODAY] + positionCost[SHORT_HIS];
        longOpenCost = openCost[LONG_TODAY] + openCost[LONG_HIS];
        shortOpenCost = openCost[SHORT_TODAY] + openCost[SHORT_HIS];
    }

    /** Books an opening fill into the today bucket of a side; returns the margin added. */
    long open(boolean longSide, long priceTicks, long lots, Rounding marginRounding) {
        int bucket = longSide ? LONG_TODAY : SHORT_TODAY;
        long notional = instrument.notional(priceTicks, lots);
        long addedMargin = instrument.margin(longSide, priceTicks, lots, marginRounding);
        volume[bucket] += lots;
        openCost[bucket] += notional;
        positionCost[bucket] += notional;
        margin[bucket] += addedMargin;
        recomputeTotals();
        return addedMargin;
    }

    /**
     * Books a closing fill of {@code lots} from one bucket (frozen volume already released by the caller); adds
     * the realised profit to the account and returns the margin released.
     */
    long close(int bucket, long priceTicks, long lots) {
        long v = volume[bucket];
        long removedPositionCost = share(positionCost[bucket], lots, v);
        long removedOpenCost = share(openCost[bucket], lots, v);
        long removedMargin = share(margin[bucket], lots, v);
        volume[bucket] = v - lots;
        positionCost[bucket] -= removedPositionCost;
        openCost[bucket] -= removedOpenCost;
        margin[bucket] -= removedMargin;
        recomputeTotals();
        long value = instrument.notional(priceTicks, lots);
        boolean longBucket = bucket < SHORT_TODAY;
        account.closeProfit += longBucket ? value - removedPositionCost : removedPositionCost - value;
        return removedMargin;
    }

    /**
     * Rolls the day at the settlement price (the position must already be marked there): today's lots join
     * history, position cost moves to the settlement price, margins are recomputed there. Returns the new margin.
     */
    long roll(long settlementPriceTicks, Rounding marginRounding) {
        long total = 0;
        for (int side = 0; side < 2; side++) {
            int today = side * 2;
            int his = today + 1;
            volume[his] += volume[today];
            openCost[his] += openCost[today];
            volume[today] = 0;
            openCost[today] = 0;
            positionCost[today] = 0;
            margin[today] = 0;
            positionCost[his] = volume[his] == 0 ? 0 : instrument.notional(settlementPriceTicks, volume[his]);
            margin[his] = volume[his] == 0 ? 0 : instrument.margin(side == 0, settlementPriceTicks, volume[his],
                    marginRounding);
            total += margin[his];
        }
        recomputeTotals();
        mark(settlementPriceTicks);
        return total;
    }

    @Override
    public String instrumentId() {
        return instrument.instrumentId();
    }

    @Override
    public int accountId() {
        return account.accountId();
    }

    @Override
    public long volumeLongToday() {
        return volume[LONG_TODAY];
    }

    @Override
    public long volumeLongHis() {
        return volume[LONG_HIS];
    }

    @Override
    public long volumeLongFrozenToday() {
        return frozen[LONG_TODAY];
    }

    @Override
    public long volumeLongFrozenHis() {
        return frozen[LONG_HIS];
    }

    @Override
    public long volumeShortToday() {
        return volume[SHORT_TODAY];
    }

    @Override
    public long volumeShortHis() {
        return volume[SHORT_HIS];
    }

    @Override
    public long volumeShortFrozenToday() {
        return frozen[SHORT_TODAY];
    }

    @Override
    public long volumeShortFrozenHis() {
        return frozen[SHORT_HIS];
    }

    @Override
    public long openCostLong() {
        return longOpenCost;
    }

    @Override
    public long openCostShort() {
        return shortOpenCost;
    }

    @Override
    public long positionCostLong() {
        return longPositionCost;
    }

    @Override
    public long positionCostShort() {
        return shortPositionCost;
    }

    @Override
    public long marginLong() {
        return margin[LONG_TODAY] + margin[LONG_HIS];
    }

    @Override
    public long marginShort() {
        return margin[SHORT_TODAY] + margin[SHORT_HIS];
    }

    @Override
    public long floatProfitLong() {
        return floatProfitLong;
    }

    @Override
    public long floatProfitShort() {
        return floatProfitShort;
    }

    @Override
    public long positionProfitLong() {
        return positionProfitLong;
    }

    @Override
    public long positionProfitShort() {
        return positionProfitShort;
    }

    @Override
    public long lastPriceTicks() {
        return lastPriceTicks;
    }
}
