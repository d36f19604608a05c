package io.github.exchangeblocks.diff.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON object: members in insertion order (a re-added member moves to the end). Mutable, so that merge patches
 * can be applied in place at the cost of the patch; not thread-safe. An object handed to another thread or shared
 * between documents must not be mutated afterwards.
 *
 * <p>Equality ignores member order, as JSON does.
 */
public final class JsonObject implements JsonValue {
    private final LinkedHashMap<String, JsonValue> members;

    /** Creates an empty object. */
    public JsonObject() {
        members = new LinkedHashMap<>();
    }

    private JsonObject(int expectedSize) {
        members = new LinkedHashMap<>(Math.max(4, (int) (expectedSize / 0.75f) + 1));
    }

    /**
     * The value of a member.
     *
     * @param key the member name, never {@code null}
     * @return the value (possibly {@link JsonNull#INSTANCE}), or Java {@code null} if there is no such member
     */
    public JsonValue get(String key) {
        return members.get(key);
    }

    /**
     * The object value of a member.
     *
     * @param key the member name
     * @return the member if it is an object, otherwise {@code null}
     */
    public JsonObject getObject(String key) {
        JsonValue value = members.get(key);
        return value instanceof JsonObject ? (JsonObject) value : null;
    }

    /**
     * Whether a member exists (even with a JSON {@code null} value).
     *
     * @param key the member name
     * @return {@code true} if present
     */
    public boolean containsKey(String key) {
        return members.containsKey(key);
    }

    /**
     * Sets a member, keeping its position if it already exists.
     *
     * @param key the member name, never {@code null}
     * @param value the value, never Java {@code null} (use {@link JsonNull#INSTANCE})
     * @return this object, for chaining
     * @throws NullPointerException if {@code key} or {@code value} is {@code null}
     */
    public JsonObject put(String key, JsonValue value) {
        members.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets a string member.
     *
     * @param key the member name
     * @param value the text, never {@code null}
     * @return this object
     */
    public JsonObject put(String key, String value) {
        return put(key, new JsonString(value));
    }

    /**
     * Sets an integer member.
     *
     * @param key the member name
     * @param value the value
     * @return this object
     */
    public JsonObject put(String key, long value) {
        return put(key, JsonNumber.of(value));
    }

    /**
     * Sets a number member from a double; NaN and infinities become {@code "-"}.
     *
     * @param key the member name
     * @param value the value
     * @return this object
     */
    public JsonObject put(String key, double value) {
        return put(key, JsonNumber.ofDouble(value));
    }

    /**
     * Sets a boolean member.
     *
     * @param key the member name
     * @param value the value
     * @return this object
     */
    public JsonObject put(String key, boolean value) {
        return put(key, JsonBoolean.of(value));
    }

    /**
     * Removes a member.
     *
     * @param key the member name
     * @return the removed value, or {@code null} if there was none
     */
    public JsonValue remove(String key) {
        return members.remove(key);
    }

    /**
     * The number of members.
     *
     * @return zero or more
     */
    public int size() {
        return members.size();
    }

    /**
     * Whether the object has no members.
     *
     * @return {@code true} if empty
     */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /**
     * A read-only view of the members in order. Iterating it does not copy; mutating the object while iterating
     * is not allowed.
     *
     * @return an unmodifiable live view
     */
    public Set<Map.Entry<String, JsonValue>> members() {
        return Collections.unmodifiableMap(members).entrySet();
    }

    /** Removes all members. */
    public void clear() {
        members.clear();
    }

    @Override
    public boolean isObject() {
        return true;
    }

    @Override
    public JsonObject deepCopy() {
        JsonObject copy = new JsonObject(members.size());
        for (Map.Entry<String, JsonValue> member : members.entrySet()) {
            copy.members.put(member.getKey(), member.getValue().deepCopy());
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof JsonObject && members.equals(((JsonObject) other).members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return JsonWriter.toJson(this);
    }
}
