package io.github.exchangeblocks.diff.json;

import java.util.List;

/**
 * A JSON array. Immutable: a merge patch never looks inside an array, it replaces arrays whole. Elements may be
 * {@link JsonNull#INSTANCE} but never Java {@code null}; elements should themselves be treated as immutable.
 *
 * @param elements the elements in order, copied into an unmodifiable list
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
    /** The empty array. */
    public static final JsonArray EMPTY = new JsonArray(List.of());

    /**
     * Creates an array.
     *
     * @param elements the elements, never {@code null} and without Java {@code null} elements
     * @throws NullPointerException if {@code elements} or one of its elements is {@code null}
     */
    public JsonArray {
        elements = List.copyOf(elements);
    }

    /**
     * Creates an array from values.
     *
     * @param elements the elements, none {@code null}
     * @return a new array
     */
    public static JsonArray of(JsonValue... elements) {
        return new JsonArray(List.of(elements));
    }

    @Override
    public JsonValue deepCopy() {
        boolean hasObject = false;
        for (JsonValue element : elements) {
            hasObject |= element.isObject();
        }
        if (!hasObject) {
            return this;
        }
        JsonValue[] copy = new JsonValue[elements.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = elements.get(i).deepCopy();
        }
        return new JsonArray(List.of(copy));
    }

    @Override
    public String toString() {
        return JsonWriter.toJson(this);
    }
}
