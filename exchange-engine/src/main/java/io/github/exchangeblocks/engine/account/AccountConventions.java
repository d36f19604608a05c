package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.instrument.Rounding;
import io.github.exchangeblocks.engine.instrument.Instrument;

/**
 * A venue's accounting conventions, the choices on which exchanges and brokers differ: how margin and commission
 * are rounded to the minor unit, whether closing orders freeze their commission, whether flat positions survive
 * settlement, and how the commission of a fill closing today's and history lots at once is rounded. Immutable and
 * thread-safe; build one with {@link #builder()} (every setter validates and names the field on refusal).
 *
 * <p>{@link #defaults()} follows Chinese futures venue and QIFI/TqSim practice:
 * <ul>
 *   <li>commission rounded {@link Rounding#HALF_UP} to the minor unit, once per fill (the close-today and close
 *       parts of one fill are added exactly, then rounded once);</li>
 *   <li>margin rounded {@link Rounding#HALF_UP} (exchange settlement statements show margin to the cent; choose
 *       {@link Rounding#UP} for the conservative, always-in-the-venue's-favour figure);</li>
 *   <li>closing orders freeze no commission (only the position lots they close);</li>
 *   <li>flat positions are kept through settlement (with zero volumes) until {@link AccountBook#purgeFlatPositions}
 *       removes them, so a DIFF client keeps the key until a {@code null} removes it.</li>
 * </ul>
 * {@link #legacy()} is the behaviour of earlier releases (everything rounded up, each part of a mixed close rounded
 * on its own, closing commission frozen, flat positions dropped at settlement); snapshots of version 1 restore with
 * it.
 */
public final class AccountConventions {
    private static final AccountConventions DEFAULTS = builder().build();
    private static final AccountConventions LEGACY = builder().commissionRounding(Rounding.UP)
            .marginRounding(Rounding.UP).freezeCloseCommission(true).retainFlatPositions(false)
            .roundMixedCloseOnce(false).build();

    private final Rounding commissionRounding;
    private final Rounding marginRounding;
    private final boolean freezeCloseCommission;
    private final boolean retainFlatPositions;
    private final boolean roundMixedCloseOnce;

    private AccountConventions(Builder b) {
        this.commissionRounding = b.commissionRounding;
        this.marginRounding = b.marginRounding;
        this.freezeCloseCommission = b.freezeCloseCommission;
        this.retainFlatPositions = b.retainFlatPositions;
        this.roundMixedCloseOnce = b.roundMixedCloseOnce;
    }

    /**
     * The venue-practice defaults (see the class documentation).
     *
     * @return the shared instance
     */
    public static AccountConventions defaults() {
        return DEFAULTS;
    }

