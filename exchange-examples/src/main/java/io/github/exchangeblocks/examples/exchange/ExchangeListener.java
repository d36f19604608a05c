package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.settlement.AccountStatement;

/**
 * What the exchange core publishes, in command order, on the engine thread, after the journal made the command
 * durable in the configured mode. Publishers (DIFF, channels, HTTP views, tests) implement what they need; every
 * method defaults to nothing. Read more from {@link ExchangeState} during the call; records passed in are live
 * objects the core keeps updating, so copy what you keep. A listener must not throw and must not block.
 */
public interface ExchangeListener {

    /** @param user a user registered (its account is open) */
    default void onUserRegistered(String user) {
    }

    /** @param order an order of the day changed (inserted, rejected, accepted, filled, cancelled) */
    default void onOrder(OrderRecord order) {
    }

    /** @param trade one side of a trade */
    default void onTrade(TradeRecord trade) {
    }

    /**
     * A user's account figures changed.
     *
     * @param user      the user
     * @param accountId its account (read it from {@link ExchangeState#venue()})
     */
    default void onAccount(String user, int accountId) {
    }

    /**
     * A user's position changed.
     *
     * @param user            the user
     * @param accountId       its account
     * @param instrumentIndex the instrument
     */
    default void onPosition(String user, int accountId, int instrumentIndex) {
    }

    /**
     * A book level changed.
     *
     * @param instrumentIndex the instrument
     * @param sequence        the book's level sequence
     * @param side            the side
     * @param priceTicks      the level's price
     * @param volume          lots at the level, 0 if gone
     * @param orderCount      orders at the level
     */
    default void onLevel(int instrumentIndex, long sequence, Side side, long priceTicks, long volume,
                         int orderCount) {
    }

    /**
     * An instrument traded: last price, volume, the day's figures changed.
     *
     * @param instrumentIndex the instrument
     * @param timeNs          the trade's time
     * @param priceTicks      trade price
     * @param volume          lots
     */
    default void onMarketTrade(int instrumentIndex, long timeNs, long priceTicks, long volume) {
    }

    /** @param instrumentIndex an instrument was listed or its status, phase, band or prices changed */
    default void onInstrument(int instrumentIndex) {
    }

    /**
     * Money moved between a user's bank and account.
     *
     * @param user        the user
     * @param amountMinor positive in, negative out
     */
    default void onTransfer(String user, long amountMinor) {
    }

    /**
     * A user's daily statement.
     *
     * @param user      the user
     * @param statement the statement
     */
    default void onSettlement(String user, AccountStatement statement) {
    }

    /** @param tradingDay a new trading day started ({@code yyyymmdd}) */
    default void onTradingDay(int tradingDay) {
    }

    /**
     * A message for one user (a reject of one of its commands).
     *
     * @param user    the user, or {@code null} if the command named no known user
     * @param code    the reject code
     * @param message names the field and the rule
     */
    default void onNotify(String user, RejectCode code, String message) {
    }

    /** Every event of the commands applied since the last call has been delivered: a good moment to flush. */
    default void onBatchEnd() {
    }

    /**
     * The whole state was replaced, not changed by commands: a cluster replica that fell too far behind loaded a
     * state transfer. No events describe what changed in between, so a publisher must rebuild what it derived from
     * the old state and resynchronise its subscribers. The single-machine core never calls it.
     *
     * @param state the new state (the old one is no longer updated)
     */
    default void onStateReplaced(ExchangeState state) {
    }
}
