package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.settlement.AccountStatement;

import java.util.List;
import java.util.Objects;

/**
 * Fans every event out to several listeners (the DIFF publisher, the channel publisher, ...), in the order given,
 * on the engine thread. A listener that throws is not isolated: listeners must not throw (see
 * {@link ExchangeListener}). The list is copied at construction; the composite is immutable.
 */
public final class CompositeListener implements ExchangeListener {
    private final ExchangeListener[] targets;

    /**
     * @param targets the listeners, not {@code null} and without {@code null} elements
     */
    public CompositeListener(List<? extends ExchangeListener> targets) {
        Objects.requireNonNull(targets, "targets must not be null");
        this.targets = targets.toArray(new ExchangeListener[0]);
        for (int i = 0; i < this.targets.length; i++) {
            Objects.requireNonNull(this.targets[i], "targets[" + i + "] must not be null");
        }
    }

    @Override
    public void onUserRegistered(String user) {
        for (ExchangeListener target : targets) {
            target.onUserRegistered(user);
        }
    }

    @Override
    public void onOrder(OrderRecord order) {
        for (ExchangeListener target : targets) {
            target.onOrder(order);
        }
    }

    @Override
    public void onTrade(TradeRecord trade) {
        for (ExchangeListener target : targets) {
            target.onTrade(trade);
        }
    }

    @Override
    public void onAccount(String user, int accountId) {
        for (ExchangeListener target : targets) {
            target.onAccount(user, accountId);
        }
    }

    @Override
    public void onPosition(String user, int accountId, int instrumentIndex) {
        for (ExchangeListener target : targets) {
            target.onPosition(user, accountId, instrumentIndex);
        }
    }

    @Override
    public void onLevel(int instrumentIndex, long sequence, Side side, long priceTicks, long volume, int orderCount) {
        for (ExchangeListener target : targets) {
            target.onLevel(instrumentIndex, sequence, side, priceTicks, volume, orderCount);
        }
    }

    @Override
    public void onMarketTrade(int instrumentIndex, long timeNs, long priceTicks, long volume) {
        for (ExchangeListener target : targets) {
            target.onMarketTrade(instrumentIndex, timeNs, priceTicks, volume);
        }
    }

    @Override
    public void onInstrument(int instrumentIndex) {
        for (ExchangeListener target : targets) {
            target.onInstrument(instrumentIndex);
        }
    }

    @Override
    public void onTransfer(String user, long amountMinor) {
        for (ExchangeListener target : targets) {
            target.onTransfer(user, amountMinor);
        }
    }

    @Override
    public void onSettlement(String user, AccountStatement statement) {
        for (ExchangeListener target : targets) {
            target.onSettlement(user, statement);
        }
    }

    @Override
    public void onTradingDay(int tradingDay) {
        for (ExchangeListener target : targets) {
            target.onTradingDay(tradingDay);
        }
    }

    @Override
    public void onNotify(String user, RejectCode code, String message) {
        for (ExchangeListener target : targets) {
            target.onNotify(user, code, message);
        }
    }

    @Override
    public void onBatchEnd() {
        for (ExchangeListener target : targets) {
            target.onBatchEnd();
        }
    }

    @Override
    public void onStateReplaced(ExchangeState state) {
        for (ExchangeListener target : targets) {
            target.onStateReplaced(state);
        }
    }
}
