package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;

import java.util.List;
import java.util.function.Function;

/**
 * The token user's orders of the trading day: submit, cancel, amend, one order, the orders and trades (paged).
 * Orders are named by the user's own order id ({@code order_id}, as in DIFF); another user's order id is simply not
 * found. Input is checked here (instrument listed, price on the tick, volume positive) so that bad input never
 * reaches the core.
 */
final class OrderEndpoints {
    static final int MAX_PAGE = 500;
    private static final long MAX_VOLUME = 1_000_000_000L;

    private final ApiContext context;

    private OrderEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        OrderEndpoints e = new OrderEndpoints(context);
        router.add("POST", "/api/orders", Access.USER, "Submits an order", List.of(), List.of("order_id",
                "instrument_id", "direction", "offset", "price_type", "time_in_force", "limit_price", "volume"),
                e::submit);
        router.add("GET", "/api/orders", Access.USER, "The user's orders of the trading day, paged", List.of("offset",
                "limit"), List.of(), e::list);
        router.add("GET", "/api/orders/{order_id}", Access.USER, "One of the user's orders", List.of(), List.of(),
                e::get);
        router.add("DELETE", "/api/orders/{order_id}", Access.USER, "Cancels a working order", List.of(), List.of(),
                e::cancel);
        router.add("PUT", "/api/orders/{order_id}", Access.USER, "Amends a working order's price and volume",
                List.of(), List.of("limit_price", "volume"), e::amend);
        router.add("GET", "/api/trades", Access.USER, "The user's trades of the trading day, paged",
                List.of("offset", "limit"), List.of(), e::trades);
    }

    private void submit(ApiCall call) throws ApiException {
        Fields body = call.body();
        String orderId = body.text("order_id", 64);
        if (orderId.startsWith(ExchangeState.LIQUIDATION_PREFIX)) {
            throw ApiException.badRequest("order_id=" + orderId + " must not start with the reserved \""
                    + ExchangeState.LIQUIDATION_PREFIX + "\"");
        }
        String instrumentId = body.text("instrument_id", 64);
        Side side = body.enumValue("direction", Side.class);
        Offset offset = body.enumValue("offset", Offset.class);
        OrderType type = body.enumValue("price_type", OrderType.class);
        TimeInForce timeInForce = body.has("time_in_force") ? body.enumValue("time_in_force", TimeInForce.class)
                : TimeInForce.GFD;
        long volume = body.integer("volume", 1, MAX_VOLUME);
        InstrumentSpec spec = context.spec("instrument_id", instrumentId);
        long priceTicks = type == OrderType.LIMIT || body.has("limit_price") ? body.price("limit_price", spec) : 0;
        String user = call.user();
        context.calls.submit(call, new ExchangeCommand.InsertOrder(user, orderId, instrumentId, side, offset, type,
                timeInForce, priceTicks, volume, 0), state -> orderOf(state, user, orderId));
    }

    private void list(ApiCall call) throws ApiException {
        page(call, ExchangeState::orders, context.views::order, "orders");
    }

    private void trades(ApiCall call) throws ApiException {
        page(call, ExchangeState::trades, context.views::trade, "trades");
    }

    private <T> void page(ApiCall call, java.util.function.BiFunction<ExchangeState, String, List<T>> source,
                          Function<T, ObjectNode> render, String name) throws ApiException {
        int offset = call.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = call.queryInt("limit", 100, 1, MAX_PAGE);
        context.calls.read(call, state -> {
            AccountEndpoints.requireAccount(state, call.user());
            List<T> all = source.apply(state, call.user());
            ArrayNode items = Json.array();
            for (int i = offset; i < all.size() && i - offset < limit; i++) {
                items.add(render.apply(all.get(i)));
            }
            ObjectNode result = Json.object().put("total", all.size()).put("offset", offset).put("limit", limit);
            result.set(name, items);
            return result;
        });
    }

    private void get(ApiCall call) {
        String orderId = call.path("order_id");
        context.calls.read(call, state -> orderOf(state, call.user(), orderId));
    }

    private void cancel(ApiCall call) {
        String orderId = call.path("order_id");
        String user = call.user();
        context.calls.submit(call, new ExchangeCommand.CancelOrder(user, orderId),
                state -> orderOf(state, user, orderId));
    }

    private void amend(ApiCall call) throws ApiException {
        String orderId = call.path("order_id");
        String user = call.user();
        Fields body = call.body();
        long volume = body.integer("volume", 1, MAX_VOLUME);
        JsonNode price = body.raw("limit_price");
        context.calls.read(call, state -> {
            OrderRecord order = find(state, user, orderId);
            if (!order.alive()) {
                throw ApiException.conflict("order_id=" + orderId + " must be working to be amended (it is "
                        + "finished)");
            }
            long priceTicks = Fields.ticks("limit_price", price, context.spec("instrument_id",
                    order.instrumentId()));
            context.calls.submit(call, new ExchangeCommand.AmendOrder(user, orderId, priceTicks, volume),
                    after -> orderOf(after, user, orderId));
            return null;
        });
    }

    private ObjectNode orderOf(ExchangeState state, String user, String orderId) throws ApiException {
        return context.views.order(find(state, user, orderId));
    }

    private static OrderRecord find(ExchangeState state, String user, String orderId) throws ApiException {
        List<OrderRecord> orders = state.orders(user);
        for (int i = orders.size() - 1; i >= 0; i--) {
            if (orders.get(i).clientOrderId().equals(orderId)) {
                return orders.get(i);
            }
        }
        throw ApiException.notFound("order_id=" + orderId + " must name an order of user=" + user + " today");
    }

}
