package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;

import java.util.Objects;

/**
 * JSON Merge Patch (RFC 7396) operations. Stateless and thread-safe; every method allocates only what its result
 * needs.
 *
 * <p>Terms: a <em>patch</em> is any JSON value; an object patch merges member by member (a {@code null} member
 * deletes, an object member merges recursively, anything else replaces), a non-object patch replaces the target
 * whole. Arrays are never merged, only replaced.
 */
public final class MergePatch {
    private MergePatch() {
    }

    /**
     * Applies a patch without modifying either argument, exactly as RFC 7396 section 2 defines, with structural
     * sharing: only the objects on the patch's paths are copied (each with {@link JsonObject#shallowCopy()}), every
     * member the patch does not touch is shared with {@code target}, and values taken from the patch are copied
     * (so the result shares nothing mutable with {@code patch}). Costs time and allocation proportional to the
     * objects on the patch's paths (their member counts) plus the patch, never to the untouched rest of the target.
     *
     * <p>Because subtrees are shared, the result and {@code target} follow the copy-on-write rule of
     * {@link JsonObject}: neither may be mutated in place afterwards (no {@link #applyInPlace} and no
     * {@code put}/{@code remove} on their objects) while the other is still in use. Applying further patches with
     * this method is always safe and keeps every earlier version intact; to mutate a result, take its
     * {@link JsonValue#deepCopy()} first. Thread-safe as long as nobody mutates the arguments meanwhile.
     *
     * @param target the document, never Java {@code null} (use {@link JsonNull#INSTANCE} for "no document")
     * @param patch the patch, never Java {@code null}
     * @return the patched document, a new object when {@code patch} is an object
     */
    public static JsonValue apply(JsonValue target, JsonValue patch) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(patch, "patch");
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        if (!target.isObject()) {
            return withoutNullMembers((JsonObject) patch);
        }
        return mergeCopy((JsonObject) target, (JsonObject) patch);
    }

    private static JsonObject mergeCopy(JsonObject target, JsonObject patch) {
        JsonObject result = target.shallowCopy();
        for (int slot = patch.nextMember(-1); slot >= 0; slot = patch.nextMember(slot)) {
            String key = patch.keyAt(slot);
            JsonValue value = patch.valueAt(slot);
            if (value.isNull()) {
                result.remove(key);
            } else if (value.isObject()) {
                JsonValue existing = target.get(key);
                result.put(key, existing != null && existing.isObject()
                        ? mergeCopy((JsonObject) existing, (JsonObject) value)
                        : withoutNullMembers((JsonObject) value));
            } else {
                result.put(key, value.deepCopy());
            }
        }
        return result;
    }

    /**
     * Applies a patch by modifying the target where possible, at a cost proportional to the size of the patch, not
     * of the target. When both are objects the target object itself is modified and returned; otherwise the
     * result is a new value (RFC 7396 replaces a non-object target by an empty object before merging). Values taken
     * from the patch are copied, so the patch can be reused and the target mutated later without either seeing the
     * other's changes.
     *
     * @param target the document to modify, never Java {@code null}
     * @param patch the patch, never Java {@code null}; not modified
     * @return the patched document: {@code target} itself when both are objects
     */
    public static JsonValue applyInPlace(JsonValue target, JsonValue patch) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(patch, "patch");
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        JsonObject object = target.isObject() ? (JsonObject) target : new JsonObject();
        mergeInto(object, (JsonObject) patch);
        return object;
    }

    private static void mergeInto(JsonObject target, JsonObject patch) {
        for (int slot = patch.nextMember(-1); slot >= 0; slot = patch.nextMember(slot)) {
            String key = patch.keyAt(slot);
            JsonValue value = patch.valueAt(slot);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject()) {
                JsonValue existing = target.get(key);
                if (existing != null && existing.isObject()) {
                    mergeInto((JsonObject) existing, (JsonObject) value);
                } else {
                    target.put(key, withoutNullMembers((JsonObject) value));
                }
            } else {
                target.put(key, value.deepCopy());
            }
        }
    }

    /**
     * A copy of an object with every {@code null} member removed, recursively through objects (arrays are kept as
     * they are): what applying the object as a patch to a non-object produces.
     *
     * @param object the object, not modified
     * @return a new object
     */
    public static JsonObject withoutNullMembers(JsonObject object) {
        JsonObject copy = new JsonObject(object.size());
        for (int slot = object.nextMember(-1); slot >= 0; slot = object.nextMember(slot)) {
            JsonValue value = object.valueAt(slot);
            if (value.isObject()) {
                copy.put(object.keyAt(slot), withoutNullMembers((JsonObject) value));
            } else if (!value.isNull()) {
                copy.put(object.keyAt(slot), value.deepCopy());
            }
        }
        return copy;
    }

    /**
     * The smallest merge patch that turns {@code source} into {@code target}: unchanged members are omitted,
     * removed members become {@code null}, objects are diffed recursively, anything else (including arrays) is
     * replaced whole. For two equal objects the result is the empty object; for a non-object target it is the
     * target itself.
     *
     * <p>A merge patch can never produce an object member whose value is {@code null} (a {@code null} member
     * deletes), so a target containing one where the source does not have the same {@code null} is rejected rather
     * than silently turned into a deletion. {@code null} inside arrays, and a {@code null} target as a whole, are
     * fine.
     *
     * @param source the document the client holds, not modified
     * @param target the document the client should hold, not modified
     * @return a new patch sharing no mutable objects with the arguments
     * @throws IllegalArgumentException if the target has a {@code null} object member that the patch would have to
     *         create; the message names its path
     */
    public static JsonValue diff(JsonValue source, JsonValue target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!target.isObject()) {
            return target.deepCopy();
        }
        if (!source.isObject()) {
            requireNoNullMembers((JsonObject) target, "");
            return target.deepCopy();
        }
        return diffObjects((JsonObject) source, (JsonObject) target, "");
    }

    private static JsonObject diffObjects(JsonObject source, JsonObject target, String path) {
        JsonObject patch = new JsonObject();
        for (int slot = source.nextMember(-1); slot >= 0; slot = source.nextMember(slot)) {
            if (!target.containsKey(source.keyAt(slot))) {
                patch.put(source.keyAt(slot), JsonNull.INSTANCE);
            }
        }
        for (int slot = target.nextMember(-1); slot >= 0; slot = target.nextMember(slot)) {
            String key = target.keyAt(slot);
            JsonValue to = target.valueAt(slot);
            JsonValue from = source.get(key);
            if (to.equals(from)) {
                continue;
            }
            String memberPath = path.isEmpty() ? key : path + '.' + key;
            if (to.isNull()) {
                throw new IllegalArgumentException("target member " + memberPath
                        + " is null: no merge patch can produce a null member (null deletes)");
            }
            if (to.isObject()) {
                if (from != null && from.isObject()) {
                    patch.put(key, diffObjects((JsonObject) from, (JsonObject) to, memberPath));
                } else {
                    requireNoNullMembers((JsonObject) to, memberPath);
                    patch.put(key, to.deepCopy());
                }
            } else {
                patch.put(key, to.deepCopy());
            }
        }
        return patch;
    }

    private static void requireNoNullMembers(JsonObject object, String path) {
        for (int slot = object.nextMember(-1); slot >= 0; slot = object.nextMember(slot)) {
            String memberPath = path.isEmpty() ? object.keyAt(slot) : path + '.' + object.keyAt(slot);
            if (object.valueAt(slot).isNull()) {
                throw new IllegalArgumentException("target member " + memberPath
                        + " is null: no merge patch can produce a null member (null deletes)");
            }
            if (object.valueAt(slot).isObject()) {
                requireNoNullMembers((JsonObject) object.valueAt(slot), memberPath);
            }
        }
    }

    /**
     * One patch equivalent to applying {@code first} and then {@code second} to {@code base}:
     * {@code apply(base, compose(base, first, second)).equals(apply(apply(base, first), second))} for every base and
     * every pair of patches.
     *
     * <p>Most of the work needs only the two patches: members touched by one patch only are taken from it; a later
     * {@code null} or non-object wins; two object members compose recursively. The base is consulted in exactly two
     * cases, because a single merge patch cannot say "replace this object whole":
     * <ul>
     *   <li>{@code first} deletes a member, or sets it to a non-object, and {@code second} sets it to an object again,
     *       while the base holds an object there: the composed member must also delete the base object's members
     *       that the new object does not have, so it becomes the diff from the base member;</li>
     *   <li>{@code first} is not an object (it replaces the whole document) and {@code second} is an object: the
     *       composed patch is the diff from the base to the result.</li>
     * </ul>
     * The cost is proportional to the two patches plus the base sub-documents read in those cases.
     *
     * @param base the document {@code first} applies to (what the client holds), not modified
     * @param first the earlier patch, not modified
     * @param second the later patch, not modified
     * @return a new patch sharing no mutable objects with the arguments
     */
    public static JsonValue compose(JsonValue base, JsonValue first, JsonValue second) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (!second.isObject()) {
            return second.deepCopy();
        }
        if (!first.isObject()) {
            return diff(base, apply(first, second));
        }
        return composeObjects(base.isObject() ? (JsonObject) base : null, (JsonObject) first, (JsonObject) second);
    }

    private static JsonObject composeObjects(JsonObject base, JsonObject first, JsonObject second) {
        JsonObject result = first.deepCopy();
        for (int slot = second.nextMember(-1); slot >= 0; slot = second.nextMember(slot)) {
            String key = second.keyAt(slot);
            JsonValue later = second.valueAt(slot);
            JsonValue earlier = first.get(key);
            if (earlier == null || !later.isObject()) {
                result.put(key, later.deepCopy());
                continue;
            }
            JsonValue baseMember = base == null ? null : base.get(key);
            JsonObject baseObject = baseMember != null && baseMember.isObject() ? (JsonObject) baseMember : null;
            if (earlier.isObject()) {
                result.put(key, composeObjects(baseObject, (JsonObject) earlier, (JsonObject) later));
            } else {
                JsonObject recreated = withoutNullMembers((JsonObject) later);
                result.put(key, baseObject == null ? recreated : diffObjects(baseObject, recreated, key));
            }
        }
        return result;
    }
}
