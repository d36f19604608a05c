package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.engine.venue.FillReport;
import io.github.exchangeblocks.engine.venue.VenueListener;

/** Turns the venue's primitive events into the core's order and trade records and its listener's events. */
final class VenueEvents implements VenueListener {
    /** An order's last message after a cancel or a reduction, by reason (built once: no text per event). */
    private static final String[] CANCELLED = messages("cancelled: ");
    private static final String[] REDUCED = messages("reduced: ");

    private final ExchangeState state;

    VenueEvents(ExchangeState state) {
        this.state = state;
    }

    @Override
    public void onOrderAccepted(long timestampNs, long orderId, int accountId, int instrumentIndex, Side side,
                                Offset offset, OrderType type, TimeInForce timeInForce, long priceTicks,
                                long volume) {
        OrderRecord order = state.inserting;
        if (order == null) {
            // An order the venue placed itself (forced liquidation): the core names it after its order id.
            UserDay day = state.user(accountId);
            order = new OrderRecord(day.user, ExchangeState.LIQUIDATION_PREFIX + orderId,
                    state.venue.registry().get(instrumentIndex).instrumentId(), side, offset, type, timeInForce,
                    priceTicks, volume, timestampNs);
            day.add(order);
            state.liquidations.add(order);
        }
        order.orderId = orderId;
        order.offset = offset;
        order.priceTicks = priceTicks;
        order.alive = true;
        order.lastMessage = "accepted";
        state.byOrderId.put(orderId, order);
        state.user(accountId).working(order);
        state.listener.onOrder(order);
    }

    @Override
    public void onOrderRejected(long timestampNs, long orderId, int accountId, int instrumentIndex,
                                RejectCode code, CharSequence message) {
        if (orderId == 0 && state.inserting != null) {
            state.inserting.lastMessage = message.toString();
            state.listener.onOrder(state.inserting);
        }
    }

    @Override
    public void onTrade(long timestampNs, int instrumentIndex, long tradeId, Side aggressorSide, long priceTicks,
                        long volume, long makerOrderId, int makerAccountId, long takerOrderId, int takerAccountId) {
        state.listener.onMarketTrade(instrumentIndex, timestampNs, priceTicks, volume);
    }

    @Override
    public void onFill(long timestampNs, FillReport fill) {
        OrderRecord order = state.byOrderId.get(fill.orderId());
        order.volumeLeft = fill.remainingVolume();
        if (order.volumeLeft == 0) {
            order.alive = false;
            order.lastMessage = "filled";
            state.byOrderId.remove(fill.orderId());
            state.user(fill.accountId()).finished(order);
        } else {
            order.lastMessage = "partially filled";
        }
        TradeRecord trade = new TradeRecord(order.user, order.clientOrderId, order.orderId, fill.tradeId(),
                order.instrumentId, order.side, fill.offset(), fill.priceTicks(), fill.volume(), fill.commission(),
                fill.closeProfit(), fill.maker(), timestampNs);
        state.user(fill.accountId()).trades.add(trade);
        state.listener.onTrade(trade);
        state.listener.onOrder(order);
    }

    @Override
    public void onOrderCancelled(long timestampNs, int instrumentIndex, long orderId, int accountId,
                                 long cancelledVolume, long remainingVolume, CancelReason reason) {
        OrderRecord order = state.byOrderId.get(orderId);
        if (remainingVolume == 0) {
            state.byOrderId.remove(orderId);
            state.user(accountId).finished(order);
            order.alive = false;
            order.lastMessage = CANCELLED[reason.ordinal()];
        } else {
            order.volumeLeft = remainingVolume;
            order.lastMessage = REDUCED[reason.ordinal()];
        }
        state.listener.onOrder(order);
    }

    @Override
    public void onOrderAmended(long timestampNs, int instrumentIndex, long orderId, int accountId, long priceTicks,
                               long remainingVolume, boolean priorityKept) {
        OrderRecord order = state.byOrderId.get(orderId);
        order.priceTicks = priceTicks;
        order.volumeLeft = remainingVolume;
        order.lastMessage = priorityKept ? "amended" : "amended (priority lost)";
        state.listener.onOrder(order);
    }

    @Override
    public void onLevelChanged(long timestampNs, int instrumentIndex, long sequence, Side side, long priceTicks,
                               long volume, int orderCount) {
        state.listener.onLevel(instrumentIndex, sequence, side, priceTicks, volume, orderCount);
    }

    @Override
    public void onPhaseChanged(long timestampNs, int instrumentIndex, TradingPhase previous, TradingPhase current) {
        state.listener.onInstrument(instrumentIndex);
    }

    @Override
    public void onInstrumentChanged(long timestampNs, int instrumentIndex) {
        state.listener.onInstrument(instrumentIndex);
    }

    @Override
    public void onAccountChanged(int accountId) {
        state.listener.onAccount(state.user(accountId).user, accountId);
    }

    @Override
    public void onPositionChanged(int accountId, int instrumentIndex) {
        state.listener.onPosition(state.user(accountId).user, accountId, instrumentIndex);
    }

    @Override
    public void onTransfer(long timestampNs, int accountId, long amountMinor) {
        state.listener.onTransfer(state.user(accountId).user, amountMinor);
    }

    @Override
    public void onSettlement(long timestampNs, AccountStatement statement) {
        state.listener.onSettlement(state.user(statement.accountId()).user, statement);
    }

    @Override
    public void onTradingDay(long timestampNs, int tradingDay) {
        for (UserDay user : state.users) {
            user.clear();
        }
        state.byOrderId.clear();
        state.listener.onTradingDay(tradingDay);
    }

    private static String[] messages(String prefix) {
        CancelReason[] reasons = CancelReason.values();
        String[] messages = new String[reasons.length];
        for (CancelReason reason : reasons) {
            messages[reason.ordinal()] = prefix + reason;
        }
        return messages;
    }
}
