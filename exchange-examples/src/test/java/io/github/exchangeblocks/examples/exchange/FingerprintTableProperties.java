package io.github.exchangeblocks.examples.exchange;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The table answers {@code putIfAbsent} as a {@link HashMap} does, through growing, splitting, directory doubling
 * and segments that can no longer split; the two fingerprints that share the empty mark share one entry.
 */
class FingerprintTableProperties {

    @Property(tries = 200)
    void answersAsAHashMap(@ForAll("keys") List<Long> keys, @ForAll("shapes") int shape) {
        FingerprintTable table = switch (shape) {
            case 0 -> new FingerprintTable();
            case 1 -> new FingerprintTable(16, 3);
            default -> new FingerprintTable(32, 1);
        };
        Map<Long, Integer> oracle = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < keys.size(); i++) {
                long key = keys.get(i);
                Integer before = oracle.putIfAbsent(key, i);
                assertThat(table.putIfAbsent(key, i)).as("putIfAbsent(%d)", key)
                        .isEqualTo(before == null ? FingerprintTable.NOT_FOUND : before);
                assertThat(table.size()).isEqualTo(oracle.size());
            }
            table.clear();
            oracle.clear();
            assertThat(table.size()).isZero();
        }
    }

    @Test
    void aMillionRandomFingerprintsThroughThousandsOfSplits() {
        FingerprintTable table = new FingerprintTable();
        Map<Long, Integer> oracle = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            long key = random.nextLong();
            Integer before = oracle.putIfAbsent(key, i);
            assertThat(table.putIfAbsent(key, i)).isEqualTo(before == null ? FingerprintTable.NOT_FOUND : before);
        }
        for (Map.Entry<Long, Integer> e : oracle.entrySet()) {
            assertThat(table.putIfAbsent(e.getKey(), -2)).isEqualTo(e.getValue());
        }
        assertThat(table.size()).isEqualTo(1_000_000);
    }

    @Test
    void keysThatDifferOnlyInTheirLowBitsSpreadAndStayApart() {
        FingerprintTable table = new FingerprintTable(16, 20);
        for (int i = 0; i < 100_000; i++) {
            assertThat(table.putIfAbsent(i, i)).isEqualTo(FingerprintTable.NOT_FOUND);
        }
        for (int i = 0; i < 100_000; i++) {
            assertThat(table.putIfAbsent(i, -2)).isEqualTo(i);
        }
    }

    @Test
    void aBadShapeIsRefused() {
        assertThatThrownBy(() -> new FingerprintTable(24, 8)).hasMessageContaining("segmentSlots=24");
        assertThatThrownBy(() -> new FingerprintTable(8, 8)).hasMessageContaining("segmentSlots=8");
        assertThatThrownBy(() -> new FingerprintTable(16, 0)).hasMessageContaining("maxDepth=0");
        assertThatThrownBy(() -> new FingerprintTable(16, 21)).hasMessageContaining("maxDepth=21");
    }

    /** Lists long enough to split small segments many times, with repeats, 0, 1, -1 and near neighbours. */
    @Provide
    Arbitrary<List<Long>> keys() {
        Arbitrary<Long> any = Arbitraries.longs();
        Arbitrary<Long> near = Arbitraries.longs().between(-40, 400);
        Arbitrary<Long> special = Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
        return Arbitraries.frequencyOf(Tuple.of(4, any), Tuple.of(4, near),
                Tuple.of(1, special)).list().ofMaxSize(600);
    }

    @Provide
    Arbitrary<Integer> shapes() {
        return Arbitraries.integers().between(0, 2);
    }
}
