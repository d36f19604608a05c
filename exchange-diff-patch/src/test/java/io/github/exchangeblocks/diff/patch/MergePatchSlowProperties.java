package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge patch laws with many more and deeper cases; run with {@code -Pslow}. */
@Tag("slow")
class MergePatchSlowProperties {

    @Provide
    Arbitrary<JsonValue> documents() {
        return JsonGenerators.values(5, false);
    }

    @Provide
    Arbitrary<JsonValue> anyValues() {
        return JsonGenerators.values(5, true);
    }

    @Provide
    Arbitrary<List<JsonObject>> patchSequences() {
        return JsonGenerators.objects(5, true).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 50_000)
    void shouldTurnSourceIntoTargetWhenApplyingDiff(@ForAll("documents") JsonValue source,
                                                    @ForAll("documents") JsonValue target) {
        assertThat(MergePatch.apply(source, MergePatch.diff(source, target))).isEqualTo(target);
    }

    @Property(tries = 50_000)
    void shouldEqualSequentialApplyWhenComposing(@ForAll("anyValues") JsonValue base,
                                                 @ForAll("anyValues") JsonValue first,
                                                 @ForAll("anyValues") JsonValue second) {
        JsonValue sequential = MergePatch.apply(MergePatch.apply(base, first), second);

        assertThat(MergePatch.apply(base, MergePatch.compose(base, first, second))).isEqualTo(sequential);
    }

    @Property(tries = 20_000)
    void shouldEqualSequentialApplyWhenFoldingLongSequences(@ForAll("anyValues") JsonValue base,
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
    }
}
