package io.github.exchangeblocks.engine.instrument;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.Rates;

/**
 * Builds an {@link InstrumentSpec} from the decimal strings an exchange publishes (price tick {@code "0.2"},
 * multiple {@code "300"}, margin rate {@code "0.12"}, commission rate {@code "0.000023"}, commission per lot
 * {@code "1.51"} in the account currency), converting each exactly: the price scale is the tick's number of decimal
 * places, rates are exact to {@code 10^-8} ({@link Rates#SCALE}), money per lot exact to the minor unit. A value
 * the scale cannot hold exactly, or that breaks a listing rule, is refused: {@link #build()} returns {@code null}
 * and {@link #rejectCode()} / {@link #rejectMessage()} name the first offending field, its value and the rule.
 *
 * <p>Required: price tick, volume multiple, maximum order volume, close rule. Defaults: lot size 1, margin rates 0,
 * commissions free, no price band. Not thread-safe; a builder is meant for one spec.
 *
 * <pre>{@code
 * InstrumentSpec spec = InstrumentSpecBuilder.of("CFFEX.IF2512", 2).priceTick("0.2").volumeMultiple("300")
 *         .marginRate("0.12").openCommission("0", "0.000023").closeCommission("0", "0.000023")
 *         .closeTodayCommission("0", "0.00023").limitRate("0.1").maxOrderVolume(20)
 *         .closeRule(CloseRule.TODAY_FIRST).build();
 * }</pre>
 */
public final class InstrumentSpecBuilder {
    private static final int RATE_SCALE = 8;
    private final String instrumentId;
    private final int moneyScale;
    private final StringBuilder error = new StringBuilder();
    private int priceScale = -1;
    private long tickSize;
    private long volumeMultiple;
    private long lotSize = 1;
    private long longMarginRateE8;
    private long shortMarginRateE8;
    private CommissionRate open = CommissionRate.FREE;
    private CommissionRate close = CommissionRate.FREE;
    private CommissionRate closeToday = CommissionRate.FREE;
    private long limitRateE8;
    private long maxOrderVolume;
    private CloseRule closeRule;

    private InstrumentSpecBuilder(String instrumentId, int moneyScale) {
        this.instrumentId = instrumentId;
        this.moneyScale = moneyScale;
        if (!InstrumentSpecValidator.validMoneyScale(moneyScale)) {
            fail("moneyScale", Integer.toString(moneyScale), "must be in 0..9");
        }
    }

    /**
     * Starts a spec.
     *
     * @param instrumentId {@code EXCHANGE.code}; checked by {@link #build()}
     * @param moneyScale   decimal places of the account currency's minor unit (the registry's), {@code 0..9}
     * @return a new builder
     */
    public static InstrumentSpecBuilder of(String instrumentId, int moneyScale) {
        return new InstrumentSpecBuilder(instrumentId, moneyScale);
    }

    /**
     * Sets the price tick; its decimal places become the price scale ({@code "0.2"}: scale 1, tick size 2).
     *
     * @param tick a positive decimal with at most 9 significant decimal places
     * @return this
     */
    public InstrumentSpecBuilder priceTick(String tick) {
        int scale = tick == null ? -1 : Decimals.scaleOf(tick);
        if (scale < 0 || scale > 9) {
            return fail("priceTick", tick, "must be a plain decimal with at most 9 decimal places");
        }
        long value = Decimals.parse(tick, scale);
        if (value == Decimals.INVALID || value <= 0) {
            return fail("priceTick", tick, "must be a positive decimal");
        }
        priceScale = scale;
        tickSize = value;
        return this;
    }

    /**
     * Sets the contract size (units of the underlying per lot).
     *
     * @param multiple a positive whole number, such as {@code "300"}
     * @return this
     */
    public InstrumentSpecBuilder volumeMultiple(String multiple) {
        long value = Decimals.parse(multiple, 0);
        if (value == Decimals.INVALID || value <= 0) {
            return fail("volumeMultiple", multiple, "must be a positive whole number");
        }
        volumeMultiple = value;
        return this;
    }

    /**
     * Sets the lot size (default 1).
     *
     * @param lots order volumes must be multiples of this, {@code > 0}
     * @return this
     */
    public InstrumentSpecBuilder lotSize(long lots) {
        lotSize = lots;
        return this;
    }

    /**
     * Sets both margin rates.
     *
     * @param rate a fraction of notional such as {@code "0.12"}, exact to {@code 10^-8}, in {@code 0..1}
     * @return this
     */
    public InstrumentSpecBuilder marginRate(String rate) {
        return longMarginRate(rate).shortMarginRate(rate);
    }

    /**
     * Sets the margin rate of long positions.
     *
     * @param rate a fraction of notional, exact to {@code 10^-8}, in {@code 0..1}
     * @return this
     */
    public InstrumentSpecBuilder longMarginRate(String rate) {
        longMarginRateE8 = rate("longMarginRate", rate);
        return this;
    }

