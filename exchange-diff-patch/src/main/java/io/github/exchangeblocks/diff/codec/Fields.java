package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Typed field access with rules; every failure names the field and the rule. */
final class Fields {
    private static final Pattern INSTRUMENT = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_.\\-]+");

    private Fields() {
    }

    static String requiredString(JsonObject message, String field) {
        JsonValue value = message.get(field);
        if (value == null || value.isNull()) {
            throw new FieldException(RejectCode.DIFF_MISSING_FIELD, field + " is missing: it is required");
        }
        if (!(value instanceof JsonString)) {
            throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value + " must be a string");
        }
        return ((JsonString) value).value();
    }

    static String requiredNonEmpty(JsonObject message, String field) {
        String text = requiredString(message, field);
        if (text.isEmpty()) {
            throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=\"\" must not be empty");
        }
        return text;
    }

    static String optionalString(JsonObject message, String field) {
        JsonValue value = message.get(field);
        return value == null || value.isNull() ? "" : requiredString(message, field);
    }

    static long requiredLong(JsonObject message, String field, long min) {
        JsonValue value = message.get(field);
        if (value == null || value.isNull()) {
            throw new FieldException(RejectCode.DIFF_MISSING_FIELD, field + " is missing: it is required");
        }
        if (!(value instanceof JsonNumber)) {
            throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value + " must be an integer");
        }
        BigDecimal decimal = ((JsonNumber) value).decimalValue();
        long result;
        try {
            result = decimal.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value
                    + " must be an integer that fits 64 bits");
        }
        if (result < min) {
            throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value + " must be >= " + min);
        }
        return result;
    }

    static BigDecimal requiredDecimal(JsonObject message, String field) {
        JsonValue value = message.get(field);
        if (value == null || value.isNull()) {
            throw new FieldException(RejectCode.DIFF_MISSING_FIELD, field + " is missing: it is required");
        }
        if (!(value instanceof JsonNumber)) {
            throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value + " must be a number");
        }
        return ((JsonNumber) value).decimalValue();
    }

    static <E extends Enum<E>> E requiredEnum(JsonObject message, String field, Class<E> type) {
        String text = requiredString(message, field);
        return toEnum(field, text, type);
    }

    static <E extends Enum<E>> E toEnum(String field, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
        }
        throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + text + " must be one of " + allowed);
    }

    static List<String> instrumentList(String field, String insList) {
        LinkedHashSet<String> instruments = new LinkedHashSet<>();
        for (String entry : insList.split(",", -1)) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!INSTRUMENT.matcher(trimmed).matches()) {
                throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + " entry " + trimmed
                        + " must have the form EXCHANGE.code");
            }
            instruments.add(trimmed);
        }
        return new ArrayList<>(instruments);
    }

    static FieldException invalid(String message) {
        return new FieldException(RejectCode.DIFF_INVALID_FIELD, message);
    }
}
