package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.RejectCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import static io.github.exchangeblocks.diff.codec.MessageFields.MISSING;
import static io.github.exchangeblocks.diff.codec.MessageFields.NAMES;
import static io.github.exchangeblocks.diff.codec.MessageFields.NULL;
import static io.github.exchangeblocks.diff.codec.MessageFields.NUMBER;
import static io.github.exchangeblocks.diff.codec.MessageFields.STRING;

/**
 * Typed field access with rules; every failure names the field and the rule. Allocation-free on success except
 * for the values returned ({@link #requiredEnum} and {@link #requiredLong} allocate nothing).
 */
final class Fields {
    /** {@code EXCHANGE.code}; it becomes a snapshot key, so it must not start with {@code _} (clients reserve those). */
    private static final Pattern INSTRUMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*\\.[A-Za-z0-9_.\\-]+");

    private Fields() {
    }

    static String requiredString(MessageFields message, int field) {
        requireString(message, field);
        return message.string(field);
    }

    /** Checks that a member is a string without reading it (so that it need not be allocated). */
    static void requireString(MessageFields message, int field) {
        int kind = message.kind(field);
        if (kind == MISSING || kind == NULL) {
            throw missing(field);
        }
        if (kind != STRING) {
            throw invalid(NAMES[field] + "=" + message.json(field) + " must be a string");
        }
    }

    static String requiredNonEmpty(MessageFields message, int field) {
        requireString(message, field);
        if (message.textLength(field) == 0) {
            throw invalid(NAMES[field] + "=\"\" must not be empty");
        }
        return message.string(field);
    }

    /** A non-empty string that becomes a snapshot key, so it must not start with {@code _} (clients reserve those). */
    static String requiredKey(MessageFields message, int field) {
        String value = requiredNonEmpty(message, field);
        if (value.charAt(0) == '_') {
            throw invalid(NAMES[field] + "=" + value + " must not start with '_': DIFF clients reserve such names");
        }
        return value;
    }

    static String optionalString(MessageFields message, int field) {
        int kind = message.kind(field);
        return kind == MISSING || kind == NULL ? "" : requiredString(message, field);
    }

    static long requiredLong(MessageFields message, int field, long min) {
        requireNumber(message, field, "an integer");
        long result;
        if (message.isLong(field)) {
            result = message.longValue(field);
        } else {
            try {
                result = message.decimal(field).stripTrailingZeros().longValueExact();
            } catch (ArithmeticException e) {
                throw invalid(NAMES[field] + "=" + message.json(field) + " must be an integer that fits 64 bits");
            }
        }
        if (result < min) {
            throw invalid(NAMES[field] + "=" + message.json(field) + " must be >= " + min);
        }
        return result;
    }

    /**
     * A decimal within {@link ClientMessageDecoder#MAX_INTEGER_DIGITS} integer digits and
     * {@link ClientMessageDecoder#MAX_FRACTION_DIGITS} decimal places (trailing zeros do not count), so that a
     * hostile exponent or digit string never reaches price or money conversions. Checked in time proportional to the
     * digits written, whatever the exponent; integer digits ({@code precision - scale}) do not change when trailing
     * zeros are stripped, so only a scale above the bound needs stripping.
     */
    static BigDecimal requiredDecimal(MessageFields message, int field) {
        requireNumber(message, field, "a number");
        BigDecimal value = message.decimal(field);
        if (value.signum() == 0) {
            return value;
        }
        if ((long) value.precision() - value.scale() > ClientMessageDecoder.MAX_INTEGER_DIGITS) {
            throw invalid(NAMES[field] + "=" + message.json(field) + " must have at most "
                    + ClientMessageDecoder.MAX_INTEGER_DIGITS + " integer digits");
        }
        if (value.scale() > ClientMessageDecoder.MAX_FRACTION_DIGITS
                && value.stripTrailingZeros().scale() > ClientMessageDecoder.MAX_FRACTION_DIGITS) {
            throw invalid(NAMES[field] + "=" + message.json(field) + " must have at most "
                    + ClientMessageDecoder.MAX_FRACTION_DIGITS + " decimal places");
        }
        return value;
    }

    private static void requireNumber(MessageFields message, int field, String what) {
        int kind = message.kind(field);
        if (kind == MISSING || kind == NULL) {
            throw missing(field);
        }
        if (kind != NUMBER) {
            throw invalid(NAMES[field] + "=" + message.json(field) + " must be " + what);
        }
    }

    static <E extends Enum<E>> E requiredEnum(MessageFields message, int field, E[] constants) {
        requireString(message, field);
        for (E constant : constants) {
            if (message.textEquals(field, constant.name())) {
                return constant;
            }
        }
        throw notOneOf(field, message.string(field), constants);
    }

    private static <E extends Enum<E>> FieldException notOneOf(int field, String text, E[] constants) {
        StringBuilder allowed = new StringBuilder();
        for (E constant : constants) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
        }
        return invalid(NAMES[field] + "=" + text + " must be one of " + allowed);
    }

    static List<String> instrumentList(int field, String insList) {
        LinkedHashSet<String> instruments = new LinkedHashSet<>();
        for (String entry : insList.split(",", -1)) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!INSTRUMENT.matcher(trimmed).matches()) {
                throw invalid(NAMES[field] + " entry " + trimmed + " must have the form EXCHANGE.code");
            }
            instruments.add(trimmed);
        }
        return new ArrayList<>(instruments);
    }

    static FieldException missing(int field) {
        return new FieldException(RejectCode.DIFF_MISSING_FIELD, NAMES[field] + " is missing: it is required");
    }

    static FieldException invalid(String message) {
        return new FieldException(RejectCode.DIFF_INVALID_FIELD, message);
    }
}
