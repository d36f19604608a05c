package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnyPriceQueueTest {
    private final OrderStore orders = new OrderStore(16);
    private final AnyPriceQueue queue = new AnyPriceQueue(orders);

    private int order(long id, long qty) {
        int order = orders.acquire();
        orders.set(order, id, 1, Side.BUY, OrderType.MARKET, TimeInForce.IOC, SelfTradePrevention.NONE, false, 0,
            qty);
        return order;
    }

    private List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (int order = queue.head(); order != OrderStore.NIL; order = orders.next(order)) {
            ids.add(orders.orderId(order));
        }
        return ids;
    }

    @Test
    void shouldKeepTimePriorityAndTotalsWhenOrdersLeaveFromTheHeadTheMiddleAndTheTail() {
        int a = order(1, 5);
        int b = order(2, 3);
        int c = order(3, 2);
        int d = order(4, 7);
        for (int order : new int[] {a, b, c, d}) {
            queue.append(order);
        }
        assertThat(ids()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(queue.quantity()).isEqualTo(17);

        queue.unlink(b);
        assertThat(ids()).containsExactly(1L, 3L, 4L);
        queue.unlink(a);
        assertThat(ids()).containsExactly(3L, 4L);
        queue.unlink(d);
        assertThat(ids()).containsExactly(3L);
        assertThat(queue.quantity()).isEqualTo(2);
        assertThat(queue.count()).isEqualTo(1);

        queue.append(b);
        assertThat(ids()).containsExactly(3L, 2L);
        queue.unlink(c);
        queue.unlink(b);
        assertThat(queue.head()).isEqualTo(OrderStore.NIL);
        assertThat(queue.quantity()).isZero();
        assertThat(queue.count()).isZero();
    }

    @Test
    void shouldLowerTheTotalWhenAQueuedOrderIsReduced() {
        int a = order(1, 5);
        queue.append(a);
        orders.remaining(a, 2);

        queue.reduce(3);

        assertThat(queue.quantity()).isEqualTo(2);
        queue.unlink(a);
        assertThat(queue.quantity()).isZero();
    }
}
