package io.github.exchangeblocks.diff.patch;

import io.github.exchangeblocks.diff.json.JsonArray;
import io.github.exchangeblocks.diff.json.JsonBoolean;
import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** jqwik generators of small JSON documents over a tiny key set, so that patches and documents collide often. */
final class JsonGenerators {
    private JsonGenerators() {
    }

    /**
     * Any JSON value up to a depth.
     *
     * @param depth maximum object nesting
     * @param nullMembers whether objects may have {@code null} members
     * @return the arbitrary
     */
    static Arbitrary<JsonValue> values(int depth, boolean nullMembers) {
        Arbitrary<JsonValue> scalar = scalars(nullMembers);
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonValue> object = objects(depth, nullMembers).map(o -> (JsonValue) o);
        return Arbitraries.oneOf(List.of(scalar, scalar, scalar, arrays(), object, object, object, object));
    }

    /**
     * JSON objects up to a depth.
     *
     * @param depth maximum object nesting, at least 1
     * @param nullMembers whether members may be {@code null}
     * @return the arbitrary
     */
    static Arbitrary<JsonObject> objects(int depth, boolean nullMembers) {
        return Arbitraries.lazy(() -> Arbitraries.maps(Arbitraries.of("a", "b", "c", "d"),
                        values(depth - 1, nullMembers))
                .ofMaxSize(4)
                .map(JsonGenerators::toObject));
    }

    private static JsonObject toObject(Map<String, JsonValue> members) {
        JsonObject object = new JsonObject();
        members.forEach(object::put);
        return object;
    }

    private static Arbitrary<JsonValue> arrays() {
        return scalars(true).list().ofMaxSize(3).map(list -> (JsonValue) new JsonArray(list));
    }

    private static Arbitrary<JsonValue> scalars(boolean withNull) {
        Arbitrary<JsonValue> numbers = Arbitraries.longs().between(-2, 2).map(JsonNumber::of);
        Arbitrary<JsonValue> decimals = Arbitraries.of("1.5", "2.0", "-0.25", "1E+2")
                .map(text -> JsonNumber.of(new BigDecimal(text)));
        Arbitrary<JsonValue> strings = Arbitraries.of("x", "y", "-").map(JsonString::new);
        Arbitrary<JsonValue> booleans = Arbitraries.of(JsonBoolean.TRUE, JsonBoolean.FALSE);
        List<Arbitrary<JsonValue>> choices = withNull
                ? List.of(numbers, decimals, strings, booleans, Arbitraries.just(JsonNull.INSTANCE))
                : List.of(numbers, decimals, strings, booleans);
        return Arbitraries.oneOf(choices);
    }
}
