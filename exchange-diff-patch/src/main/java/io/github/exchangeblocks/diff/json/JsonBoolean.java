package io.github.exchangeblocks.diff.json;

/**
 * A JSON {@code true} or {@code false}. Immutable; use {@link #of(boolean)} to get the shared instances.
 *
 * @param value the boolean value
 */
public record JsonBoolean(boolean value) implements JsonValue {
    /** The shared {@code true}. */
    public static final JsonBoolean TRUE = new JsonBoolean(true);
    /** The shared {@code false}. */
    public static final JsonBoolean FALSE = new JsonBoolean(false);

    /**
     * The shared instance for a value, without allocating.
     *
     * @param value the boolean value
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
