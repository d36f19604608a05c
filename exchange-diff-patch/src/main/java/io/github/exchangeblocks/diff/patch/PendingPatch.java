package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Any number of object patches folded into at most two, without knowing the document they apply to: applying
 * {@link #patches()} in order has exactly the effect of applying every {@link #add(JsonObject) added} patch in
 * order, whatever the base document. Its size is bounded by the documents involved, not by the number of patches.
 *
 * <p>How: the second patch ({@code upserts}) is the running merge of the added patches. The one case a single
 * merge patch cannot express without the base (a member deleted or set to a non-object, then set to an object
 * again, which must drop whatever object the base held there) is handled by recording a deletion of that member
 * in the first patch ({@code deletions}, which holds only {@code null}s and the objects leading to them) and
 * writing the new object, stripped of its {@code null}s, into {@code upserts}. Every path in {@code deletions} runs
 * through object members of {@code upserts}, so applying the deletions first never changes what the upserts do
 * elsewhere.
 *
 * <p>Mutable, not thread-safe: one owner at a time (the snapshot manager guards it with the session lock). Patches
 * given to {@link #add} are copied where they are retained, so they may be shared and reused by the caller; those
 * given to {@link #addImmutable} may be retained as they are.
 */
public final class PendingPatch {
    private JsonObject upserts = new JsonObject();
    /** {@link #upserts} is a patch adopted by {@link #addImmutable}: copied before anything changes it. */
    private boolean upsertsShared;
    private JsonObject deletions;
    private final ArrayList<String> path = new ArrayList<>(8);

    /** Creates an empty pending patch. */
    public PendingPatch() {
    }

    /**
     * Folds one more patch in, after every patch added before. Costs the size of {@code patch} (plus, in the
     * delete-then-recreate case, the size of the recreated object).
     *
     * @param patch an object patch, not modified and not retained
     */
    public void add(JsonObject patch) {
        unshare();
        merge(upserts, patch);
    }

    /**
     * Folds in a patch that nobody mutates any more (the caller promises it), like {@link #add}: the first one
     * added to an empty pending patch is kept as it is, not copied, and copied only if a later patch has to be
     * merged into it; so a consumer that takes every change before the next arrives costs no copy at all.
     *
     * @param patch an object patch that is never mutated again; may be retained and shared
     */
    public void addImmutable(JsonObject patch) {
        if (isEmpty()) {
            upserts = patch;
            upsertsShared = true;
        } else {
            add(patch);
        }
    }

    private void unshare() {
        if (upsertsShared) {
            upserts = upserts.deepCopy();
            upsertsShared = false;
        }
    }

    /**
     * Whether nothing has been added (or only empty patches).
     *
     * @return {@code true} if applying {@link #patches()} would change no document
     */
    public boolean isEmpty() {
        return upserts.isEmpty() && deletions == null;
    }

    /**
     * The patches to apply in order: {@code [upserts]}, or {@code [deletions, upserts]} when a delete-then-recreate
     * happened. The returned objects are the live state: stop adding before handing them to another thread. Before
     * anything was added this is {@code [{}]}, which leaves an object document unchanged (but, like any object patch,
     * turns a non-object document into {@code {}}); callers check {@link #isEmpty()} first.
     *
     * @return one or two object patches
     */
    public List<JsonObject> patches() {
        return deletions == null ? List.of(upserts) : List.of(deletions, upserts);
    }

    /**
     * The live object the pending upserts hold at a top-level member, for an owner that bounds what accumulates
     * there (the DIFF snapshot manager drops the oldest pending {@code notify.<n>} entries). Removing members from
     * it withdraws those changes: applying {@link #patches()} then simply does not make them.
     *
     * @param key the top-level member name
     * @return the object, or {@code null} if nothing pending is an object at {@code key}
     */
    public JsonObject upsertsMember(String key) {
        unshare();
        return upserts.getObject(key);
    }

    private void merge(JsonObject pending, JsonObject patch) {
        for (int slot = patch.nextMember(-1); slot >= 0; slot = patch.nextMember(slot)) {
            String key = patch.keyAt(slot);
            JsonValue value = patch.valueAt(slot);
            if (!value.isObject()) {
                pending.put(key, value.deepCopy());
                continue;
            }
            JsonValue existing = pending.get(key);
            if (existing == null) {
                pending.put(key, value.deepCopy());
            } else if (existing.isObject()) {
                path.add(key);
                merge((JsonObject) existing, (JsonObject) value);
                path.remove(path.size() - 1);
            } else {
                recordDeletion(key);
                pending.put(key, MergePatch.withoutNullMembers((JsonObject) value));
            }
        }
    }

    private void recordDeletion(String key) {
        if (deletions == null) {
            deletions = new JsonObject();
        }
        JsonObject node = deletions;
        for (int i = 0, n = path.size(); i < n; i++) {
            JsonValue child = node.get(path.get(i));
            if (child == null) {
                JsonObject created = new JsonObject();
                node.put(path.get(i), created);
                node = created;
            } else if (child.isObject()) {
                node = (JsonObject) child;
            } else {
                return;
            }
        }
        node.put(key, JsonNull.INSTANCE);
    }
}
