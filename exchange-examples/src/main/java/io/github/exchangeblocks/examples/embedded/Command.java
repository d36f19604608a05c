package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

import java.util.Objects;

/**
 * A command of the mini exchange: what is journaled to the write-ahead log and then applied. Every command
 * carries its timestamp (host clock, nanoseconds); the exchange never reads a clock. Records only check that
 * references are not {@code null}: the values themselves are validated when the command is applied, where bad
 * values become rejects.
 */
public sealed interface Command {

    /**
     * The command's timestamp.
     *
     * @return nanoseconds of the host's clock
     */
    long timestampNs();

    /**
     * Deposits money into a user's account, opening the account on the user's first deposit.
     *
     * @param timestampNs the timestamp, nanoseconds
     * @param user        the user name, not {@code null}
     * @param amountMinor the amount, minor units of the account currency (cents)
     */
    record Deposit(long timestampNs, String user, long amountMinor) implements Command {
        /**
         * Checks the references.
         *
         * @param timestampNs the timestamp
         * @param user        the user
         * @param amountMinor the amount
         */
        public Deposit {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Enters a limit order.
     *
     * @param timestampNs  the timestamp, nanoseconds
     * @param user         the user name, not {@code null}
     * @param orderId      the exchange-assigned id, above every id used before (see {@link MiniExchange#nextOrderId()})
     * @param instrumentId {@code EXCHANGE.code}, not {@code null}
     * @param side         BUY or SELL, not {@code null}
     * @param offset       OPEN, CLOSE or CLOSETODAY, not {@code null}
     * @param timeInForce  GTC, GFD, IOC or FOK, not {@code null}
     * @param priceTicks   the limit price, in ticks
     * @param volume       lots
     */
    record PlaceOrder(long timestampNs, String user, long orderId, String instrumentId, Side side, Offset offset,
                      TimeInForce timeInForce, long priceTicks, long volume) implements Command {
        /**
         * Checks the references.
         *
         * @param timestampNs  the timestamp
         * @param user         the user
         * @param orderId      the order id
         * @param instrumentId the instrument
         * @param side         the side
         * @param offset       the offset
         * @param timeInForce  the time in force
         * @param priceTicks   the price
         * @param volume       the volume
         */
        public PlaceOrder {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(instrumentId, "instrumentId");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(timeInForce, "timeInForce");
        }
    }

    /**
     * Cancels a working order of the user.
     *
     * @param timestampNs the timestamp, nanoseconds
     * @param user        the user name, must own the order, not {@code null}
     * @param orderId     the order id
     */
    record CancelOrder(long timestampNs, String user, long orderId) implements Command {
        /**
         * Checks the references.
         *
         * @param timestampNs the timestamp
         * @param user        the user
         * @param orderId     the order id
         */
        public CancelOrder {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Sets an instrument's mark price, re-marking every position held in it.
     *
     * @param timestampNs  the timestamp, nanoseconds
     * @param instrumentId {@code EXCHANGE.code}, not {@code null}
     * @param priceTicks   the mark price, in ticks
     */
    record MarkPrice(long timestampNs, String instrumentId, long priceTicks) implements Command {
        /**
         * Checks the references.
         *
         * @param timestampNs  the timestamp
         * @param instrumentId the instrument
         * @param priceTicks   the price
         */
        public MarkPrice {
            Objects.requireNonNull(instrumentId, "instrumentId");
        }
    }
}
