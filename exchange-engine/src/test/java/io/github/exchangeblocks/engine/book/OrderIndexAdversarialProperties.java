package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The order index against a HashMap under the ids that stress a hash table: sequential ids from any base, random
 * ids, multiples of a large Fibonacci number (Fibonacci hashing maps them to nearly the same hash, so they all
 * share one home and form a single long probe run), and pairs of ids whose 32-bit tags are equal (only the
 * order record tells them apart). The live count rises and falls in waves, so the table in use doubles and halves
 * many times, inside its reservation and beyond it. After every step the index must agree with the map, and the
 * table in use must stay between 1/16 and 3/8 full (above its minimum of 64 entries): its cost follows the live
 * count, not the hint.
 */
class OrderIndexAdversarialProperties {
    /** Fibonacci numbers F(40), F(60), F(75): their multiples collide in the top bits of the Fibonacci hash. */
    private static final long[] FIBONACCI = {102_334_155L, 1_548_008_755_920L, 2_111_485_077_978_050L};
    private static final long[] SAME_TAG_PAIRS = sameTagPairs();

    /** Pairs of distinct positive ids with equal tags, by a birthday search over seeded random ids. */
    private static long[] sameTagPairs() {
        Map<Integer, Long> seen = new HashMap<>();
        List<Long> pairs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(19);
        while (pairs.size() < 16) {
            long id = 1 + (random.nextLong() >>> 1);
            int tag = (int) ((id * 0x9E37_79B9_7F4A_7C15L) >>> 32);
            Long other = seen.putIfAbsent(tag, id);
            if (other != null && other != id) {
                pairs.add(other);
                pairs.add(id);
            }
        }
        return pairs.stream().mapToLong(Long::longValue).toArray();
    }

    @Property(tries = 150)
    void shouldAgreeWithAHashMapWhenIdsAreRandomOrAdversarial(
        @ForAll("idPools") long[] pool,
        @ForAll long seed,
        @ForAll @IntRange(min = 1, max = 4_096) int expectedOrders,
        @ForAll @IntRange(min = 25, max = 1_500) int waveSteps) {
        OrderStore orders = new OrderStore(1);
        OrderIndex index = new OrderIndex(expectedOrders, orders);
        Map<Long, Integer> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        int steps = 3_000;
        int largest = 0;
        for (int step = 0; step < steps; step++) {
            int pick = random.nextInt(1_000_000);
            long orderId = pool[random.nextInt(pool.length)];
            // Waves: mostly additions for waveSteps steps, then mostly removals for as many.
            boolean adding = (step / waveSteps) % 2 == 0 ? pick % 5 != 0 : pick % 5 == 0;
            if (adding) {
                int handle = orders.acquire();
                orders.set(handle, orderId, 1L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                    SelfTradePrevention.NONE, false, 1L, 1L);
                if (pick % 7 == 0) {
                    index.put(orderId, handle);
                    model.put(orderId, handle);
                } else {
                    assertThat(index.putIfAbsent(orderId, handle)).isEqualTo(model.getOrDefault(orderId, 0));
                    model.putIfAbsent(orderId, handle);
                }
            } else {
                assertThat(index.remove(orderId)).isEqualTo(model.getOrDefault(orderId, OrderStore.NIL));
                model.remove(orderId);
            }
            largest = Math.max(largest, model.size());
            assertThat(index.size()).isEqualTo(model.size());
            assertThat(index.get(orderId)).isEqualTo(model.getOrDefault(orderId, OrderStore.NIL));
            assertThat(index.capacity() == 64 || index.size() * 16 >= index.capacity())
                .as("%d entries in use of %d", index.size(), index.capacity()).isTrue();
            assertThat(index.size() * 8L).isLessThanOrEqualTo(index.capacity() * 3L);
            if (step % 100 == 0 || step == steps - 1) {
                for (long id : pool) {
                    assertThat(index.get(id)).isEqualTo(model.getOrDefault(id, OrderStore.NIL));
                    assertThat(index.containsKey(id)).isEqualTo(model.containsKey(id));
                }
            }
        }
        String reached = largest < 64 ? "< 64" : largest < 512 ? "< 512" : ">= 512";
        Statistics.label("largest live count").collect(reached);
        Statistics.label("largest live count").coverage(c -> c.check(">= 512").percentage(p -> p >= 5));
    }

    /** Pools of distinct positive ids of one kind, or a mix of every kind. */
    @Provide
    Arbitrary<long[]> idPools() {
        Arbitrary<Integer> sizes = Arbitraries.integers().between(20, 1_500)
            .withDistribution(RandomDistribution.uniform());
        Arbitrary<long[]> sequential = Arbitraries.longs().between(1, 1L << 50).flatMap(base ->
            sizes.map(n -> fill(n, i -> base + i)));
        Arbitrary<long[]> random = Arbitraries.longs().between(1, Long.MAX_VALUE).array(long[].class)
            .ofMinSize(20).ofMaxSize(1_500).uniqueElements();
        Arbitrary<long[]> fibonacci = Arbitraries.of(0, 1, 2).flatMap(f ->
            Arbitraries.integers().between(20, 600).map(n -> fill(n, i -> (i + 1) * FIBONACCI[f])));
        Arbitrary<long[]> sameTags = Arbitraries.just(SAME_TAG_PAIRS);
        Arbitrary<long[]> mixed = Arbitraries.longs().between(1, 1L << 40).map(base -> {
            long[] a = fill(300, i -> base + i);
            long[] b = fill(300, i -> (i + 1) * FIBONACCI[1]);
            long[] all = new long[a.length + b.length + SAME_TAG_PAIRS.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            System.arraycopy(SAME_TAG_PAIRS, 0, all, a.length + b.length, SAME_TAG_PAIRS.length);
            return all;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, sequential), Tuple.of(2, random), Tuple.of(2, fibonacci),
            Tuple.of(1, sameTags), Tuple.of(3, mixed));
    }

    private static long[] fill(int n, IntToLongFunction id) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = id.applyAsLong(i);
        }
        return ids;
    }
}
