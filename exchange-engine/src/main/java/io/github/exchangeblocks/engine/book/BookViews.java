package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.OrderVisitor;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.nio.ByteBuffer;

/**
 * The read side of a book over its {@link BookState}: best prices, depth, order iteration, auction indication,
 * state hash and snapshot. Allocation-free.
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
        PriceLevel best = state.bids.best();
        return best == null ? NULL_PRICE : best.price;
    }

    @Override
    public long bestAskPrice() {
        PriceLevel best = state.asks.best();
        return best == null ? NULL_PRICE : best.price;
    }

    @Override
    public long bestBidQuantity() {
        PriceLevel best = state.bids.best();
        return best == null ? 0L : best.totalQuantity;
    }

    @Override
    public long bestAskQuantity() {
        PriceLevel best = state.asks.best();
        return best == null ? 0L : best.totalQuantity;
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
        OrderNode node = state.index.get(orderId);
        return node == null ? 0L : node.remaining;
    }

    @Override
    public DepthSnapshot depth(DepthSnapshot reuse) {
        reuse.clear();
        BookSide bids = state.bids;
        for (PriceLevel level = bids.best(); level != null; level = bids.worse(level.price)) {
            if (!reuse.addBid(level.price, level.totalQuantity, level.orderCount)) {
                break;
            }
        }
        BookSide asks = state.asks;
        for (PriceLevel level = asks.best(); level != null; level = asks.worse(level.price)) {
            if (!reuse.addAsk(level.price, level.totalQuantity, level.orderCount)) {
                break;
            }
        }
        return reuse;
    }

    @Override
    public int forEachOrder(Side side, OrderVisitor visitor) {
        BookSide bookSide = state.side(side);
        int visited = 0;
        for (PriceLevel level = bookSide.best(); level != null; level = bookSide.worse(level.price)) {
            for (OrderNode node = level.head; node != null; node = node.next) {
                visitor.onOrder(node.orderId, node.ownerId, node.side, node.timeInForce, node.price, node.remaining,
                    node.timestampNs);
                visited++;
            }
        }
        return visited;
    }

    @Override
    public AuctionIndication auctionIndication(AuctionIndication reuse) {
        return AuctionCalculator.compute(state.bids, state.asks, state.referencePrice, reuse);
    }

    @Override
    public long referencePrice() {
        return state.referencePrice;
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
