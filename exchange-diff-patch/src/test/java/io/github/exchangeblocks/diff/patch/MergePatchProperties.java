package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonValue;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class MergePatchProperties {

    @Provide
    Arbitrary<JsonValue> documents() {
        return JsonGenerators.values(3, false);
    }

    @Provide
    Arbitrary<JsonValue> anyValues() {
        return JsonGenerators.values(3, true);
    }

    @Property(tries = 2000)
    void shouldTurnSourceIntoTargetWhenApplyingDiff(@ForAll("documents") JsonValue source,
                                                    @ForAll("documents") JsonValue target) {
        JsonValue patch = MergePatch.diff(source, target);

        assertThat(MergePatch.apply(source, patch)).isEqualTo(target);
    }

    @Property(tries = 1000)
    void shouldNeverBeLargerThanTargetWhenDiffingObjects(@ForAll("documents") JsonValue source,
                                                        @ForAll("documents") JsonValue target) {
        JsonValue patch = MergePatch.diff(source, target);

        if (source.equals(target) && source.isObject()) {
            assertThat(patch.toString()).isEqualTo("{}");
        }
        assertThat(MergePatch.diff(target, target).toString()).isEqualTo(target.isObject() ? "{}" : target.toString());
    }

    @Property(tries = 3000)
    void shouldEqualSequentialApplyWhenComposing(@ForAll("anyValues") JsonValue base,
                                                 @ForAll("anyValues") JsonValue first,
                                                 @ForAll("anyValues") JsonValue second) {
        JsonValue sequential = MergePatch.apply(MergePatch.apply(base, first), second);

        JsonValue composed = MergePatch.compose(base, first, second);

        assertThat(MergePatch.apply(base, composed)).isEqualTo(sequential);
    }

    @Property(tries = 1000)
    void shouldMatchCopyingApplyWhenApplyingInPlace(@ForAll("anyValues") JsonValue target,
                                                   @ForAll("anyValues") JsonValue patch) {
        JsonValue expected = MergePatch.apply(target, patch);
        JsonValue patchBefore = patch.deepCopy();

        JsonValue inPlace = MergePatch.applyInPlace(target.deepCopy(), patch);

        assertThat(inPlace).isEqualTo(expected);
        assertThat(patch).isEqualTo(patchBefore);
    }
}
