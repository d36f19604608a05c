package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.marketdata.DepthView;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;
import io.github.exchangeblocks.engine.marketdata.QuoteView;
import io.github.exchangeblocks.engine.marketdata.TradeTapeView;
import io.github.exchangeblocks.engine.venue.Venue;
import io.github.exchangeblocks.examples.exchange.ExchangeState;

import java.util.List;

/**
 * The operator's market view: recent trades of an instrument (its trade tape), the book's price levels, the
 * published depth, and the day's statistics of every instrument.
 */
final class MarketEndpoints {
    private static final int MAX_LEVELS = 200;
    private static final int MAX_TRADES = 1000;
    private final ApiContext context;

    private MarketEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        MarketEndpoints e = new MarketEndpoints(context);
        router.add("GET", "/api/admin/market/trades/{instrument_id}", Access.ADMIN, "Recent trades of an "
                + "instrument, newest last", List.of("limit"), List.of(), e::trades);
        router.add("GET", "/api/admin/market/orderbook/{instrument_id}", Access.ADMIN, "The book's price levels "
                + "with volumes and order counts", List.of("levels"), List.of(), e::orderBook);
        router.add("GET", "/api/admin/market/depth/{instrument_id}", Access.ADMIN, "The published market depth",
                List.of("levels"), List.of(), e::depth);
        router.add("GET", "/api/admin/market/statistics", Access.ADMIN, "The trading day's figures of every "
                + "instrument", List.of(), List.of(), e::statistics);
    }

    private void trades(ApiCall call) throws ApiException {
        String id = context.spec("instrument_id", call.path("instrument_id")).instrumentId();
        int limit = call.queryInt("limit", 100, 1, MAX_TRADES);
        context.calls.read(call, state -> {
            TradeTapeView tape = state.venue().marketData(InstrumentEndpoints.indexOf(state, id)).tape();
            ObjectNode result = Json.object().put("instrument_id", id);
            ArrayNode items = result.putArray("trades");
            if (tape.size() > 0) {
                long from = Math.max(tape.firstTickId(), tape.lastTickId() - limit + 1);
                tape.visit(from, tape.lastTickId(), (tickId, tradeId, timeNs, price, volume, aggressor) ->
                        items.addObject().put("tick_id", tickId).put("trade_id", tradeId).put("time", timeNs)
                                .put("price", context.views.price(id, price)).put("volume", volume)
                                .put("aggressor", String.valueOf(aggressor)));
            }
            return result;
        });
    }

    private void orderBook(ApiCall call) throws ApiException {
        String id = context.spec("instrument_id", call.path("instrument_id")).instrumentId();
        int levels = call.queryInt("levels", 20, 1, MAX_LEVELS);
        context.calls.read(call, state -> {
            var book = state.venue().book(InstrumentEndpoints.indexOf(state, id));
            ObjectNode result = Json.object().put("instrument_id", id).put("phase", book.phase().name());
            for (Side side : Side.values()) {
                ArrayNode items = result.putArray(side == Side.BUY ? "bids" : "asks");
                book.forEachLevel(side, levels, (s, index, price, quantity, orders) -> items.addObject()
                        .put("price", context.views.price(id, price)).put("volume", quantity)
                        .put("orders", orders));
            }
            return result;
        });
    }

    private void depth(ApiCall call) throws ApiException {
        String id = context.spec("instrument_id", call.path("instrument_id")).instrumentId();
        int levels = call.queryInt("levels", 5, 1, MAX_LEVELS);
        context.calls.read(call, state -> {
            DepthView depth = state.venue().marketData(InstrumentEndpoints.indexOf(state, id)).depth();
            ObjectNode result = Json.object().put("instrument_id", id).put("update_id", depth.lastUpdateId());
            for (Side side : Side.values()) {
                ArrayNode items = result.putArray(side == Side.BUY ? "bids" : "asks");
                for (int rank = 0; rank < depth.levelCount(side) && rank < levels; rank++) {
                    items.addObject().put("price", context.views.price(id, depth.price(side, rank)))
                            .put("volume", depth.quantity(side, rank)).put("orders", depth.orderCount(side, rank));
                }
            }
            return result;
        });
    }

    private void statistics(ApiCall call) {
        context.calls.read(call, state -> {
            ObjectNode result = Json.object().put("trading_day", state.venue().tradingDay());
            ArrayNode items = result.putArray("instruments");
            Venue venue = state.venue();
            for (int i = 0; i < venue.instrumentCount(); i++) {
                items.add(statistics(state, i));
            }
            return result;
        });
    }

    private ObjectNode statistics(ExchangeState state, int index) {
        Venue venue = state.venue();
        String id = venue.registry().get(index).instrumentId();
        InstrumentMarketDataView data = venue.marketData(index);
        QuoteView q = data.quote();
        Views v = context.views;
        return Json.object().put("instrument_id", id).put("status", venue.registry().get(index).status().name())
                .put("last_price", v.price(id, q.lastPrice())).put("open", v.price(id, q.open()))
                .put("highest", v.price(id, q.highest())).put("lowest", v.price(id, q.lowest()))
                .put("volume", q.volume())
                .put("turnover", v.money(q.amount() * venue.registry().get(index).tickValueMinor()))
                .put("open_interest", q.openInterest()).put("pre_settlement", v.price(id, q.preSettlement()))
                .put("trades", data.ticker().tradeCount());
    }
}
