package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.account.PositionView;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.engine.venue.Venue;

import java.util.List;
import java.util.Map;

/**
 * The token user's account: figures, bank transfers, positions and daily statements. Every route acts on the
 * token's user only.
 */
final class AccountEndpoints {
    private final ApiContext context;

    private AccountEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        AccountEndpoints e = new AccountEndpoints(context);
        router.add("GET", "/api/account", Access.USER, "The user's account figures", List.of(), List.of(),
                e::account);
        router.add("POST", "/api/account/deposit", Access.USER, "Moves money from the bank into the account",
                List.of(), List.of("amount"), e::deposit);
        router.add("POST", "/api/account/withdraw", Access.USER, "Moves money from the account to the bank, at most"
                + " what is available", List.of(), List.of("amount"), e::withdraw);
        router.add("GET", "/api/positions", Access.USER, "The user's positions", List.of(), List.of(),
                e::positions);
        router.add("GET", "/api/statements", Access.USER, "The user's daily settlement statements, newest first",
                List.of("trading_day"), List.of(), e::statements);
    }

    private void account(ApiCall call) {
        context.calls.read(call, state -> accountOf(state, call.user()));
    }

    private void deposit(ApiCall call) throws ApiException {
        long amount = call.body().money("amount", context.moneyScale);
        context.calls.submit(call, new ExchangeCommand.Deposit(call.user(), amount),
                state -> accountOf(state, call.user()));
    }

    private void withdraw(ApiCall call) throws ApiException {
        long amount = call.body().money("amount", context.moneyScale);
        context.calls.submit(call, new ExchangeCommand.Withdraw(call.user(), amount),
                state -> accountOf(state, call.user()));
    }

    private void positions(ApiCall call) {
        context.calls.read(call, state -> {
            int account = requireAccount(state, call.user());
            Venue venue = state.venue();
            ArrayNode items = Json.array();
            for (int i = 0; i < venue.instrumentCount(); i++) {
                PositionView position = venue.position(account, i);
                if (position != null) {
                    items.add(context.views.position(position));
                }
            }
            ObjectNode result = Json.object();
            result.set("positions", items);
            return result;
        });
    }

    private void statements(ApiCall call) throws ApiException {
        int day = call.queryInt("trading_day", 0, 19700101, 99991231);
        context.calls.read(call, state -> {
            requireAccount(state, call.user());
            ArrayNode items = Json.array();
            for (Map.Entry<Integer, List<AccountStatement>> entry
                    : context.events.statementsByDay.descendingMap().entrySet()) {
                if (day != 0 && entry.getKey() != day) {
                    continue;
                }
                for (AccountStatement statement : entry.getValue()) {
                    if (statement.userName().equals(call.user())) {
                        items.add(context.views.statement(statement));
                    }
                }
            }
            if (day != 0 && items.isEmpty()) {
                throw ApiException.notFound("trading_day=" + day + " must be a settled day (archived in settlements/)");
            }
            ObjectNode result = Json.object();
            result.set("statements", items);
            return result;
        });
    }

    private ObjectNode accountOf(ExchangeState state, String user) throws ApiException {
        requireAccount(state, user);
        AccountView account = state.account(user);
        return context.views.account(account);
    }

    static int requireAccount(ExchangeState state, String user) throws ApiException {
        int account = state.venue().accountIdOf(user);
        if (account < 0) {
            throw ApiException.notFound("user=" + user + " has no account in the exchange");
        }
        return account;
    }
}