    /**
     * The behaviour of releases before these conventions existed: margin and commission rounded up, a mixed
     * close's parts rounded separately, closing commission frozen, flat positions dropped at settlement.
     *
     * @return the shared instance
     */
    public static AccountConventions legacy() {
        return LEGACY;
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How commission computed from a notional rate is rounded.
     *
     * @return never {@code null}
     */
    public Rounding commissionRounding() {
        return commissionRounding;
    }

    /**
     * How margin is rounded.
     *
     * @return never {@code null}
     */
    public Rounding marginRounding() {
        return marginRounding;
    }

    /**
     * Whether an accepted CLOSE/CLOSETODAY order freezes the commission of closing its volume.
     *
     * @return true to freeze
     */
    public boolean freezeCloseCommission() {
        return freezeCloseCommission;
    }

    /**
     * Whether flat positions stay (with zero volumes) through settlement until explicitly purged.
     *
     * @return true to retain, false to drop them at settlement
     */
    public boolean retainFlatPositions() {
        return retainFlatPositions;
    }

    /**
     * Whether a fill closing today's and history lots at once adds the two exact commission parts and rounds the
     * sum once (true), or rounds each part and adds them (false).
     *
     * @return true to round once
     */
    public boolean roundMixedCloseOnce() {
        return roundMixedCloseOnce;
    }

    /** Margin of {@code lots} at {@code priceTicks} under these conventions. */
    long margin(Instrument instrument, boolean longSide, long priceTicks, long lots) {
        return lots == 0 ? 0 : instrument.margin(longSide, priceTicks, lots, marginRounding);
    }

    /** Commission of an opening fill. */
    long openCommission(Instrument instrument, long priceTicks, long lots) {
        return lots == 0 ? 0 : instrument.commission(Instrument.COMMISSION_OPEN, priceTicks, lots, commissionRounding);
    }

    /**
     * Commission of a fill closing {@code today} and {@code his} lots at {@code priceTicks}.
     *
     * @param instrument the instrument
     * @param priceTicks the price
     * @param today      today's lots
     * @param his        history lots
     * @return minor units
     */
    public long closeCommission(Instrument instrument, long priceTicks, long today, long his) {
        return instrument.closeCommission(priceTicks, today, his, commissionRounding, roundMixedCloseOnce);
    }

    /** Commission a closing order freezes for {@code today} and {@code his} lots at its freeze price. */
    long closeFreeze(Instrument instrument, long priceTicks, long today, long his) {
        return freezeCloseCommission ? closeCommission(instrument, priceTicks, today, his) : 0;
    }

    /** The stable one-byte encoding used by snapshots: bits 0-1 commission, 2-3 margin, 4-6 the three flags. */
    int encode() {
        return commissionRounding.code() | marginRounding.code() << 2 | (freezeCloseCommission ? 16 : 0)
                | (retainFlatPositions ? 32 : 0) | (roundMixedCloseOnce ? 64 : 0);
    }

    /** Decodes {@link #encode()}; throws IllegalArgumentException for unknown bits or codes. */
    static AccountConventions decode(int bits) {
        if ((bits & ~0x7F) != 0) {
            throw new IllegalArgumentException("snapshot: conventions=" + bits + " has unknown bits");
        }
        return builder().commissionRounding(Rounding.fromCode(bits & 3))
                .marginRounding(Rounding.fromCode(bits >> 2 & 3)).freezeCloseCommission((bits & 16) != 0)
                .retainFlatPositions((bits & 32) != 0).roundMixedCloseOnce((bits & 64) != 0).build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountConventions c && c.encode() == encode();
    }

    @Override
    public int hashCode() {
        return encode();
    }

    @Override
    public String toString() {
        return "AccountConventions[commissionRounding=" + commissionRounding + ", marginRounding=" + marginRounding
                + ", freezeCloseCommission=" + freezeCloseCommission + ", retainFlatPositions=" + retainFlatPositions
                + ", roundMixedCloseOnce=" + roundMixedCloseOnce + "]";
    }

    /** Builds {@link AccountConventions}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private Rounding commissionRounding = Rounding.HALF_UP;
        private Rounding marginRounding = Rounding.HALF_UP;
        private boolean freezeCloseCommission;
        private boolean retainFlatPositions = true;
        private boolean roundMixedCloseOnce = true;

        private Builder() {
        }

        /**
         * Sets the commission rounding (default {@link Rounding#HALF_UP}).
         *
         * @param value the mode, not {@code null}
         * @return this
         * @throws IllegalArgumentException if {@code value} is {@code null}
         */
        public Builder commissionRounding(Rounding value) {
            this.commissionRounding = notNull("commissionRounding", value);
            return this;
        }

        /**
         * Sets the margin rounding (default {@link Rounding#HALF_UP}; {@link Rounding#UP} is the conservative
         * choice and the legacy behaviour).
         *
         * @param value the mode, not {@code null}
         * @return this
         * @throws IllegalArgumentException if {@code value} is {@code null}
         */
        public Builder marginRounding(Rounding value) {
            this.marginRounding = notNull("marginRounding", value);
            return this;
        }

        /**
         * Sets whether closing orders freeze their commission (default false).
         *
         * @param value true to freeze
         * @return this
         */
        public Builder freezeCloseCommission(boolean value) {
            this.freezeCloseCommission = value;
            return this;
        }

        /**
         * Sets whether flat positions are kept through settlement until purged (default true).
         *
         * @param value true to retain
         * @return this
         */
        public Builder retainFlatPositions(boolean value) {
            this.retainFlatPositions = value;
            return this;
        }

        /**
         * Sets whether a mixed today/history close rounds its commission once after adding (default true).
         *
         * @param value true to round once
         * @return this
         */
        public Builder roundMixedCloseOnce(boolean value) {
            this.roundMixedCloseOnce = value;
            return this;
        }

        /**
         * Builds the immutable conventions.
         *
         * @return the conventions
         */
        public AccountConventions build() {
            return new AccountConventions(this);
        }

        private static Rounding notNull(String field, Rounding value) {
            if (value == null) {
                throw new IllegalArgumentException(field + "=null must be one of UP, HALF_UP, HALF_EVEN");
            }
            return value;
        }
    }
}
