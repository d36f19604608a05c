package io.github.exchangeblocks.examples.exchange;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FingerprintTable#putIfAbsent} answers as {@link Map#putIfAbsent} on a {@link HashMap} does, through
 * growth and clearing, for keys from a narrow range (long probe runs, key 0) and from the whole {@code long} range.
 */
class FingerprintTableProperties {

    @Property(tries = 200)
    void agreesWithAHashMap(@ForAll("keys") List<Long> keys, @ForAll @IntRange(max = 1_000) int valueBase) {
        FingerprintTable table = new FingerprintTable();
        Map<Long, Integer> oracle = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < keys.size(); i++) {
                long key = keys.get(i);
                Integer expected = oracle.putIfAbsent(key, valueBase + i);
                assertThat(table.putIfAbsent(key, valueBase + i)).as("putIfAbsent(%d)", key)
                        .isEqualTo(expected == null ? FingerprintTable.ABSENT : expected);
                assertThat(table.size()).isEqualTo(oracle.size());
            }
            for (Map.Entry<Long, Integer> entry : oracle.entrySet()) {
                assertThat(table.putIfAbsent(entry.getKey(), 0)).isEqualTo(entry.getValue());
            }
            table.clear();
            oracle.clear();
            assertThat(table.size()).isZero();
        }
    }

    @Test
    void keepsManyKeysAndTheirValues() {
        FingerprintTable table = new FingerprintTable();
        int count = 100_000;
        for (int i = 0; i < count; i++) {
            assertThat(table.putIfAbsent(UserDay.fingerprint("id-" + i), i)).isEqualTo(FingerprintTable.ABSENT);
        }
        for (int i = 0; i < count; i++) {
            assertThat(table.putIfAbsent(UserDay.fingerprint("id-" + i), 0)).isEqualTo(i);
        }
        assertThat(table.size()).isEqualTo(count);
    }

    @Test
    void refusesANegativeValueAndStoresNothing() {
        FingerprintTable table = new FingerprintTable();
        assertThatThrownBy(() -> table.putIfAbsent(5, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value=-1 must be >= 0");
        assertThat(table.size()).isZero();
        assertThat(table.putIfAbsent(5, 3)).isEqualTo(FingerprintTable.ABSENT);
    }

    @Provide
    Arbitrary<List<Long>> keys() {
        Arbitrary<Long> narrow = Arbitraries.longs().between(-3, 40);
        Arbitrary<Long> wide = Arbitraries.longs();
        return Arbitraries.oneOf(narrow, wide).list().ofMaxSize(400);
    }
}
