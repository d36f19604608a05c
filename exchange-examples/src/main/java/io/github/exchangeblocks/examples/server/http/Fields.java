package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a JSON object's fields by the API's rules, each failure an {@link ApiException} (400) whose message names
 * the field (with its path inside the body) and the rule it breaks. Numbers may be JSON numbers or decimal strings.
 */
final class Fields {
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);
    /** Bounds arithmetic on input: a number like {@code 1e999999999} must not cost a billion digits. */
    static final int MAX_DIGITS = 18;

    private final ObjectNode node;
    private final String prefix;

    Fields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    String text(String name, int maxLength) throws ApiException {
        JsonNode value = required(name);
        if (!value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > maxLength) {
            throw invalid(name, value, "must be a string of 1.." + maxLength + " characters");
        }
        return value.textValue();
    }

    long integer(String name, long min, long max) throws ApiException {
        JsonNode value = required(name);
        BigDecimal number = number(name, value);
        if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(name, value, "must be a whole number in " + min + ".." + max);
        }
        return number.longValueExact();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) throws ApiException {
        JsonNode value = required(name);
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw invalid(name, value, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** A positive amount of money with at most {@code scale} decimal places, in minor units. */
    long money(String name, int scale) throws ApiException {
        JsonNode value = required(name);
        BigDecimal amount = number(name, value);
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > scale
                || amount.movePointRight(scale).compareTo(MAX_LONG) > 0) {
            throw invalid(name, value, "must be a positive amount with at most " + scale + " decimal places");
        }
        return amount.movePointRight(scale).longValueExact();
    }

    /** A positive price on the instrument's tick, in ticks. */
    long price(String name, InstrumentSpec spec) throws ApiException {
        return ticks(prefix + name, required(name), spec);
    }

    static long ticks(String field, JsonNode value, InstrumentSpec spec) throws ApiException {
        BigDecimal price;
        try {
            price = value.isNumber() ? value.decimalValue() : value.isTextual() ? new BigDecimal(value.textValue())
                    : null;
        } catch (NumberFormatException e) {
            price = null;
        }
        BigDecimal tick = BigDecimal.valueOf(spec.tickSize(), spec.priceScale());
        if (price == null || price.signum() <= 0) {
            throw ApiException.badRequest(field + "=" + value + " must be a positive price");
        }
        if (!bounded(price)) {
            throw ApiException.badRequest(field + "=" + value + " must have at most " + MAX_DIGITS
                    + " digits before and after the point");
        }
        BigDecimal[] ticks = price.divideAndRemainder(tick);
        if (ticks[1].signum() != 0 || ticks[0].compareTo(MAX_LONG) > 0) {
            throw ApiException.badRequest(field + "=" + value + " must be a multiple of price_tick="
                    + tick.toPlainString() + " of " + spec.instrumentId());
        }
        return ticks[0].longValueExact();
    }

    Fields object(String name) throws ApiException {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw invalid(name, value, "must be a JSON object");
        }
        return new Fields((ObjectNode) value, prefix + name + ".");
    }

    ArrayNode array(String name, int maxSize) throws ApiException {
        JsonNode value = required(name);
        if (!value.isArray() || value.isEmpty() || value.size() > maxSize) {
            throw invalid(name, value, "must be an array of 1.." + maxSize + " elements");
        }
        return (ArrayNode) value;
    }

    static Fields element(ArrayNode array, int index, String arrayName) throws ApiException {
        JsonNode value = array.get(index);
        if (!value.isObject()) {
            throw ApiException.badRequest(arrayName + "[" + index + "] must be a JSON object");
        }
        return new Fields((ObjectNode) value, arrayName + "[" + index + "].");
    }

    /** @return the field's name with its path inside the body */
    String path(String name) {
        return prefix + name;
    }

    /** @return the field's value as given; it must be present */
    JsonNode raw(String name) throws ApiException {
        return required(name);
    }

    private JsonNode required(String name) throws ApiException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(prefix + name + " is required");
        }
        return value;
    }

    private BigDecimal number(String name, JsonNode value) throws ApiException {
        BigDecimal number = null;
        try {
            if (value.isNumber()) {
                number = value.decimalValue();
            } else if (value.isTextual()) {
                number = new BigDecimal(value.textValue());
            }
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || !bounded(number)) {
            throw invalid(name, value, "must be a decimal number of at most " + MAX_DIGITS
                    + " digits before and after the point");
        }
        return number;
    }

    /** @return whether the number's digits before and after the point each fit {@value #MAX_DIGITS} */
    static boolean bounded(BigDecimal number) {
        return number.precision() - number.scale() <= MAX_DIGITS && number.scale() <= MAX_DIGITS;
    }

    private ApiException invalid(String name, JsonNode value, String rule) {
        String shown = value.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return ApiException.badRequest(prefix + name + "=" + shown + " " + rule);
    }
}
