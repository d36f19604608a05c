package io.github.exchangeblocks.bench.engine.book;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import io.github.exchangeblocks.api.Side;

/**
 * The second baseline: exchange-core 0.5.3's fast book ({@code OrderBookDirectImpl}: adaptive radix trees for
 * prices and ids, pooled order objects), driven directly through its {@code IOrderBook} interface, without the
 * Disruptor pipeline or the risk engine around it, as the exchange-blocks book is driven without a host. A futures
 * symbol, so moves skip the exchange-pair bid reserve check. One reused {@link OrderCommand}; each command's
 * event chain is walked the way a thin host would (trades counted, quantities summed), like the other books'
 * listeners. exchange-core 0.5.3 allocates its events (events pooling is off in that release); that is its
 * behaviour as shipped and part of what is measured.
 *
 * <p>Same matching rules as the other books for the mixed stream: price-time priority, trades at the resting
 * price, no self-trade prevention (exchange-core has none), IOC remainders dropped, a reduction keeps priority
 * and a move loses it.
 */
final class ExchangeCoreBook {
    private static final CoreSymbolSpecification SYMBOL = CoreSymbolSpecification.builder().symbolId(1)
        .type(SymbolType.FUTURES_CONTRACT).baseCurrency(1).quoteCurrency(2).baseScaleK(1).quoteScaleK(1).build();

    private final ObjectsPool pool = ObjectsPool.createDefaultTestPool();
    private final OrderCommand command = new OrderCommand();
    private IOrderBook book;
    long trades;
    long tradedQuantity;
    long reduces;

    ExchangeCoreBook() {
        reset();
    }

    /** Starts again from an empty book (the order objects go back to the shared pool only when filled). */
    void reset() {
        book = new OrderBookDirectImpl(SYMBOL, pool, OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
            LoggingConfiguration.DEFAULT);
    }

    int orderCount() {
        return book.getOrdersNum(OrderAction.BID) + book.getOrdersNum(OrderAction.ASK);
    }

    private OrderCommand prepare(OrderCommandType type, long id, long owner, long timestampNs) {
        OrderCommand c = command;
        c.command = type;
        c.orderId = id;
        c.uid = owner;
        c.symbol = 1;
        c.timestamp = timestampNs;
        c.resultCode = CommandResultCode.NEW;
        c.matcherEvent = null;
        return c;
    }

    /** Applies command {@code i} of the stream; returns true when accepted. */
    boolean apply(MixedStream s, int i, long timestampNs) {
        byte op = s.op(i);
        OrderCommand c = prepare(op == MixedStream.CANCEL ? OrderCommandType.CANCEL_ORDER
            : op == MixedStream.AMEND ? OrderCommandType.REDUCE_ORDER
            : op == MixedStream.MOVE ? OrderCommandType.MOVE_ORDER : OrderCommandType.PLACE_ORDER, s.id(i),
            s.owner(i), timestampNs);
        boolean accepted;
        switch (op) {
            case MixedStream.CANCEL:
                accepted = book.cancelOrder(c) == CommandResultCode.SUCCESS;
                break;
            case MixedStream.AMEND:
                c.size = s.reduction(i);
                accepted = book.reduceOrder(c) == CommandResultCode.SUCCESS;
                break;
            case MixedStream.MOVE:
                c.price = s.price(i);
                accepted = book.moveOrder(c) == CommandResultCode.SUCCESS;
                break;
            default:
                c.price = s.price(i);
                c.reserveBidPrice = c.price;
                c.size = s.quantity(i);
                c.action = s.side(i) == Side.BUY ? OrderAction.BID : OrderAction.ASK;
                c.orderType = op == MixedStream.CROSS_IOC ? OrderType.IOC : OrderType.GTC;
                book.newOrder(c);
                accepted = true;
                break;
        }
        for (MatcherTradeEvent e = c.matcherEvent; e != null; e = e.nextEvent) {
            if (e.eventType == MatcherEventType.TRADE) {
                trades++;
                tradedQuantity += e.size;
            } else {
                reduces++;
            }
        }
        return accepted;
    }
}
