package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.engine.venue.Venue;

import java.util.List;

/**
 * The operator's monitoring: accounts (paged), capital totals with their reconciliation, book summaries and the
 * system figures (engine queue, journal sequence, commands per second, connections).
 *
 * <p>Capital reconciles because futures profit is zero-sum: every account's balance is what it brought in (lifetime
 * deposits minus withdrawals) minus the fees it paid plus its trading profit, and the trading profits of all
 * accounts, realised and marked at the same prices, sum to zero. So the balances sum to net deposits minus fees to
 * the cent, and {@code difference} is 0.
 */
final class MonitoringEndpoints {
    private final ApiContext context;

    private MonitoringEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        MonitoringEndpoints e = new MonitoringEndpoints(context);
        router.add("GET", "/api/admin/monitoring/accounts", Access.ADMIN, "Every account's figures, paged",
                List.of("offset", "limit"), List.of(), e::accounts);
        router.add("GET", "/api/admin/monitoring/capital", Access.ADMIN, "Capital totals over all accounts and "
                + "their reconciliation with net deposits and fees", List.of(), List.of(), e::capital);
        router.add("GET", "/api/admin/monitoring/orderbooks", Access.ADMIN, "Each book's phase, best prices, levels "
                + "and orders", List.of(), List.of(), e::orderBooks);
        router.add("GET", "/api/admin/monitoring/system", Access.ADMIN, "Engine queue depth, journal sequence, "
                + "commands per second, connections per endpoint", List.of(), List.of(), e::system);
    }

    private void accounts(ApiCall call) throws ApiException {
        int offset = call.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = call.queryInt("limit", 100, 1, OrderEndpoints.MAX_PAGE);
        context.calls.read(call, state -> {
            Venue venue = state.venue();
            ObjectNode result = Json.object().put("total", venue.accountCount()).put("offset", offset)
                    .put("limit", limit);
            ArrayNode items = result.putArray("accounts");
            for (int i = offset; i < venue.accountCount() && i - offset < limit; i++) {
                items.add(context.views.account(venue.account(i)));
            }
            return result;
        });
    }

    private void capital(ApiCall call) {
        context.calls.read(call, state -> {
            Venue venue = state.venue();
            long[] sum = new long[12];
            for (int i = 0; i < venue.accountCount(); i++) {
                AccountView a = venue.account(i);
                sum[0] += a.balance();
                sum[1] += a.available();
                sum[2] += a.margin();
                sum[3] += a.frozenMargin() + a.frozenCommission();
                sum[4] += a.deposit();
                sum[5] += a.withdraw();
                sum[6] += a.closeProfit();
                sum[7] += a.positionProfit();
                sum[8] += a.commission();
                sum[9] += a.preBalance();
                sum[10] += venue.lifetimeNetDeposits(i);
                sum[11] += venue.lifetimeFees(i);
            }
            Views v = context.views;
            ObjectNode result = Json.object().put("accounts", venue.accountCount()).put("balance", v.money(sum[0]))
                    .put("available", v.money(sum[1])).put("margin", v.money(sum[2]))
                    .put("frozen", v.money(sum[3])).put("pre_balance", v.money(sum[9]))
                    .put("deposit", v.money(sum[4])).put("withdraw", v.money(sum[5]))
                    .put("close_profit", v.money(sum[6])).put("position_profit", v.money(sum[7]))
                    .put("commission", v.money(sum[8]));
            long expected = sum[10] - sum[11];
            result.putObject("reconciliation").put("lifetime_net_deposits", v.money(sum[10]))
                    .put("lifetime_fees", v.money(sum[11])).put("expected_balance", v.money(expected))
                    .put("difference", v.money(sum[0] - expected)).put("reconciled", sum[0] == expected);
            return result;
        });
    }

    private void orderBooks(ApiCall call) {
        context.calls.read(call, state -> {
            Venue venue = state.venue();
            ObjectNode result = Json.object();
            ArrayNode items = result.putArray("orderbooks");
            for (int i = 0; i < venue.instrumentCount(); i++) {
                OrderBookView book = venue.book(i);
                String id = venue.registry().get(i).instrumentId();
                ObjectNode node = items.addObject().put("instrument_id", id).put("phase", book.phase().name())
                        .put("orders", book.orderCount()).put("bid_levels", book.levelCount(Side.BUY))
                        .put("ask_levels", book.levelCount(Side.SELL));
                putBest(node, "best_bid", id, book.bestBidPrice(), book.bestBidQuantity());
                putBest(node, "best_ask", id, book.bestAskPrice(), book.bestAskQuantity());
            }
            return result;
        });
    }

    private void putBest(ObjectNode node, String name, String id, long price, long quantity) {
        if (price == OrderBookView.NULL_PRICE) {
            node.putNull(name + "_price");
        } else {
            node.put(name + "_price", context.views.price(id, price));
        }
        node.put(name + "_volume", quantity);
    }

    private void system(ApiCall call) {
        long queued = context.core.queueDepth();
        context.calls.read(call, state -> {
            int tcp = context.tcpConnections.getAsInt();
            int diff = context.diffConnections.getAsInt();
            int channels = context.channelConnections.getAsInt();
            ObjectNode result = Json.object().put("status", context.core.failure() == null ? "UP" : "DOWN")
                    .put("trading_day", state.venue().tradingDay()).put("engine_queue_depth", queued)
                    .put("engine_queue_capacity", context.core.queueCapacity())
                    .put("wal_applied_sequence", context.core.appliedSequence())
                    .put("commands_per_second", context.throughput.commandsPerSecond())
                    .put("state_hash", Long.toHexString(state.stateHash()));
            result.putObject("connections").put("tcp", tcp).put("diff_websocket", diff)
                    .put("channels_websocket", channels).put("http", Math.max(0, tcp - diff - channels));
            return result;
        });
    }
}
