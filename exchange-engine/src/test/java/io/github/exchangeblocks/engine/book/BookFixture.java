package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.util.List;

/** A book with an event log and short helpers for scenario tests (tick 1, lot 1, continuous by default). */
final class BookFixture {
    final EventLog log = new EventLog();
    final OrderBook book;
    long clock = 100;

    BookFixture() {
        this(OrderBookSettings.builder().build());
    }

    BookFixture(OrderBookSettings settings) {
        book = OrderBooks.create(settings, log);
    }

    static BookFixture inPhase(TradingPhase phase) {
        return new BookFixture(OrderBookSettings.builder().initialPhase(phase).build());
    }

    static BookFixture withStp(SelfTradePrevention mode) {
        return new BookFixture(OrderBookSettings.builder().selfTradePrevention(mode).build());
    }

    BookFixture buy(long id, long owner, long qty, long price) {
        book.placeLimit(++clock, id, owner, Side.BUY, TimeInForce.GTC, price, qty);
        return this;
    }

    BookFixture sell(long id, long owner, long qty, long price) {
        book.placeLimit(++clock, id, owner, Side.SELL, TimeInForce.GTC, price, qty);
        return this;
    }

    boolean place(long id, long owner, Side side, OrderType type, TimeInForce tif, long price, long qty, long minQty,
                  boolean postOnly, SelfTradePrevention stp) {
        return book.placeOrder(++clock, id, owner, side, type, tif, price, qty, minQty, postOnly, stp);
    }

    boolean limit(long id, long owner, Side side, TimeInForce tif, long price, long qty) {
        return book.placeLimit(++clock, id, owner, side, tif, price, qty);
    }

    /** Events since the last call, level events left out. */
    List<String> events() {
        List<String> all = log.drain();
        all.removeIf(e -> e.startsWith("LEVEL"));
        return all;
    }

    /** Events since the last call, all of them. */
    List<String> allEvents() {
        return log.drain();
    }

    List<String> l3() {
        return DifferentialHarness.l3(book);
    }
}
