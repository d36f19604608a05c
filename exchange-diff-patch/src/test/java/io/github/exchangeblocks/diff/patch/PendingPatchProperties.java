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
}
