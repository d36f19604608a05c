package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands across instruments: books share one event log, so the order of the books' events shows. */
class OrderBookRegistryTest {
    private final EventLog log = new EventLog();
    private final OrderBookRegistry registry = new OrderBookRegistry();

    private OrderBook list(long instrumentId) {
        OrderBook book = OrderBooks.create(OrderBookSettings.builder().instrumentId(instrumentId).build(), log);
        registry.register(book);
        return book;
    }

    private List<String> cancels() {
        List<String> events = log.drain();
        events.removeIf(e -> !e.startsWith("CANCELLED"));
        return events;
    }

    @Test
    void shouldCancelOneOwnerInEveryBookInInstrumentOrderWhenMassCancellingByOwner() {
        OrderBook gold = list(30);
        OrderBook copper = list(10);
        OrderBook silver = list(20);
        gold.placeLimit(1, 301, 7, Side.BUY, TimeInForce.GTC, 100, 1);
        gold.placeLimit(2, 302, 8, Side.BUY, TimeInForce.GTC, 100, 2);
        copper.placeLimit(3, 101, 7, Side.SELL, TimeInForce.GTC, 50, 3);
        silver.placeLimit(4, 201, 7, Side.BUY, TimeInForce.GFD, 70, 4);
        silver.placeLimit(5, 202, 7, Side.SELL, TimeInForce.GTC, 80, 5);
        log.drain();

        assertThat(registry.massCancelByOwner(9, 7)).isEqualTo(4);

        assertThat(cancels()).containsExactly(
            "CANCELLED id=101 owner=7 SELL @50 -3 left=0 MASS_CANCEL",
            "CANCELLED id=201 owner=7 BUY @70 -4 left=0 MASS_CANCEL",
            "CANCELLED id=202 owner=7 SELL @80 -5 left=0 MASS_CANCEL",
            "CANCELLED id=301 owner=7 BUY @100 -1 left=0 MASS_CANCEL");
        assertThat(gold.containsOrder(302)).isTrue();
        assertThat(copper.orderCount() + silver.orderCount() + gold.orderCount()).isEqualTo(1);
    }

    @Test
    void shouldExpireDayOrdersAndCancelEverythingAcrossBooks() {
        OrderBook a = list(1);
        OrderBook b = list(2);
        a.placeLimit(1, 11, 1, Side.BUY, TimeInForce.GFD, 10, 1);
        a.placeLimit(2, 12, 2, Side.BUY, TimeInForce.GTC, 10, 1);
        b.placeLimit(3, 21, 3, Side.SELL, TimeInForce.GFD, 20, 1);
        b.placeLimit(4, 22, 4, Side.SELL, TimeInForce.GTC, 20, 1);

        assertThat(registry.expireDayOrders(5)).isEqualTo(2);
        assertThat(a.containsOrder(11)).isFalse();
        assertThat(b.containsOrder(21)).isFalse();
        assertThat(registry.massCancel(6)).isEqualTo(2);
        assertThat(a.orderCount() + b.orderCount()).isZero();
    }

    @Test
    void shouldFindUnregisterAndCountBooksByInstrument() {
        OrderBook a = list(5);
        OrderBook b = list(3);

        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.book(5)).isSameAs(a);
        assertThat(registry.book(3)).isSameAs(b);
        assertThat(registry.book(4)).isNull();
        assertThat(registry.unregister(5)).isSameAs(a);
        assertThat(registry.unregister(5)).isNull();
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.book(3)).isSameAs(b);
    }

    @Test
    void shouldRejectADuplicateInstrumentAndLeaveTheRegistryUnchanged() {
        OrderBook first = list(5);
        OrderBook second = OrderBooks.create(OrderBookSettings.builder().instrumentId(5).build(), log);

        assertThatThrownBy(() -> registry.register(second)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("instrumentId=5 is already registered");
        assertThatThrownBy(() -> registry.register(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("book=null must not be null");
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.book(5)).isSameAs(first);
    }
}
