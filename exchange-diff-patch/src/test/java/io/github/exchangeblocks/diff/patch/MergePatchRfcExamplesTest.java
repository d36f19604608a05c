package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.json.JsonWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MergePatchRfcExamplesTest {

    static Stream<Arguments> appendixA() {
        return Stream.of(
                Arguments.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
                Arguments.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
                Arguments.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
                Arguments.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
                Arguments.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
                Arguments.of("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"),
                Arguments.of("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"),
                Arguments.of("{\"a\":\"foo\"}", "null", "null"),
                Arguments.of("{\"a\":\"foo\"}", "\"bar\"", "\"bar\""),
                Arguments.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
                Arguments.of("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"),
                Arguments.of("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"),
                Arguments.of("{\"a\":[1,null,2]}", "{\"a\":[null]}", "{\"a\":[null]}"),
                Arguments.of("{\"title\":\"Goodbye!\",\"author\":{\"givenName\":\"John\",\"familyName\":\"Doe\"},"
                                + "\"tags\":[\"example\",\"sample\"],\"content\":\"This will be unchanged\"}",
                        "{\"title\":\"Hello!\",\"phoneNumber\":\"+01-123-456-7890\","
                                + "\"author\":{\"familyName\":null},\"tags\":[\"example\"]}",
                        "{\"title\":\"Hello!\",\"author\":{\"givenName\":\"John\"},\"tags\":[\"example\"],"
                                + "\"content\":\"This will be unchanged\",\"phoneNumber\":\"+01-123-456-7890\"}"));
    }

    @ParameterizedTest
    @MethodSource("appendixA")
    void shouldProduceRfcResultWhenApplyingAppendixExample(String target, String patch, String expected) {
        JsonValue result = MergePatch.apply(JsonReader.parse(target), JsonReader.parse(patch));

        assertThat(JsonWriter.toJson(result)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("appendixA")
    void shouldProduceRfcResultWhenApplyingAppendixExampleInPlace(String target, String patch, String expected) {
        JsonValue original = JsonReader.parse(target);
        JsonValue result = MergePatch.applyInPlace(original, JsonReader.parse(patch));

        assertThat(result).isEqualTo(JsonReader.parse(expected));
        if (original.isObject() && JsonReader.parse(patch).isObject()) {
            assertThat(result).isSameAs(original);
        }
    }

    @ParameterizedTest
    @MethodSource("appendixA")
    void shouldLeaveArgumentsUntouchedWhenApplyingByCopy(String target, String patch, String expected) {
        JsonValue original = JsonReader.parse(target);
        JsonValue patchValue = JsonReader.parse(patch);

        MergePatch.apply(original, patchValue);

        assertThat(original).isEqualTo(JsonReader.parse(target));
        assertThat(patchValue).isEqualTo(JsonReader.parse(patch));
    }
}
