package io.github.exchangeblocks.engine.instrument;

import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.Rates;
import java.util.regex.Pattern;

/**
 * Validates an {@link InstrumentSpec} field by field; the first broken rule comes back as a message naming the
 * field, its value and the rule. Stateless and thread-safe.
 */
final class InstrumentSpecValidator {
    /** Largest accepted order volume, so that notional arithmetic stays far from overflow. */
    static final long MAX_ORDER_VOLUME = 1_000_000_000L;
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*\\.[A-Za-z0-9][A-Za-z0-9_\\-]*");
    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    private InstrumentSpecValidator() {
    }

    /**
     * Checks the specification and computes the tick value.
     *
     * @param spec       the specification, may be {@code null}
     * @param moneyScale decimal places of the currency's minor unit
     * @param error      receives the message of the first broken rule
     * @return the tick value in minor units, or {@code -1} if a rule is broken
     */
    static long validate(InstrumentSpec spec, int moneyScale, StringBuilder error) {
        if (spec == null) {
            error.append("spec=null must not be null");
            return -1;
        }
        String id = spec.instrumentId();
        if (id == null || !ID.matcher(id).matches()) {
            error.append("instrumentId=").append(id).append(" must look like EXCHANGE.code (e.g. SHFE.cu2512)");
            return -1;
        }
        if (spec.priceScale() < 0 || spec.priceScale() > 9) {
            error.append("priceScale=").append(spec.priceScale()).append(" must be in 0..9");
            return -1;
        }
        if (!positive("tickSize", spec.tickSize(), error) || !positive("volumeMultiple", spec.volumeMultiple(), error)
                || !positive("lotSize", spec.lotSize(), error)) {
            return -1;
        }
        if (!rate("longMarginRateE8", spec.longMarginRateE8(), error)
                || !rate("shortMarginRateE8", spec.shortMarginRateE8(), error)
                || !commission("openCommission", spec.openCommission(), error)
                || !commission("closeCommission", spec.closeCommission(), error)
                || !commission("closeTodayCommission", spec.closeTodayCommission(), error)) {
            return -1;
        }
        if (spec.limitRateE8() < 0 || spec.limitRateE8() >= Rates.SCALE) {
            error.append("limitRateE8=").append(spec.limitRateE8()).append(" must be in 0..").append(Rates.SCALE - 1);
            return -1;
        }
        if (spec.maxOrderVolume() < spec.lotSize() || spec.maxOrderVolume() > MAX_ORDER_VOLUME) {
            error.append("maxOrderVolume=").append(spec.maxOrderVolume()).append(" must be in lotSize=")
                    .append(spec.lotSize()).append("..").append(MAX_ORDER_VOLUME);
            return -1;
        }
        if (spec.closeRule() == null) {
            error.append("closeRule=null must not be null");
            return -1;
        }
        return tickValue(spec, moneyScale, error);
    }

    private static long tickValue(InstrumentSpec spec, int moneyScale, StringBuilder error) {
        long raw;
        try {
            raw = Math.multiplyExact(Math.multiplyExact(spec.tickSize(), spec.volumeMultiple()), POW10[moneyScale]);
        } catch (ArithmeticException overflow) {
            error.append("tickSize=").append(spec.tickSize()).append(" x volumeMultiple=")
                    .append(spec.volumeMultiple()).append(" overflows");
            return -1;
        }
        long divisor = POW10[spec.priceScale()];
        if (raw % divisor != 0) {
            error.append("tickSize=").append(spec.tickSize()).append("e-").append(spec.priceScale())
                    .append(" x volumeMultiple=").append(spec.volumeMultiple())
                    .append(" must be a whole number of minor units at moneyScale=").append(moneyScale);
            return -1;
        }
        long value = raw / divisor;
        if (value > 1_000_000_000_000L) {
            error.append("tick value=").append(value).append(" minor units must be <= 10^12");
            return -1;
        }
        return value;
    }

    private static boolean positive(String field, long value, StringBuilder error) {
        if (value <= 0) {
            error.append(field).append('=').append(value).append(" must be > 0");
            return false;
        }
        return true;
    }

    static boolean rate(String field, long value, StringBuilder error) {
        if (value < 0 || value > Rates.SCALE) {
            error.append(field).append('=').append(value).append(" must be in 0..").append(Rates.SCALE);
            return false;
        }
        return true;
    }

    static boolean commission(String field, CommissionRate value, StringBuilder error) {
        if (value == null) {
            error.append(field).append("=null must not be null");
            return false;
        }
        if (value.perLotMinor() < 0 || value.perLotMinor() > 1_000_000_000L) {
            error.append(field).append(".perLotMinor=").append(value.perLotMinor()).append(" must be in 0..10^9");
            return false;
        }
        return rate(field + ".notionalRateE8", value.notionalRateE8(), error);
    }

    static boolean validMoneyScale(int moneyScale) {
        return moneyScale >= 0 && moneyScale < POW10.length;
    }
}
