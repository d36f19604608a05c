package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.engine.venue.Venue;

/**
 * The aggregate figures of the engine's state that {@code /metrics} shows: how many accounts and their capital
 * totals, in the venue's money units (raw, scaled by {@code moneyScale}). Immutable; taken on the engine thread.
 *
 * @param accounts        accounts on the venue
 * @param balance         sum of the accounts' balances
 * @param available       sum of the accounts' available funds
 * @param margin          sum of the margin the accounts' positions hold
 * @param expectedBalance lifetime net deposits minus lifetime fees over all accounts (what balance reconciles to)
 */
record EngineFigures(int accounts, long balance, long available, long margin, long expectedBalance) {
    /** Sums the accounts of the state; engine thread only, O(accounts). */
    static EngineFigures of(ExchangeState state) {
        Venue venue = state.venue();
        long balance = 0;
        long available = 0;
        long margin = 0;
        long expected = 0;
        for (int i = 0; i < venue.accountCount(); i++) {
            AccountView account = venue.account(i);
            balance += account.balance();
            available += account.available();
            margin += account.margin();
            expected += venue.lifetimeNetDeposits(i) - venue.lifetimeFees(i);
        }
        return new EngineFigures(venue.accountCount(), balance, available, margin, expected);
    }
}
