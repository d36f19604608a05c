package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.diff.codec.CancelOrder;
import io.github.exchangeblocks.diff.codec.InsertOrder;
import io.github.exchangeblocks.diff.codec.ReqTransfer;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;

import java.math.BigDecimal;

/**
 * Turns decoded trading messages of a logged-in session into core commands, or into the notification that refuses
 * them: a message naming another user, a price off the instrument's tick, an amount finer than the money unit.
 * Exact numbers from here on: decimals from the wire become ticks and minor units without rounding. Any thread;
 * reads only immutable instrument specs.
 */
final class DiffOrders {
    private final DiffGateway gateway;

    DiffOrders(DiffGateway gateway) {
        this.gateway = gateway;
    }

    /** @return an {@link ExchangeCommand.InsertOrder}, or the refusal's notify content */
    Object insert(String user, InsertOrder message) {
        if (!message.userId().equals(user)) {
            return wrongUser("insert_order", message.userId(), user);
        }
        String symbol = message.symbol();
        long priceTicks = 0;
        InstrumentSpec spec = gateway.specs.get(symbol);
        if (message.priceType() == OrderType.LIMIT && spec != null) {
            BigDecimal scaled = message.limitPrice().movePointRight(spec.priceScale());
            BigDecimal[] ticks = scaled.divideAndRemainder(BigDecimal.valueOf(spec.tickSize()));
            if (ticks[1].signum() != 0 || ticks[0].compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return DiffGateway.error(RejectCode.DIFF_INVALID_FIELD, "insert_order: limit_price="
                        + message.limitPrice().toPlainString() + " must be a multiple of price_tick="
                        + BigDecimal.valueOf(spec.tickSize(), spec.priceScale()).toPlainString() + " of " + symbol);
            }
            priceTicks = ticks[0].longValueExact();
        }
        return new ExchangeCommand.InsertOrder(user, message.orderId(), symbol, message.direction(),
                message.offset(), message.priceType(), message.timeInForce(), priceTicks, message.volume(), 0);
    }

    /** @return an {@link ExchangeCommand.CancelOrder}, or the refusal's notify content */
    Object cancel(String user, CancelOrder message) {
        if (!message.userId().equals(user)) {
            return wrongUser("cancel_order", message.userId(), user);
        }
        return new ExchangeCommand.CancelOrder(user, message.orderId());
    }

    /** @return a {@link ExchangeCommand.Deposit} or {@link ExchangeCommand.Withdraw}, or the refusal */
    Object transfer(String user, ReqTransfer message) {
        if (!message.futureAccount().equals(user)) {
            return wrongUser("req_transfer", message.futureAccount(), user);
        }
        if (!DiffFields.CURRENCY.equals(message.currency())) {
            return DiffGateway.error(RejectCode.DIFF_INVALID_FIELD, "req_transfer: currency=" + message.currency()
                    + " must be " + DiffFields.CURRENCY);
        }
        long minor;
        try {
            minor = message.amount().movePointRight(gateway.moneyScale).longValueExact();
        } catch (ArithmeticException e) {
            return DiffGateway.error(RejectCode.DIFF_INVALID_FIELD, "req_transfer: amount="
                    + message.amount().toPlainString() + " must be a whole number of 1/10^" + gateway.moneyScale
                    + " and fit 64 bits");
        }
        return minor > 0 ? new ExchangeCommand.Deposit(user, minor) : new ExchangeCommand.Withdraw(user, -minor);
    }

    private static Object wrongUser(String aid, String named, String user) {
        return DiffGateway.error(RejectCode.DIFF_WRONG_USER, aid + ": user " + named
                + " is not the logged-in user " + user + "; a session acts only as its own user");
    }
}
