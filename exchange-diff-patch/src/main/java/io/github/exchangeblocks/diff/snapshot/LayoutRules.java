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

    /** Checks a patch; the member paths for messages are built only when a rule is broken or a level is entered. */
    static void check(JsonObject current, JsonObject patch, String path) {
        for (int slot = patch.nextMember(-1); slot >= 0; slot = patch.nextMember(slot)) {
            String key = patch.keyAt(slot);
            if (key.startsWith("_")) {
                throw new IllegalArgumentException("member " + path + '.' + key
                        + " starts with '_': DIFF clients reserve such names");
            }
            JsonValue value = patch.valueAt(slot);
            JsonValue existing = current == null ? null : current.get(key);
            if (value.isNull()) {
                continue;
            }
            if (existing != null && !existing.isNull() && existing.isObject() != value.isObject()) {
                throw new IllegalArgumentException("member " + path + '.' + key + " would change from "
                        + (existing.isObject() ? "object to scalar" : "scalar to object")
                        + ": DIFF clients require a member to keep its kind");
            }
            if (value.isObject()) {
                check(existing != null && existing.isObject() ? (JsonObject) existing : null, (JsonObject) value,
                        path + '.' + key);
            }
        }
    }
}
