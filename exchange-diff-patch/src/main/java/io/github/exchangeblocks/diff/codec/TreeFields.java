package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;

import java.math.BigDecimal;

/** {@link MessageFields} over an already parsed message object. */
final class TreeFields implements MessageFields {
    private final JsonObject message;

    TreeFields(JsonObject message) {
        this.message = message;
    }

    @Override
    public int kind(String field) {
        JsonValue value = message.get(field);
        if (value == null) {
            return MISSING;
        }
        if (value.isNull()) {
            return NULL;
        }
        if (value instanceof JsonString) {
            return STRING;
        }
        return value instanceof JsonNumber ? NUMBER : OTHER;
    }

    @Override
    public String string(String field) {
        return ((JsonString) message.get(field)).value();
    }

    @Override
    public boolean textEquals(String field, String expected) {
        return string(field).equals(expected);
    }

    @Override
    public int textLength(String field) {
        return string(field).length();
    }

    @Override
    public boolean isLong(String field) {
        return ((JsonNumber) message.get(field)).isLong();
    }

    @Override
    public long longValue(String field) {
        return ((JsonNumber) message.get(field)).longValue();
    }

    @Override
    public BigDecimal decimal(String field) {
        return ((JsonNumber) message.get(field)).decimalValue();
    }

    @Override
    public String json(String field) {
        return message.get(field).toString();
    }

    @Override
    public JsonObject tree() {
        return message;
    }
}
