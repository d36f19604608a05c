package io.github.exchangeblocks.diff.json;

/** The JSON {@code null}. In a merge patch an object member with this value deletes the member. */
public enum JsonNull implements JsonValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public String toString() {
        return "null";
    }
}
