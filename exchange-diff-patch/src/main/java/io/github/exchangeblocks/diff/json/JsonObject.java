package io.github.exchangeblocks.diff.json;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object: members in insertion order (a re-added member moves to the end). Mutable, so that merge patches
 * can be applied in place at the cost of the patch; not thread-safe. An object handed to another thread or shared
 * between documents must not be mutated afterwards.
 *
 * <p>Copy-on-write rule: documents may share subtrees ({@link #shallowCopy()}, and the copying
 * {@code MergePatch.apply}, share every member they do not change). A shared object is treated as immutable by
 * everyone holding it: change a document that shares subtrees only through operations that copy the objects they
 * change (the copying apply), or take a {@link #deepCopy()} first and mutate that.
 *
 * <p>Storage is an insertion-ordered slot array with an open-addressing hash index, built once an object has more
 * than {@value #LINEAR_LIMIT} slots (so the many small objects of a patch carry none): lookups are O(1), appends
 * amortised O(1), removals O(1) (the slot is left empty and reclaimed when the arrays are compacted), and iteration
 * by slot cursor ({@link #nextMember(int)}, {@link #keyAt(int)}, {@link #valueAt(int)}) allocates nothing.
 *
 * <p>Equality ignores member order, as JSON does.
 */
public final class JsonObject implements JsonValue {
    /**
     * Objects up to this many slots are searched linearly, without a hash index: DIFF's field objects (an order, a
     * trade, an account, at most a couple of dozen members with mostly shared literal keys) are built, copied and
     * merged far more often than looked up, and a linear search over them is as fast as hashing the key.
     */
    static final int LINEAR_LIMIT = 24;
    private static final String[] NO_KEYS = new String[0];
    private static final JsonValue[] NO_VALUES = new JsonValue[0];

    private String[] keys;
    private JsonValue[] values;
    private int[] index;
    private int end;
    private int size;

    /** Creates an empty object. */
    public JsonObject() {
        keys = NO_KEYS;
        values = NO_VALUES;
    }

    /**
     * Creates an empty object with room for a number of members, so that filling it up to that many allocates
     * nothing more (a hint: it grows past it as usual).
     *
     * @param capacity the members expected, {@code >= 0}
     * @throws IllegalArgumentException if {@code capacity < 0}
     */
    public JsonObject(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity=" + capacity + " must be >= 0");
        }
        keys = capacity == 0 ? NO_KEYS : new String[capacity];
        values = capacity == 0 ? NO_VALUES : new JsonValue[capacity];
    }

    /**
     * The value of a member.
     *
     * @param key the member name, never {@code null}
     * @return the value (possibly {@link JsonNull#INSTANCE}), or Java {@code null} if there is no such member
     */
    public JsonValue get(String key) {
        int slot = slotOf(key);
        return slot < 0 ? null : values[slot];
    }

    /**
     * The object value of a member.
     *
     * @param key the member name
     * @return the member if it is an object, otherwise {@code null}
     */
    public JsonObject getObject(String key) {
        JsonValue value = get(key);
        return value instanceof JsonObject ? (JsonObject) value : null;
    }

    /**
     * Whether a member exists (even with a JSON {@code null} value).
     *
     * @param key the member name
     * @return {@code true} if present
     */
    public boolean containsKey(String key) {
        return slotOf(key) >= 0;
    }

    /**
     * Sets a member, keeping its position if it already exists. Allocates nothing when the member exists.
     *
     * @param key the member name, never {@code null}
     * @param value the value, never Java {@code null} (use {@link JsonNull#INSTANCE})
     * @return this object, for chaining
     * @throws NullPointerException if {@code key} or {@code value} is {@code null}
     */
    public JsonObject put(String key, JsonValue value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int slot = slotOf(key);
        if (slot >= 0) {
            values[slot] = value;
            return this;
        }
        if (end == keys.length) {
            makeRoom();
        }
        keys[end] = key;
        values[end] = value;
        if (index != null) {
            indexInsert(key, end);
        } else if (end + 1 > LINEAR_LIMIT) {
            rebuildIndex();
        }
        end++;
        size++;
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
     * Removes a member. Allocates nothing.
     *
     * @param key the member name
     * @return the removed value, or {@code null} if there was none
     */
    public JsonValue remove(String key) {
        int slot = slotOf(key);
        if (slot < 0) {
            return null;
        }
        JsonValue old = values[slot];
        keys[slot] = null;
        values[slot] = null;
        size--;
        if (size == 0) {
            clear();
        }
        return old;
    }

    /**
     * The number of members.
     *
     * @return zero or more
     */
    public int size() {
        return size;
    }

    /**
     * Whether the object has no members.
     *
     * @return {@code true} if empty
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Allocation-free iteration in member order: {@code for (int i = o.nextMember(-1); i >= 0; i = o.nextMember(i))}
     * visits every member's slot, read with {@link #keyAt(int)} and {@link #valueAt(int)}. Replacing the value of an
     * existing member during iteration is allowed; adding or removing members is not.
     *
     * @param slot the previous slot, or {@code -1} to start
     * @return the next member's slot, or {@code -1} when there is none
     */
    public int nextMember(int slot) {
        for (int i = slot + 1; i < end; i++) {
            if (keys[i] != null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The name of the member in a slot returned by {@link #nextMember(int)}.
     *
     * @param slot a member slot
     * @return the name
     */
    public String keyAt(int slot) {
        return keys[slot];
    }

    /**
     * The value of the member in a slot returned by {@link #nextMember(int)}.
     *
     * @param slot a member slot
     * @return the value
     */
    public JsonValue valueAt(int slot) {
        return values[slot];
    }

    /**
     * A read-only copy of the members in order. Allocates; use {@link #nextMember(int)} on hot paths.
     *
     * @return an unmodifiable list of immutable entries
     */
    public List<Map.Entry<String, JsonValue>> members() {
        List<Map.Entry<String, JsonValue>> members = new ArrayList<>(size);
        for (int i = nextMember(-1); i >= 0; i = nextMember(i)) {
            members.add(new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]));
        }
        return Collections.unmodifiableList(members);
    }

    /** Removes all members, keeping the allocated capacity. */
    public void clear() {
        Arrays.fill(keys, 0, end, null);
        Arrays.fill(values, 0, end, null);
        if (index != null) {
            Arrays.fill(index, 0);
        }
        end = 0;
        size = 0;
    }

    @Override
    public boolean isObject() {
        return true;
    }

    /**
     * A new object with the same members in the same order whose values are shared with this object, not copied:
     * the first step of a copy-on-write change. Costs one copy of the slot arrays (proportional to this object's
     * size, not to the size of its subtree). The copy and this object may be changed independently at the top
     * level; the shared child objects must not be mutated through either of them.
     *
     * @return a new object, never {@code null}
     */
    public JsonObject shallowCopy() {
        JsonObject copy = new JsonObject(0);
        if (size > 0) {
            copy.keys = Arrays.copyOf(keys, keys.length);
            copy.values = Arrays.copyOf(values, values.length);
            copy.index = index == null ? null : index.clone();
            copy.end = end;
            copy.size = size;
        }
        return copy;
    }

    @Override
    public JsonObject deepCopy() {
        JsonObject copy = new JsonObject(size);
        int slot = 0;
        for (int i = nextMember(-1); i >= 0; i = nextMember(i)) {
            copy.keys[slot] = keys[i];
            copy.values[slot] = values[i].deepCopy();
            slot++;
        }
        copy.end = slot;
        copy.size = slot;
        if (slot > LINEAR_LIMIT) {
            copy.rebuildIndex();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof JsonObject) || ((JsonObject) other).size != size) {
            return false;
        }
        JsonObject that = (JsonObject) other;
        for (int i = nextMember(-1); i >= 0; i = nextMember(i)) {
            if (!values[i].equals(that.get(keys[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = nextMember(-1); i >= 0; i = nextMember(i)) {
            hash += keys[i].hashCode() ^ values[i].hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return JsonWriter.toJson(this);
    }

    private int slotOf(String key) {
        if (index == null) {
            for (int i = 0; i < end; i++) {
                if (key.equals(keys[i])) {
                    return i;
                }
            }
            return -1;
        }
        int mask = index.length - 1;
        for (int h = mix(key.hashCode()) & mask; ; h = (h + 1) & mask) {
            int entry = index[h];
            if (entry == 0) {
                return -1;
            }
            if (key.equals(keys[entry - 1])) {
                return entry - 1;
            }
        }
    }

    private void makeRoom() {
        if (size <= end / 2 && end > 0) {
            compact();
        } else {
            int capacity = keys.length == 0 ? 4 : keys.length * 2;
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
            if (index != null) {
                rebuildIndex();
            }
        }
    }

    private void compact() {
        int to = 0;
        for (int from = 0; from < end; from++) {
            if (keys[from] != null) {
                keys[to] = keys[from];
                values[to] = values[from];
                to++;
            }
        }
        Arrays.fill(keys, to, end, null);
        Arrays.fill(values, to, end, null);
        end = to;
        if (index != null) {
            rebuildIndex();
        }
    }

    private void rebuildIndex() {
        int tableSize = Integer.highestOneBit(Math.max(keys.length, LINEAR_LIMIT) * 2 - 1) << 1;
        if (index == null || index.length != tableSize) {
            index = new int[tableSize];
        } else {
            Arrays.fill(index, 0);
        }
        for (int i = 0; i <= Math.min(end, keys.length - 1); i++) {
            if (keys[i] != null) {
                indexInsert(keys[i], i);
            }
        }
    }

    private void indexInsert(String key, int slot) {
        int mask = index.length - 1;
        int h = mix(key.hashCode()) & mask;
        while (index[h] != 0 && keys[index[h] - 1] != null) {
            h = (h + 1) & mask;
        }
        index[h] = slot + 1;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
