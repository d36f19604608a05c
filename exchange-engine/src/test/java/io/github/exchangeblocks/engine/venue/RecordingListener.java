package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.settlement.AccountStatement;

import java.util.ArrayList;
import java.util.List;

/** Test listener: every order-level event as one line of text, in order. */
final class RecordingListener implements VenueListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onOrderAccepted(long timestampNs, long orderId, int accountId, int instrumentIndex, Side side,
                                Offset offset, OrderType type, TimeInForce timeInForce, long priceTicks,
                                long volume) {
        events.add("accepted " + orderId + " acc=" + accountId + " " + side + " " + offset + " " + type + " "
                + timeInForce + " " + priceTicks + "x" + volume);
    }

    @Override
    public void onOrderRejected(long timestampNs, long orderId, int accountId, int instrumentIndex,
                                RejectCode code, CharSequence message) {
        events.add("rejected " + orderId + " acc=" + accountId + " " + code + ": " + message);
    }

    @Override
    public void onTrade(long timestampNs, int instrumentIndex, long tradeId, Side aggressorSide, long priceTicks,
                        long volume, long makerOrderId, int makerAccountId, long takerOrderId, int takerAccountId) {
        events.add("trade " + tradeId + " " + priceTicks + "x" + volume + " maker=" + makerOrderId + " taker="
                + takerOrderId);
    }

    @Override
    public void onFill(long timestampNs, FillReport f) {
        events.add("fill " + f.orderId() + (f.maker() ? " maker" : " taker") + " " + f.offset() + " "
                + f.priceTicks() + "x" + f.volume() + " left=" + f.remainingVolume() + " commission="
                + f.commission() + " closeProfit=" + f.closeProfit() + " margin=" + f.marginChange() + " closed="
                + f.closedToday() + "/" + f.closedHistory());
    }

    @Override
    public void onOrderCancelled(long timestampNs, int instrumentIndex, long orderId, int accountId,
                                 long cancelledVolume, long remainingVolume, CancelReason reason) {
        events.add("cancelled " + orderId + " " + cancelledVolume + " " + reason);
    }

    @Override
    public void onOrderAmended(long timestampNs, int instrumentIndex, long orderId, int accountId, long priceTicks,
                               long remainingVolume, boolean priorityKept) {
        events.add("amended " + orderId + " " + priceTicks + "x" + remainingVolume + " kept=" + priorityKept);
    }

    @Override
    public void onTransfer(long timestampNs, int accountId, long amountMinor) {
        events.add("transfer acc=" + accountId + " " + amountMinor);
    }

    @Override
    public void onSettlement(long timestampNs, AccountStatement s) {
        events.add("statement " + s.tradingDay() + " acc=" + s.accountId() + " balance=" + s.balance()
                + " margin=" + s.margin() + " closeProfit=" + s.closeProfit() + " positionProfit="
                + s.positionProfit() + " commission=" + s.commission());
    }

    @Override
    public void onTradingDay(long timestampNs, int tradingDay) {
        events.add("day " + tradingDay);
    }

    List<String> drain() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }
}
