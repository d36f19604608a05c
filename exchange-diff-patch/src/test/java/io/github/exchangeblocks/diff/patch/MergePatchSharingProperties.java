package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.json.JsonWriter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copying apply with structural sharing against the in-place apply as oracle: same result, arguments never
 * mutated (not even their member order), untouched members shared, earlier versions kept intact.
 */
class MergePatchSharingProperties {

    @Provide
    Arbitrary<JsonValue> anyValues() {
        return JsonGenerators.values(4, true);
    }

    @Provide
    Arbitrary<List<JsonObject>> patchSequences() {
        return JsonGenerators.objects(4, true).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 2000)
    void shouldEqualInPlaceApplyWhenSharing(@ForAll("anyValues") JsonValue target,
                                            @ForAll("anyValues") JsonValue patch) {
        JsonValue oracle = MergePatch.applyInPlace(target.deepCopy(), patch);

        JsonValue shared = MergePatch.apply(target, patch);

        assertThat(shared).isEqualTo(oracle);
        assertThat(JsonWriter.toJson(shared)).isEqualTo(JsonWriter.toJson(oracle));
    }

    @Property(tries = 2000)
    void shouldNeverMutateArgumentsWhenSharing(@ForAll("anyValues") JsonValue target,
                                               @ForAll("anyValues") JsonValue patch) {
        String targetBefore = JsonWriter.toJson(target);
        String patchBefore = JsonWriter.toJson(patch);

        JsonValue result = MergePatch.apply(target, patch);

        assertThat(JsonWriter.toJson(target)).isEqualTo(targetBefore);
        assertThat(JsonWriter.toJson(patch)).isEqualTo(patchBefore);
        if (patch.isObject()) {
            assertThat(result).isNotSameAs(target);
        }
    }

    @Property(tries = 1000)
    void shouldShareUntouchedMembersWhenSharing(@ForAll("anyValues") JsonValue target,
                                                @ForAll("anyValues") JsonValue patch) {
        JsonValue result = MergePatch.apply(target, patch);

        if (target.isObject() && patch.isObject()) {
            JsonObject before = (JsonObject) target;
            JsonObject after = (JsonObject) result;
            JsonObject changes = (JsonObject) patch;
            for (int slot = before.nextMember(-1); slot >= 0; slot = before.nextMember(slot)) {
                if (!changes.containsKey(before.keyAt(slot))) {
                    assertThat(after.get(before.keyAt(slot))).isSameAs(before.valueAt(slot));
                }
            }
        }
        assertThat(sharesAnyObject(result, patch)).isFalse();
    }

    @Property(tries = 500)
    void shouldKeepEveryEarlierVersionWhenApplyingSequences(@ForAll("anyValues") JsonValue base,
                                                            @ForAll("patchSequences") List<JsonObject> patches) {
        List<JsonValue> versions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        JsonValue oracle = base.deepCopy();
        JsonValue current = base;
        for (JsonObject patch : patches) {
            current = MergePatch.apply(current, patch);
            oracle = MergePatch.applyInPlace(oracle, patch);
            assertThat(current).isEqualTo(oracle);
            versions.add(current);
            texts.add(JsonWriter.toJson(current));
        }
        for (int i = 0; i < versions.size(); i++) {
            assertThat(JsonWriter.toJson(versions.get(i))).isEqualTo(texts.get(i));
        }
    }

    private static boolean sharesAnyObject(JsonValue result, JsonValue patch) {
        if (!result.isObject() || !patch.isObject()) {
            return false;
        }
        if (result == patch) {
            return true;
        }
        JsonObject in = (JsonObject) result;
        JsonObject from = (JsonObject) patch;
        for (int slot = from.nextMember(-1); slot >= 0; slot = from.nextMember(slot)) {
            JsonValue member = in.get(from.keyAt(slot));
            if (member != null && sharesAnyObject(member, from.valueAt(slot))) {
                return true;
            }
        }
        return false;
    }
}
