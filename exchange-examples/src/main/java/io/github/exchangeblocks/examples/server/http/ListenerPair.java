package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import io.github.exchangeblocks.examples.exchange.TradeRecord;

import java.util.Objects;

/**
 * Delivers every core event to two listeners, {@link #first} then {@link #second}, on the engine thread. Lets the
 * HTTP API's event records sit beside another gateway's publisher on the core's one listener.
 */
public final class ListenerPair implements ExchangeListener {
    private final ExchangeListener first;
    private final ExchangeListener second;

    /**
     * @param first  called first, not {@code null}
     * @param second called second, not {@code null}
     */
    public ListenerPair(ExchangeListener first, ExchangeListener second) {
        this.first = Objects.requireNonNull(first, "first must not be null");
        this.second = Objects.requireNonNull(second, "second must not be null");
    }

    @Override
    public void onUserRegistered(String user) {
        first.onUserRegistered(user);
        second.onUserRegistered(user);
    }

    @Override
    public void onOrder(OrderRecord order) {
        first.onOrder(order);
        second.onOrder(order);
    }

    @Override
    public void onTrade(TradeRecord trade) {
        first.onTrade(trade);
        second.onTrade(trade);
    }

    @Override
    public void onAccount(String user, int accountId) {
        first.onAccount(user, accountId);
        second.onAccount(user, accountId);
    }

    @Override
    public void onPosition(String user, int accountId, int instrumentIndex) {
        first.onPosition(user, accountId, instrumentIndex);
        second.onPosition(user, accountId, instrumentIndex);
    }

    @Override
    public void onLevel(int instrumentIndex, long sequence, Side side, long priceTicks, long volume, int orderCount) {
        first.onLevel(instrumentIndex, sequence, side, priceTicks, volume, orderCount);
        second.onLevel(instrumentIndex, sequence, side, priceTicks, volume, orderCount);
    }

    @Override
    public void onMarketTrade(int instrumentIndex, long timeNs, long priceTicks, long volume) {
        first.onMarketTrade(instrumentIndex, timeNs, priceTicks, volume);
        second.onMarketTrade(instrumentIndex, timeNs, priceTicks, volume);
    }

    @Override
    public void onInstrument(int instrumentIndex) {
        first.onInstrument(instrumentIndex);
        second.onInstrument(instrumentIndex);
    }

    @Override
    public void onTransfer(String user, long amountMinor) {
        first.onTransfer(user, amountMinor);
        second.onTransfer(user, amountMinor);
    }

    @Override
    public void onSettlement(String user, AccountStatement statement) {
        first.onSettlement(user, statement);
        second.onSettlement(user, statement);
    }

    @Override
    public void onTradingDay(int tradingDay) {
        first.onTradingDay(tradingDay);
        second.onTradingDay(tradingDay);
    }

    @Override
    public void onNotify(String user, RejectCode code, String message) {
        first.onNotify(user, code, message);
        second.onNotify(user, code, message);
    }

    @Override
    public void onBatchEnd() {
        first.onBatchEnd();
        second.onBatchEnd();
    }
}