    /**
     * Sets the margin rate of short positions.
     *
     * @param rate a fraction of notional, exact to {@code 10^-8}, in {@code 0..1}
     * @return this
     */
    public InstrumentSpecBuilder shortMarginRate(String rate) {
        shortMarginRateE8 = rate("shortMarginRate", rate);
        return this;
    }

    /**
     * Sets the commission of opening fills.
     *
     * @param perLot       money per lot in the account currency, such as {@code "1.51"}, exact to the minor unit
     * @param notionalRate fraction of notional such as {@code "0.000023"}, exact to {@code 10^-8}
     * @return this
     */
    public InstrumentSpecBuilder openCommission(String perLot, String notionalRate) {
        open = commission("openCommission", perLot, notionalRate);
        return this;
    }

    /**
     * Sets the commission of fills closing history volume.
     *
     * @param perLot       money per lot, exact to the minor unit
     * @param notionalRate fraction of notional, exact to {@code 10^-8}
     * @return this
     */
    public InstrumentSpecBuilder closeCommission(String perLot, String notionalRate) {
        close = commission("closeCommission", perLot, notionalRate);
        return this;
    }

    /**
     * Sets the commission of fills closing today's volume.
     *
     * @param perLot       money per lot, exact to the minor unit
     * @param notionalRate fraction of notional, exact to {@code 10^-8}
     * @return this
     */
    public InstrumentSpecBuilder closeTodayCommission(String perLot, String notionalRate) {
        closeToday = commission("closeTodayCommission", perLot, notionalRate);
        return this;
    }

    /**
     * Sets the half-width of the daily price band relative to the previous settlement price ({@code "0"}: none).
     *
     * @param rate a fraction such as {@code "0.1"}, exact to {@code 10^-8}, below 1
     * @return this
     */
    public InstrumentSpecBuilder limitRate(String rate) {
        limitRateE8 = rate("limitRate", rate);
        return this;
    }

    /**
     * Sets the largest volume of one order.
     *
     * @param lots {@code > 0}, a multiple of nothing in particular (at least the lot size)
     * @return this
     */
    public InstrumentSpecBuilder maxOrderVolume(long lots) {
        maxOrderVolume = lots;
        return this;
    }

    /**
     * Sets the close rule of the instrument's exchange.
     *
     * @param rule not {@code null}
     * @return this
     */
    public InstrumentSpecBuilder closeRule(CloseRule rule) {
        closeRule = rule;
        return this;
    }

    /**
     * Builds the spec after the conversions and the registry's listing rules (so {@link InstrumentRegistry#list}
     * accepts it at this builder's money scale).
     *
     * @return the spec, or {@code null} if a value was refused (see {@link #rejectMessage()})
     */
    public InstrumentSpec build() {
        if (error.length() > 0) {
            return null;
        }
        if (priceScale < 0) {
            fail("priceTick", null, "is required");
            return null;
        }
        if (volumeMultiple == 0) {
            fail("volumeMultiple", null, "is required");
            return null;
        }
        if (maxOrderVolume == 0) {
            fail("maxOrderVolume", "0", "is required and must be > 0");
            return null;
        }
        InstrumentSpec spec = new InstrumentSpec(instrumentId, priceScale, tickSize, volumeMultiple, lotSize,
                longMarginRateE8, shortMarginRateE8, open, close, closeToday, limitRateE8, maxOrderVolume, closeRule);
        if (InstrumentSpecValidator.validate(spec, moneyScale, error) < 0) {
            return null;
        }
        return spec;
    }

    /**
     * The code of the refusal, if any.
     *
     * @return {@link RejectCode#INVALID_INSTRUMENT_SPEC}, or {@code null} while nothing was refused
     */
    public RejectCode rejectCode() {
        return error.length() == 0 ? null : RejectCode.INVALID_INSTRUMENT_SPEC;
    }

    /**
     * The first refusal's message, naming the field, the value and the rule.
     *
     * @return never {@code null}; empty while nothing was refused
     */
    public String rejectMessage() {
        return error.toString();
    }

    private long rate(String field, String text) {
        long value = Decimals.parse(text, RATE_SCALE);
        if (value == Decimals.INVALID || value < 0 || value > Rates.SCALE) {
            fail(field, text, "must be a decimal in 0..1 with at most 8 decimal places (rates are exact to 1e-8)");
            return 0;
        }
        return value;
    }

    private CommissionRate commission(String field, String perLot, String notionalRate) {
        long money = Decimals.parse(perLot, moneyScale);
        if (money == Decimals.INVALID || money < 0) {
            fail(field + ".perLot", perLot, "must be a non-negative amount with at most " + moneyScale
                    + " decimal places (moneyScale=" + moneyScale + ")");
            return CommissionRate.FREE;
        }
        return new CommissionRate(money, rate(field + ".notionalRate", notionalRate));
    }

    private InstrumentSpecBuilder fail(String field, String value, String rule) {
        if (error.length() == 0) {
            error.append(field).append('=').append(value).append(' ').append(rule);
        }
        return this;
    }
}
