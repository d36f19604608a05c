package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.Rates;
import io.github.exchangeblocks.engine.account.AccountConventions;
import io.github.exchangeblocks.engine.marketdata.MarketDataSettings;
import io.github.exchangeblocks.engine.risk.RiskChain;
import io.github.exchangeblocks.engine.settlement.LiquidationPolicy;

import java.util.Objects;

/**
 * A venue's settings, immutable and validated by {@link Builder#build()} with a message naming the offending value.
 * The risk chain is the one stateful-looking member: {@link RiskChain} holds only immutable checks, so one chain
 * may serve several venues.
 */
public final class VenueSettings {
    private final int moneyScale;
    private final RiskChain riskChain;
    private final SelfTradePrevention selfTradePrevention;
    private final TradingPhase openingPhase;
    private final int expectedOrdersPerBook;
    private final long marketCollarE8;
    private final LiquidationPolicy liquidationPolicy;
    private final boolean liquidateOnMark;
    private final AccountConventions conventions;
    private final long[] klineDurationsNs;
    private final int klineCapacity;
    private final int tickCapacity;

    private VenueSettings(Builder builder) {
        moneyScale = builder.moneyScale;
        riskChain = builder.riskChain;
        selfTradePrevention = builder.selfTradePrevention;
        openingPhase = builder.openingPhase;
        expectedOrdersPerBook = builder.expectedOrdersPerBook;
        marketCollarE8 = builder.marketCollarE8;
        liquidationPolicy = builder.liquidationPolicy;
        liquidateOnMark = builder.liquidateOnMark;
        conventions = builder.conventions;
        klineDurationsNs = builder.klineDurationsNs.clone();
        klineCapacity = builder.klineCapacity;
        tickCapacity = builder.tickCapacity;
    }

    /**
     * A builder with the defaults: money scale 2 (cents), the standard risk chain (1,000 lots per order, 10,000 lots
     * per position, 1,000 open orders), self-trade prevention CANCEL_INCOMING, books opening in CONTINUOUS, 1,024
     * expected orders per book, a 5% market collar, the standard liquidation policy, and market data with klines
     * of 1 minute, 5 minutes, 1 hour and 1 day (10,000 bars each) and a 10,000-trade tape.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return decimal places of the money unit: minor units are {@code 10^-moneyScale} of the currency */
    public int moneyScale() {
        return moneyScale;
    }

    /** @return the pre-trade checks every order passes */
    public RiskChain riskChain() {
        return riskChain;
    }

    /** @return the books' self-trade prevention mode (never BOOK_DEFAULT) */
    public SelfTradePrevention selfTradePrevention() {
        return selfTradePrevention;
    }

    /** @return the phase a new book starts in, and every book enters at the start of a trading day */
    public TradingPhase openingPhase() {
        return openingPhase;
    }

    /** @return the sizing hint each book's order index gets */
    public int expectedOrdersPerBook() {
        return expectedOrdersPerBook;
    }

    /**
     * How far from the opposite best price a MARKET order without a protection price may fill, as a rate scaled by
     * 1e8 (5,000,000 = 5%), used when the instrument has no daily price limits: a buy is protected at
     * {@code bestAsk + ceil(bestAsk * collar)}, a sell at {@code bestBid - ceil(bestBid * collar)} (at least 1).
     *
     * @return the collar rate, {@code 0..1e8}
     */
    public long marketCollarE8() {
        return marketCollarE8;
    }

    /** @return when accounts are liquidated and how far */
    public LiquidationPolicy liquidationPolicy() {
        return liquidationPolicy;
    }

    /**
     * Whether a mark price or an end of day that leaves accounts over the liquidation threshold liquidates them at
     * once, in the same command (as {@link Venue#liquidate} would). Default true.
     *
     * @return true to liquidate on marks and settlements
     */
    public boolean liquidateOnMark() {
        return liquidateOnMark;
    }

    /**
     * How the accounts round commission and margin, whether closing orders freeze commission and whether flat
     * positions stay listed (see {@link AccountConventions}); default {@link AccountConventions#defaults()}.
     *
     * @return the conventions
     */
    public AccountConventions conventions() {
        return conventions;
    }

    /** @return the kline durations every instrument keeps from listing on, nanoseconds (a copy) */
    public long[] klineDurationsNs() {
        return klineDurationsNs.clone();
    }

    /** @return bars kept per kline duration and instrument */
    public int klineCapacity() {
        return klineCapacity;
    }

    /** @return trades kept on each instrument's tape */
    public int tickCapacity() {
        return tickCapacity;
    }

    /**
     * The market-data settings of one instrument: these durations and capacities, a 24-hour ticker in one-minute
     * buckets, five quote levels.
     *
     * @param instrumentIndex the instrument
     * @return the settings
     */
    public MarketDataSettings marketData(int instrumentIndex) {
        return MarketDataSettings.builder().instrumentId(instrumentIndex).klineDurationsNs(klineDurationsNs)
                .klineCapacity(klineCapacity).tickCapacity(tickCapacity)
                .ticker(MarketDataSettings.DAY_NS, MarketDataSettings.MINUTE_NS).quoteLevels(5).build();
    }

