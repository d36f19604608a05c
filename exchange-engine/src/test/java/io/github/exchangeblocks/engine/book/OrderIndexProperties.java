package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The order index against a HashMap: random puts, conditional puts and removes over a small id range (so runs of
 * colliding entries form and are shifted back on removal) and over large ids, growing from a tiny table. Each
 * put names a fresh record holding the id, as the book does. After every step every id of the range must agree.
 */
class OrderIndexProperties {

    @Property(tries = 200)
    void shouldAgreeWithAHashMapWhenIdsAreAddedAndRemoved(
        @ForAll @Size(min = 50, max = 600) List<@IntRange(min = 1, max = 60) Integer> ids,
        @ForAll @IntRange(min = 0, max = 2) int spread) {
        long scale = spread == 0 ? 1 : spread == 1 ? 1L << 32 : 0x1234_5678_9ABCL;
        OrderStore orders = new OrderStore(1);
        OrderIndex index = new OrderIndex(1, orders);
        Map<Long, Integer> model = new HashMap<>();
        int step = 0;
        int removed = 0;
        for (int id : ids) {
            long orderId = id * scale;
            step++;
            int handle = orders.acquire();
            orders.set(handle, orderId, 1L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, SelfTradePrevention.NONE,
                false, 1L, 1L);
            switch ((id + step) % 3) {
                case 0:
                    assertThat(index.remove(orderId)).isEqualTo(model.getOrDefault(orderId, OrderStore.NIL));
                    removed += model.remove(orderId) == null ? 0 : 1;
                    break;
                case 1:
                    assertThat(index.putIfAbsent(orderId, handle)).isEqualTo(model.getOrDefault(orderId, 0));
                    model.putIfAbsent(orderId, handle);
                    break;
                default:
                    index.put(orderId, handle);
                    model.put(orderId, handle);
                    break;
            }
            assertThat(index.size()).isEqualTo(model.size());
            for (long probe = 0; probe <= 60; probe++) {
                long key = probe * scale;
                assertThat(index.get(key)).isEqualTo(model.getOrDefault(key, OrderStore.NIL));
                assertThat(index.containsKey(key)).isEqualTo(model.containsKey(key));
            }
        }
        Statistics.label("removed an entry").collect(removed > 0);
    }
}
