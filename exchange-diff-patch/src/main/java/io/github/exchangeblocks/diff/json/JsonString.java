package io.github.exchangeblocks.diff.json;

import java.util.Objects;

/**
 * A JSON string. Immutable.
 *
 * @param value the text, never {@code null}
 */
public record JsonString(String value) implements JsonValue {
    /** The string {@code "-"}, which DIFF uses in place of a number that is not finite (NaN, infinities). */
    public static final JsonString NOT_A_NUMBER = new JsonString("-");

    /**
     * Creates a string value.
     *
     * @param value the text, never {@code null}
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
