package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.engine.book.OrderBookSettings;
import io.github.exchangeblocks.engine.book.OrderBooks;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The market data wired as the venue will wire it: registered directly as a real book's listener. After every
 * command the depth mirror equals the book's full depth, the quote's top levels equal the book's, and the tape
 * and day volume equal the trades the book reported; the drained delta batches, replayed onto an empty copy,
 * rebuild the same depth.
 */
class BookFeedProperties {
    private static final int MAX_LEVELS = 64;

    record Order(Side side, TimeInForce timeInForce, long price, long quantity, boolean cancel) {
    }

    /** Counts the book's trades on the way through to the market data. */
    private static final class Tee implements OrderBookListener {
        final InstrumentMarketData data;
        long trades;
        long volume;

        Tee(InstrumentMarketData data) {
            this.data = data;
        }

        @Override
        public void onTrade(long timestampNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                            long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                            long takerRemaining) {
            trades++;
            volume += quantity;
            data.onTrade(timestampNs, tradeId, makerOrderId, makerOwnerId, takerOrderId, takerOwnerId, aggressorSide,
                price, quantity, makerRemaining, takerRemaining);
        }

        @Override
        public void onLevelChanged(long timestampNs, long sequence, Side side, long price, long totalQuantity,
                                   int orderCount) {
            data.onLevelChanged(timestampNs, sequence, side, price, totalQuantity, orderCount);
        }
    }

    @Property(tries = 200)
    void shouldMirrorTheBookExactlyWhenFedItsEvents(@ForAll("orders") List<Order> orders) {
        InstrumentMarketData data = MarketData.create(MarketDataSettings.builder().klineDurationsNs(1_000).build());
        InstrumentMarketData replica = MarketData.create(MarketDataSettings.builder().build());
        Tee tee = new Tee(data);
        OrderBook book = OrderBooks.create(OrderBookSettings.builder().instrumentId(1).build(), tee);
        long time = 0;
        long orderId = 0;
        List<Long> live = new ArrayList<>();
        long[] lastU = {0};
        for (Order order : orders) {
            time += 10;
            if (order.cancel() && !live.isEmpty()) {
                book.cancelOrder(time, live.remove((int) (order.price() % live.size())), 1);
            } else {
                orderId++;
                book.placeLimit(time, orderId, 1 + orderId % 3, order.side(), order.timeInForce(), order.price(),
                    order.quantity());
                live.add(orderId);
            }
            assertThat(data.depth().depth(new DepthSnapshot(MAX_LEVELS))).hasToString(
                book.depth(new DepthSnapshot(MAX_LEVELS)).toString());
            assertThat(data.quote().bidPrice(0)).isEqualTo(book.bestBidPrice());
            assertThat(data.tape().lastTickId()).isEqualTo(tee.trades);
            assertThat(data.quote().volume()).isEqualTo(tee.volume);
            if (time % 30 == 0) {
                replay(data, replica, lastU, time);
            }
        }
        replay(data, replica, lastU, time);
    }

    /**
     * Drains the batch onto the replica, checks that it chains onto the previous one (its first update id is the
     * previous batch's last plus one) and that the replica's depth then equals the mirror's.
     */
    private static void replay(InstrumentMarketData data, InstrumentMarketData replica, long[] lastU, long time) {
        data.drainDepthDelta(new DepthDeltaVisitor() {
            @Override
            public void onBatch(long firstUpdateId, long lastUpdateId, int levels) {
                assertThat(firstUpdateId).as("U of the next batch").isEqualTo(lastU[0] + 1);
                assertThat(lastUpdateId).isGreaterThanOrEqualTo(firstUpdateId);
                lastU[0] = lastUpdateId;
            }

            @Override
            public void onLevel(Side side, long price, long quantity, int orderCount) {
                replica.onLevelChanged(time, 0, side, price, quantity, orderCount);
            }
        });
        assertThat(lastU[0]).isEqualTo(data.depth().lastUpdateId());
        assertThat(replica.depth().depth(new DepthSnapshot(MAX_LEVELS))).hasToString(
            data.depth().depth(new DepthSnapshot(MAX_LEVELS)).toString());
    }

    @Provide
    Arbitrary<List<Order>> orders() {
        Arbitrary<Order> order = Combinators.combine(Arbitraries.of(Side.class),
            Arbitraries.of(TimeInForce.GTC, TimeInForce.GTC, TimeInForce.IOC), Arbitraries.longs().between(90, 110),
            Arbitraries.longs().between(1, 9), Arbitraries.integers().between(0, 3))
            .as((side, tif, price, quantity, cancel) -> new Order(side, tif, price, quantity, cancel == 0));
        return order.list().ofMinSize(10).ofMaxSize(300);
    }
}
