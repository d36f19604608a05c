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
    public int kind(int field) {
        JsonValue value = message.get(NAMES[field]);
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
    public String string(int field) {
        return ((JsonString) message.get(NAMES[field])).value();
    }

    @Override
    public boolean textEquals(int field, String expected) {
        return string(field).equals(expected);
    }

    @Override
    public int textLength(int field) {
        return string(field).length();
    }

    @Override
    public boolean isLong(int field) {
        return ((JsonNumber) message.get(NAMES[field])).isLong();
    }

    @Override
    public long longValue(int field) {
        return ((JsonNumber) message.get(NAMES[field])).longValue();
    }

    @Override
    public BigDecimal decimal(int field) {
        return ((JsonNumber) message.get(NAMES[field])).decimalValue();
    }

    @Override
    public String json(int field) {
        return message.get(NAMES[field]).toString();
    }

    @Override
    public JsonObject tree() {
        return message;
    }
}
