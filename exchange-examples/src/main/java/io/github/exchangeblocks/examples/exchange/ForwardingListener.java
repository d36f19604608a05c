package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.settlement.AccountStatement;

/** An {@link ExchangeListener} that forwards every event to {@link #delegate()}. */
public abstract class ForwardingListener implements ExchangeListener {

    /** @return where events go now, not {@code null} */
    protected abstract ExchangeListener delegate();

    @Override
    public void onUserRegistered(String user) {
        delegate().onUserRegistered(user);
    }

    @Override
    public void onOrder(OrderRecord order) {
        delegate().onOrder(order);
    }

    @Override
    public void onTrade(TradeRecord trade) {
        delegate().onTrade(trade);
    }

    @Override
    public void onAccount(String user, int accountId) {
        delegate().onAccount(user, accountId);
    }

    @Override
    public void onPosition(String user, int accountId, int instrumentIndex) {
        delegate().onPosition(user, accountId, instrumentIndex);
    }

    @Override
    public void onLevel(int instrumentIndex, long sequence, Side side, long priceTicks, long volume, int orderCount) {
        delegate().onLevel(instrumentIndex, sequence, side, priceTicks, volume, orderCount);
    }

    @Override
    public void onMarketTrade(int instrumentIndex, long timeNs, long priceTicks, long volume) {
        delegate().onMarketTrade(instrumentIndex, timeNs, priceTicks, volume);
    }

    @Override
    public void onInstrument(int instrumentIndex) {
        delegate().onInstrument(instrumentIndex);
    }

    @Override
    public void onTransfer(String user, long amountMinor) {
        delegate().onTransfer(user, amountMinor);
    }

    @Override
    public void onSettlement(String user, AccountStatement statement) {
        delegate().onSettlement(user, statement);
    }

    @Override
    public void onTradingDay(int tradingDay) {
        delegate().onTradingDay(tradingDay);
    }

    @Override
    public void onNotify(String user, RejectCode code, String message) {
        delegate().onNotify(user, code, message);
    }

    @Override
    public void onBatchEnd() {
        delegate().onBatchEnd();
    }

    @Override
    public void onStateReplaced(ExchangeState state) {
        delegate().onStateReplaced(state);
    }
}
