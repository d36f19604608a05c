package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The index keeps only a 32-bit hash tag of each id and confirms a match from the order's record: two ids with the
 * same tag must still be told apart. The table in use follows the live count, whatever the hint.
 */
class OrderIndexTest {
    private final OrderStore orders = new OrderStore(4);
    private final OrderIndex index = new OrderIndex(4, orders);

    private int record(long orderId) {
        int order = orders.acquire();
        orders.set(order, orderId, 1L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, SelfTradePrevention.NONE, false,
            1L, 1L);
        return order;
    }

    /**
     * Two ids whose tags are equal, found by a birthday search over random ids (sequential ids would not do:
     * Fibonacci hashing spreads them evenly, so their tags stay apart for a long time).
     */
    private static long[] collidingIds() {
        Map<Integer, Long> seen = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        while (true) {
            long id = 1 + (random.nextLong() >>> 1);
            int tag = (int) ((id * 0x9E37_79B9_7F4A_7C15L) >>> 32);
            Long other = seen.putIfAbsent(tag, id);
            if (other != null && other != id) {
                return new long[] {other, id};
            }
        }
    }

    @Test
    void shouldTellIdsApartWhenTheirTagsCollide() {
        long[] ids = collidingIds();
        int first = record(ids[0]);
        int second = record(ids[1]);

        assertThat(index.putIfAbsent(ids[0], first)).isEqualTo(OrderStore.NIL);
        assertThat(index.putIfAbsent(ids[1], second)).isEqualTo(OrderStore.NIL);
        assertThat(index.get(ids[0])).isEqualTo(first);
        assertThat(index.get(ids[1])).isEqualTo(second);
        assertThat(index.remove(ids[0])).isEqualTo(first);
        assertThat(index.containsKey(ids[0])).isFalse();
        assertThat(index.get(ids[1])).isEqualTo(second);
        assertThat(index.size()).isEqualTo(1);
    }

    private OrderIndex filled(OrderIndex target, OrderStore store, long from, int count) {
        for (long id = from; id < from + count; id++) {
            int order = store.acquire();
            store.set(order, id, 1L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, SelfTradePrevention.NONE, false,
                1L, 1L);
            assertThat(target.putIfAbsent(id, order)).isEqualTo(OrderStore.NIL);
        }
        return target;
    }

    @Test
    void shouldUseATableSizedForTheLiveOrdersWhenTheHintIsLarge() {
        OrderStore store = new OrderStore(1 << 20);
        OrderIndex large = filled(new OrderIndex(1 << 20, store), store, 1, 1_000);

        // 1,000 entries at most 3/8 full: 4,096 entries (32 KiB), not the 2^22 reserved for the hint.
        assertThat(large.capacity()).isEqualTo(4_096);
        assertThat(large.size()).isEqualTo(1_000);
    }

    @Test
    void shouldShrinkAndKeepEveryEntryWhenMostOrdersLeave() {
        OrderStore store = new OrderStore(16);
        OrderIndex shrinking = filled(new OrderIndex(16, store), store, 1, 10_000);
        assertThat(shrinking.capacity()).isEqualTo(32_768);

        for (long id = 1; id <= 9_900; id++) {
            assertThat(shrinking.remove(id)).isEqualTo((int) id);
        }

        // Halved each time less than 1/16 was in use: 100 entries end in a table of 1,024.
        assertThat(shrinking.capacity()).isEqualTo(1_024);
        for (long id = 9_901; id <= 10_000; id++) {
            assertThat(shrinking.get(id)).isEqualTo((int) id);
        }
        assertThat(shrinking.containsKey(9_900)).isFalse();
    }

    @Test
    void shouldGrowBeyondTheReservationWhenMoreOrdersThanExpectedRest() {
        OrderStore store = new OrderStore(1);
        OrderIndex small = filled(new OrderIndex(1, store), store, 1L << 40, 5_000);

        assertThat(small.size()).isEqualTo(5_000);
        for (long id = 1L << 40; id < (1L << 40) + 5_000; id++) {
            assertThat(small.get(id)).isEqualTo((int) (id - (1L << 40)) + 1);
        }
    }
}
