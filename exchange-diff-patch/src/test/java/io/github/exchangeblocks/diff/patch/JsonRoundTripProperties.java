package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.json.JsonWriter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRoundTripProperties {

    @Provide
    Arbitrary<JsonValue> values() {
        return JsonGenerators.values(4, true);
    }

    @Property(tries = 1000)
    void shouldReadBackEqualValueWhenWritten(@ForAll("values") JsonValue value) {
        String text = JsonWriter.toJson(value);

        JsonValue read = JsonReader.parse(text);

        assertThat(read).isEqualTo(value);
        assertThat(read.hashCode()).isEqualTo(value.hashCode());
        assertThat(JsonWriter.toJson(read)).isEqualTo(text);
    }

    @Property(tries = 500)
    void shouldBeEqualButIndependentWhenDeepCopied(@ForAll("values") JsonValue value) {
        JsonValue copy = value.deepCopy();

        assertThat(copy).isEqualTo(value);
        if (copy.isObject()) {
            ((JsonObject) copy).put("new", 1L);
            assertThat(value).isNotEqualTo(copy);
        }
    }
}
