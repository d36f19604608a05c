package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.json.JsonWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergePatchTest {

    private static JsonValue json(String text) {
        return JsonReader.parse(text);
    }

    @Test
    void shouldOmitUnchangedMembersWhenDiffing() {
        JsonValue patch = MergePatch.diff(json("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":[1]}"),
                json("{\"a\":1,\"b\":{\"c\":2,\"d\":4},\"f\":true}"));

        assertThat(JsonWriter.toJson(patch)).isEqualTo("{\"e\":null,\"b\":{\"d\":4},\"f\":true}");
    }

    @Test
    void shouldReturnEmptyPatchWhenObjectsAreEqualInAnyOrder() {
        assertThat(MergePatch.diff(json("{\"a\":1,\"b\":2.0}"), json("{\"b\":2,\"a\":1}"))).isEqualTo(json("{}"));
    }

    @Test
    void shouldReplaceArraysWholeWhenDiffing() {
        assertThat(MergePatch.diff(json("{\"a\":[1,2]}"), json("{\"a\":[1,2,null]}")))
                .isEqualTo(json("{\"a\":[1,2,null]}"));
    }

    @Test
    void shouldRejectTargetWithNullMemberWhenDiffing() {
        assertThatThrownBy(() -> MergePatch.diff(json("{\"a\":{}}"), json("{\"a\":{\"b\":null}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.b is null");
        assertThatThrownBy(() -> MergePatch.diff(json("1"), json("{\"x\":{\"y\":null}}")))
                .hasMessageContaining("x.y is null");
    }

    @Test
    void shouldKeepNullMemberWhenSourceHasTheSameNull() {
        assertThat(MergePatch.diff(json("{\"a\":null}"), json("{\"a\":null,\"b\":1}"))).isEqualTo(json("{\"b\":1}"));
    }

    @Test
    void shouldReturnTargetWhenTargetIsNotAnObject() {
        assertThat(MergePatch.diff(json("{\"a\":1}"), json("null"))).isEqualTo(json("null"));
        assertThat(MergePatch.diff(json("[1]"), json("[1]"))).isEqualTo(json("[1]"));
    }

    @Test
    void shouldDeleteBaseMembersWhenDeletedObjectIsRecreated() {
        JsonValue base = json("{\"o\":{\"x\":1,\"y\":2}}");
        JsonValue first = json("{\"o\":null}");
        JsonValue second = json("{\"o\":{\"z\":3,\"w\":null}}");

        JsonValue composed = MergePatch.compose(base, first, second);

        assertThat(composed).isEqualTo(json("{\"o\":{\"x\":null,\"y\":null,\"z\":3}}"));
        assertThat(MergePatch.apply(base, composed)).isEqualTo(json("{\"o\":{\"z\":3}}"));
    }

    @Test
    void shouldComposeWithoutBaseWhenPatchesOnlyMerge() {
        JsonValue composed = MergePatch.compose(json("{}"), json("{\"a\":{\"b\":1},\"c\":2}"),
                json("{\"a\":{\"d\":null},\"c\":null,\"e\":[1]}"));

        assertThat(composed).isEqualTo(json("{\"a\":{\"b\":1,\"d\":null},\"c\":null,\"e\":[1]}"));
    }

    @Test
    void shouldDiffFromBaseWhenFirstPatchReplacesWholeDocument() {
        JsonValue base = json("{\"a\":1,\"b\":2}");

        JsonValue composed = MergePatch.compose(base, json("[1]"), json("{\"b\":3}"));

        assertThat(MergePatch.apply(base, composed)).isEqualTo(json("{\"b\":3}"));
    }

    @Test
    void shouldTakeSecondWhenSecondIsNotAnObject() {
        assertThat(MergePatch.compose(json("{}"), json("{\"a\":1}"), json("\"s\""))).isEqualTo(json("\"s\""));
    }

    @Test
    void shouldNotShareMutableObjectsWithPatchWhenApplyingInPlace() {
        JsonValue patch = json("{\"a\":{\"b\":1}}");
        JsonValue target = MergePatch.applyInPlace(json("{}"), patch);

        MergePatch.applyInPlace(target, json("{\"a\":{\"c\":2}}"));

        assertThat(patch).isEqualTo(json("{\"a\":{\"b\":1}}"));
    }
}
