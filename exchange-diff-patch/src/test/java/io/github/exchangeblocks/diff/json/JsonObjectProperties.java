package io.github.exchangeblocks.diff.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JsonObject's own ordered hash map against LinkedHashMap as the reference oracle. */
class JsonObjectProperties {

    /** kind 0..5 put, 6..8 remove, 9 clear. */
    record Op(int kind, int key, long value) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 40),
                Arbitraries.longs().between(0, 5)).as(Op::new).list().ofMaxSize(300);
    }

    @Property(tries = 1000)
    void shouldBehaveLikeLinkedHashMapWhenPuttingAndRemoving(@ForAll("operations") List<Op> operations,
                                                             @ForAll @IntRange(min = 0, max = 48) int capacity) {
        JsonObject object = capacity == 0 ? new JsonObject() : new JsonObject(capacity);
        Map<String, JsonValue> oracle = new LinkedHashMap<>();
        for (Op op : operations) {
            String key = "k" + op.key();
            if (op.kind() <= 5) {
                JsonValue value = JsonNumber.of(op.value());
                object.put(key, value);
                oracle.put(key, value);
            } else if (op.kind() <= 8) {
                assertThat(object.remove(key)).isEqualTo(oracle.remove(key));
            } else {
                object.clear();
                oracle.clear();
            }
            assertSame(object, oracle);
        }
        JsonObject copy = object.deepCopy();
        assertSame(copy, oracle);
        assertThat(copy).isEqualTo(object).hasSameHashCodeAs(object);
    }

    @Example
    void shouldRefuseANegativeCapacity() {
        assertThatThrownBy(() -> new JsonObject(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity=-1 must be >= 0");
    }

    private static void assertSame(JsonObject object, Map<String, JsonValue> oracle) {
        assertThat(object.size()).isEqualTo(oracle.size());
        List<String> keys = new ArrayList<>();
        for (int slot = object.nextMember(-1); slot >= 0; slot = object.nextMember(slot)) {
            keys.add(object.keyAt(slot));
            assertThat(object.valueAt(slot)).isEqualTo(oracle.get(object.keyAt(slot)));
        }
        assertThat(keys).containsExactlyElementsOf(oracle.keySet());
        for (int k = 0; k <= 40; k++) {
            assertThat(object.get("k" + k)).isEqualTo(oracle.get("k" + k));
            assertThat(object.containsKey("k" + k)).isEqualTo(oracle.containsKey("k" + k));
        }
    }
}
