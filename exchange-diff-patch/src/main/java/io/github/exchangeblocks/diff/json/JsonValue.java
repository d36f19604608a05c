package io.github.exchangeblocks.diff.json;

/**
 * A JSON value: one of {@link JsonNull}, {@link JsonBoolean}, {@link JsonNumber}, {@link JsonString},
 * {@link JsonArray} or {@link JsonObject}.
 *
 * <p>Equality is JSON equality: objects compare their members regardless of order, numbers compare their exact
 * numeric value ({@code 1}, {@code 1.0} and {@code 1.00} are equal). Java {@code null} is never a JSON value; JSON
 * {@code null} is {@link JsonNull#INSTANCE}.
 */
public sealed interface JsonValue permits JsonNull, JsonBoolean, JsonNumber, JsonString, JsonArray, JsonObject {

    /**
     * Whether this value is the JSON {@code null}.
     *
     * @return {@code true} only for {@link JsonNull#INSTANCE}
     */
    default boolean isNull() {
        return false;
    }

    /**
     * Whether this value is a JSON object.
     *
     * @return {@code true} only for {@link JsonObject}
     */
    default boolean isObject() {
        return false;
    }

    /**
     * A copy that shares no mutable state with this value: objects are copied recursively, immutable values
     * return themselves.
     *
     * @return never {@code null}
     */
    default JsonValue deepCopy() {
        return this;
    }
}