    /** Builds {@link VenueSettings}; not thread-safe. */
    public static final class Builder {
        private int moneyScale = 2;
        private RiskChain riskChain = RiskChain.standard(1_000, 10_000, 1_000);
        private SelfTradePrevention selfTradePrevention = SelfTradePrevention.CANCEL_INCOMING;
        private TradingPhase openingPhase = TradingPhase.CONTINUOUS;
        private int expectedOrdersPerBook = 1024;
        private long marketCollarE8 = 5_000_000;
        private LiquidationPolicy liquidationPolicy = LiquidationPolicy.standard();
        private boolean liquidateOnMark = true;
        private AccountConventions conventions = AccountConventions.defaults();
        private long[] klineDurationsNs = {60_000_000_000L, 300_000_000_000L, 3_600_000_000_000L,
            MarketDataSettings.DAY_NS};
        private int klineCapacity = 10_000;
        private int tickCapacity = 10_000;

        private Builder() {
        }

        /**
         * @param value the accounts' conventions, not {@code null}
         * @return this
         */
        public Builder conventions(AccountConventions value) {
            conventions = Objects.requireNonNull(value, "conventions must not be null");
            return this;
        }

        /**
         * @param value true to liquidate accounts over the threshold right after a mark price or an end of day
         * @return this
         */
        public Builder liquidateOnMark(boolean value) {
            liquidateOnMark = value;
            return this;
        }

        /**
         * @param values kline durations in nanoseconds, positive and distinct, at most 64 (more can be added per
         *               instrument on demand)
         * @return this
         */
        public Builder klineDurationsNs(long... values) {
            MarketDataSettings.builder().klineDurationsNs(values).build();
            klineDurationsNs = values.clone();
            return this;
        }

        /**
         * @param bars bars kept per kline duration, 1 to 2^24
         * @param ticks trades kept on the tape, 1 to 2^24
         * @return this
         */
        public Builder marketDataCapacity(int bars, int ticks) {
            MarketDataSettings.builder().klineCapacity(bars).tickCapacity(ticks).build();
            klineCapacity = bars;
            tickCapacity = ticks;
            return this;
        }

        /**
         * @param value decimal places of money, {@code 0..8}
         * @return this
         */
        public Builder moneyScale(int value) {
            if (value < 0 || value > 8) {
                throw new IllegalArgumentException("moneyScale=" + value + " must be in 0..8");
            }
            moneyScale = value;
            return this;
        }

        /**
         * @param value the pre-trade checks, not {@code null}
         * @return this
         */
        public Builder riskChain(RiskChain value) {
            riskChain = Objects.requireNonNull(value, "riskChain must not be null");
            return this;
        }

        /**
         * @param value a concrete mode (not BOOK_DEFAULT, not {@code null})
         * @return this
         */
        public Builder selfTradePrevention(SelfTradePrevention value) {
            if (value == null || value == SelfTradePrevention.BOOK_DEFAULT) {
                throw new IllegalArgumentException("selfTradePrevention=" + value + " must be a concrete mode");
            }
            selfTradePrevention = value;
            return this;
        }

        /**
         * @param value PRE_OPEN or CONTINUOUS
         * @return this
         */
        public Builder openingPhase(TradingPhase value) {
            if (value != TradingPhase.PRE_OPEN && value != TradingPhase.CONTINUOUS) {
                throw new IllegalArgumentException("openingPhase=" + value + " must be PRE_OPEN or CONTINUOUS");
            }
            openingPhase = value;
            return this;
        }

        /**
         * @param value orders each book is sized for at start, {@code 16..2^24}
         * @return this
         */
        public Builder expectedOrdersPerBook(int value) {
            if (value < 16 || value > 1 << 24) {
                throw new IllegalArgumentException("expectedOrdersPerBook=" + value + " must be in 16..16777216");
            }
            expectedOrdersPerBook = value;
            return this;
        }

        /**
         * @param value collar rate scaled by 1e8, {@code 0..1e8}
         * @return this
         */
        public Builder marketCollarE8(long value) {
            if (value < 0 || value > Rates.SCALE) {
                throw new IllegalArgumentException("marketCollarE8=" + value + " must be in 0.." + Rates.SCALE);
            }
            marketCollarE8 = value;
            return this;
        }

        /**
         * @param value the liquidation policy, not {@code null}
         * @return this
         */
        public Builder liquidationPolicy(LiquidationPolicy value) {
            liquidationPolicy = Objects.requireNonNull(value, "liquidationPolicy must not be null");
            return this;
        }

        /** @return the settings */
        public VenueSettings build() {
            return new VenueSettings(this);
        }
    }
}
