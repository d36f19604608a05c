package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.settlement.AccountStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * Test listener: every event as a line, with the figures it makes readable (an account's balance, a position's
 * volumes), so two event streams compare byte for byte. Also checks the state's invariants after each command.
 */
final class EventLog implements ExchangeListener, CommandSource {
    final List<String> lines = new ArrayList<>();
    ExchangeState state;

    @Override
    public void onUserRegistered(String user) {
        lines.add("user " + user);
    }

    @Override
    public void onOrder(OrderRecord o) {
        lines.add("order " + o.user() + " " + o.clientOrderId() + " id=" + o.orderId() + " " + o.side() + " "
                + o.offset() + " " + o.priceTicks() + " left=" + o.volumeLeft() + " alive=" + o.alive() + " "
                + o.lastMessage());
    }

    @Override
    public void onTrade(TradeRecord t) {
        lines.add("trade " + t);
    }

    @Override
    public void onAccount(String user, int accountId) {
        AccountView a = state.venue().account(accountId);
        lines.add("account " + user + " balance=" + a.balance() + " available=" + a.available() + " margin="
                + a.margin() + " frozen=" + a.frozenMargin());
    }

    @Override
    public void onPosition(String user, int accountId, int instrumentIndex) {
        var p = state.venue().position(accountId, instrumentIndex);
        lines.add("position " + user + " " + instrumentIndex + (p == null ? " none" : " long=" + p.volumeLong()
                + " short=" + p.volumeShort()));
    }

    @Override
    public void onLevel(int instrumentIndex, long sequence, Side side, long priceTicks, long volume,
                        int orderCount) {
        lines.add("level " + instrumentIndex + " " + sequence + " " + side + " " + priceTicks + " " + volume);
    }

    @Override
    public void onMarketTrade(int instrumentIndex, long timeNs, long priceTicks, long volume) {
        lines.add("tape " + instrumentIndex + " " + priceTicks + "x" + volume);
    }

    @Override
    public void onInstrument(int instrumentIndex) {
        lines.add("instrument " + instrumentIndex);
    }

    @Override
    public void onTransfer(String user, long amountMinor) {
        lines.add("transfer " + user + " " + amountMinor);
    }

    @Override
    public void onSettlement(String user, AccountStatement statement) {
        lines.add("settlement " + user + " " + statement);
    }

    @Override
    public void onTradingDay(int tradingDay) {
        lines.add("day " + tradingDay);
    }

    @Override
    public void onNotify(String user, RejectCode code, String message) {
        lines.add("notify " + user + " " + code + " " + message);
    }

    @Override
    public void onResult(long correlationId, long sequence, RejectCode code, CharSequence message) {
        lines.add("result seq=" + sequence + " " + code + " " + message);
        Invariants.check(state);
    }
}
