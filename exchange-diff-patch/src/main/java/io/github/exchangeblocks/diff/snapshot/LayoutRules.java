package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;


/**
 * The compatibility rules real DIFF clients (TqSdk) depend on, checked against the current document before a patch
 * is applied: no member name starts with {@code _}, and a member never changes between a scalar (or array) and an
 * object. (NaN can not occur: the value model writes non-finite doubles as {@code "-"}.)
 */
final class LayoutRules {
    private LayoutRules() {
    }

    /**
     * Checks a patch against the document it is about to change.
     *
     * @param current the member's current value, or {@code null} if it has none
     * @param patch   the change
     * @param path    the member's path, for the message
     * @throws IllegalArgumentException naming the offending member's full path and the rule
     */
    static void check(JsonObject current, JsonObject patch, String path) {
        String violation = violation(current, patch);
        if (violation != null) {
            throw new IllegalArgumentException("member " + path + '.' + violation);
        }
    }

    /**
     * The first broken rule as {@code "<relative path> <rule>"}, or {@code null}. Paths are built only on the way out
     * of a violation, so a valid patch costs no strings.
     */
    private static String violation(JsonObject current, JsonObject patch) {
        for (int slot = patch.nextMember(-1); slot >= 0; slot = patch.nextMember(slot)) {
            String key = patch.keyAt(slot);
            if (key.startsWith("_")) {
                return key + " starts with '_': DIFF clients reserve such names";
            }
            JsonValue value = patch.valueAt(slot);
            JsonValue existing = current == null ? null : current.get(key);
            if (value.isNull()) {
                continue;
            }
            if (existing != null && !existing.isNull() && existing.isObject() != value.isObject()) {
                return key + " would change from " + (existing.isObject() ? "object to scalar" : "scalar to object")
                        + ": DIFF clients require a member to keep its kind";
            }
            if (value.isObject()) {
                String inner = violation(existing != null && existing.isObject() ? (JsonObject) existing : null,
                        (JsonObject) value);
                if (inner != null) {
                    return key + '.' + inner;
                }
            }
        }
        return null;
    }
}
