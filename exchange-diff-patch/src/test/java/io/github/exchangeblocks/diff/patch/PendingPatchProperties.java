package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PendingPatchProperties {

    @Provide
    Arbitrary<JsonObject> bases() {
        return JsonGenerators.objects(3, true);
    }

    @Provide
    Arbitrary<List<JsonObject>> patchSequences() {
        return JsonGenerators.objects(3, true).list().ofMaxSize(8);
    }

    @Property(tries = 3000)
    void shouldEqualSequentialApplyWhenFoldingAnyPatchSequence(@ForAll("bases") JsonObject base,
                                                               @ForAll("patchSequences") List<JsonObject> patches) {
        JsonValue sequential = base;
        PendingPatch pending = new PendingPatch();
        for (JsonObject patch : patches) {
            sequential = MergePatch.apply(sequential, patch);
            pending.add(patch);
        }

        JsonValue folded = base;
        for (JsonObject patch : pending.patches()) {
            folded = MergePatch.apply(folded, patch);
        }

        assertThat(folded).isEqualTo(sequential);
        assertThat(pending.patches()).hasSizeBetween(1, 2);
    }

    @Property(tries = 3000)
    void shouldFoldImmutablePatchesAlikeWithoutChangingThem(@ForAll("bases") JsonObject base,
                                                             @ForAll("patchSequences") List<JsonObject> patches,
                                                             @ForAll long immutableMask) {
        JsonValue sequential = base;
        PendingPatch pending = new PendingPatch();
        List<JsonObject> originals = new java.util.ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            JsonObject patch = patches.get(i);
            originals.add(patch.deepCopy());
            sequential = MergePatch.apply(sequential, patch);
            if ((immutableMask >>> i & 1) == 1) {
                pending.addImmutable(patch);
            } else {
                pending.add(patch);
            }
        }

        JsonValue folded = base;
        for (JsonObject patch : pending.patches()) {
            folded = MergePatch.apply(folded, patch);
        }

        assertThat(folded).isEqualTo(sequential);
        assertThat(patches).as("patches handed over are never changed").isEqualTo(originals);
        if (!patches.isEmpty() && (immutableMask & 1) == 1 && patches.size() == 1 && !patches.get(0).isEmpty()) {
            assertThat(pending.patches().get(0)).as("a lone immutable patch is kept, not copied")
                    .isSameAs(patches.get(0));
        }
    }
}
