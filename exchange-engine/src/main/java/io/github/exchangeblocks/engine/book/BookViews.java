package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.book.LevelVisitor;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.OrderVisitor;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.nio.ByteBuffer;

/**
 * The read side of a book over its {@link BookState}: best prices, depth, order iteration, auction indication,
 * state hash and snapshot. Allocation-free.
 *
 * <p>Call-auction market orders without protection price are not in any price level: best prices, depth and
 * level counts leave them out, the auction indication counts them (on their side, at every candidate price), and
 * order iteration visits them first on their side, with price {@link #NULL_PRICE}.
 */
abstract class BookViews implements OrderBookView {
    final BookState state;

    BookViews(BookState state) {
        this.state = state;
    }

    @Override
    public long instrumentId() {
        return state.settings.instrumentId();
    }

    @Override
    public TradingPhase phase() {
        return state.phase;
    }

    @Override
    public long bestBidPrice() {
        int best = state.bids.best();
        return best == BookSide.NONE ? NULL_PRICE : state.bids.price(best);
    }

    @Override
    public long bestAskPrice() {
        int best = state.asks.best();
        return best == BookSide.NONE ? NULL_PRICE : state.asks.price(best);
    }

    @Override
    public long bestBidQuantity() {
        int best = state.bids.best();
        return best == BookSide.NONE ? 0L : state.bids.quantity(best);
    }

    @Override
    public long bestAskQuantity() {
        int best = state.asks.best();
        return best == BookSide.NONE ? 0L : state.asks.quantity(best);
    }

    @Override
    public int orderCount() {
        return state.index.size();
    }

    @Override
    public int levelCount(Side side) {
        return state.side(side).size();
    }

    @Override
    public boolean containsOrder(long orderId) {
        return state.index.containsKey(orderId);
    }

    @Override
    public long remainingQuantity(long orderId) {
        int order = state.index.get(orderId);
        return order == OrderStore.NIL ? 0L : state.orders.remaining(order);
    }

    @Override
    public DepthSnapshot depth(DepthSnapshot reuse) {
        reuse.clear();
        BookSide bids = state.bids;
        for (int level = bids.best(); level != BookSide.NONE; level = bids.worse(level)) {
            if (!reuse.addBid(bids.price(level), bids.quantity(level), bids.orderCount(level))) {
                break;
            }
        }
        BookSide asks = state.asks;
        for (int level = asks.best(); level != BookSide.NONE; level = asks.worse(level)) {
            if (!reuse.addAsk(asks.price(level), asks.quantity(level), asks.orderCount(level))) {
                break;
            }
        }
        return reuse;
    }

    @Override
    public int forEachLevel(Side side, int maxLevels, LevelVisitor visitor) {
        BookSide levels = state.side(side);
        int visited = 0;
        for (int level = levels.best(); level != BookSide.NONE && visited < maxLevels; level = levels.worse(level)) {
            visitor.onLevel(side, visited++, levels.price(level), levels.quantity(level), levels.orderCount(level));
        }
        return visited;
    }

    @Override
    public int forEachOrder(Side side, OrderVisitor visitor) {
        int visited = 0;
        OrderStore orders = state.orders;
        for (int order = state.firstInPriority(side); order != OrderStore.NIL; order = state.nextInPriority(order)) {
            visitor.onOrder(orders.orderId(order), orders.ownerId(order), side, orders.timeInForce(order),
                orders.price(order), orders.remaining(order), orders.timestampNs(order));
            visited++;
        }
        return visited;
    }

    @Override
    public AuctionIndication auctionIndication(AuctionIndication reuse) {
        return AuctionCalculator.compute(state.bids, state.asks, state.bidMarkets.quantity(),
            state.askMarkets.quantity(), state.referencePrice, reuse);
    }

    @Override
    public long referencePrice() {
        return state.referencePrice;
    }

    @Override
    public long priceBandLow() {
        return state.bandLow;
    }

    @Override
    public long priceBandHigh() {
        return state.bandHigh;
    }

    @Override
    public long stateHash() {
        return BookStateHash.of(state);
    }

    @Override
    public int snapshotLength() {
        return BookSnapshotCodec.length(state);
    }

    @Override
    public int writeSnapshot(ByteBuffer buffer) {
        return BookSnapshotCodec.write(state, buffer);
    }

    @Override
    public String toString() {
        return "OrderBook{instrumentId=" + instrumentId() + ", phase=" + state.phase + ", bestBid=" + bestBidPrice()
            + ", bestAsk=" + bestAskPrice() + ", orders=" + orderCount() + '}';
    }
}
