package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's end of day: settlement prices are staged here (one by one or in a batch, each checked against
 * the instrument's tick), then {@code execute} ends the trading day through the core with the staged prices
 * (instruments without one settle at their last price, else mark, else previous settlement) and clears them.
 * History and a day's results come from the statements the core published, archived per day (see
 * {@link StatementArchive}).
 */
final class SettlementEndpoints {
    private static final int MAX_BATCH = 1000;

    private final ApiContext context;
    private final Map<String, Long> stagedPrices = new TreeMap<>();

    private SettlementEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        SettlementEndpoints e = new SettlementEndpoints(context);
        router.add("POST", "/api/admin/settlement/prices", Access.ADMIN, "Stages one instrument's settlement price",
                List.of(), List.of("instrument_id", "price"), e::setPrice);
        router.add("POST", "/api/admin/settlement/prices/batch", Access.ADMIN, "Stages several settlement prices, "
                + "all or none", List.of(), List.of("prices"), e::setPrices);
        router.add("GET", "/api/admin/settlement/prices", Access.ADMIN, "The staged settlement prices", List.of(),
                List.of(), e::staged);
        router.add("POST", "/api/admin/settlement/execute", Access.ADMIN, "Ends the trading day: settles every "
                + "account at the staged prices and starts next_trading_day", List.of(),
                List.of("next_trading_day"), e::execute);
        router.add("GET", "/api/admin/settlement/history", Access.ADMIN, "Settled days (the archive's newest "
                + ApiEvents.MAX_DAYS + "), with totals", List.of(), List.of(), e::history);
        router.add("GET", "/api/admin/settlement/results/{trading_day}", Access.ADMIN, "Every account's statement "
                + "of a settled day", List.of(), List.of(), e::results);
    }

    private void setPrice(ApiCall call) throws ApiException {
        Fields body = call.body();
        InstrumentSpec spec = context.spec("instrument_id", body.text("instrument_id", 64));
        long ticks = body.price("price", spec);
        synchronized (stagedPrices) {
            stagedPrices.put(spec.instrumentId(), ticks);
        }
        staged(call);
    }

    private void setPrices(ApiCall call) throws ApiException {
        Fields body = call.body();
        var prices = body.array("prices", MAX_BATCH);
        Map<String, Long> batch = new LinkedHashMap<>();
        for (int i = 0; i < prices.size(); i++) {
            Fields item = Fields.element(prices, i, "prices");
            InstrumentSpec spec = context.spec(item.path("instrument_id"), item.text("instrument_id", 64));
            if (batch.put(spec.instrumentId(), item.price("price", spec)) != null) {
                throw ApiException.badRequest(item.path("instrument_id") + "=" + spec.instrumentId()
                        + " must appear once in the batch");
            }
        }
        synchronized (stagedPrices) {
            stagedPrices.putAll(batch);
        }
        staged(call);
    }

    private void staged(ApiCall call) {
        ObjectNode result = Json.object();
        ArrayNode items = result.putArray("prices");
        synchronized (stagedPrices) {
            for (Map.Entry<String, Long> e : stagedPrices.entrySet()) {
                items.addObject().put("instrument_id", e.getKey())
                        .put("price", context.views.price(e.getKey(), e.getValue()));
            }
        }
        call.reply(result);
    }

    private void execute(ApiCall call) throws ApiException {
        int next = (int) call.body().integer("next_trading_day", 19700101, 99991231);
        Map<String, Long> prices;
        synchronized (stagedPrices) {
            prices = new TreeMap<>(stagedPrices);
        }
        context.calls.submit(call, new ExchangeCommand.EndTradingDay(next, prices), state -> {
            synchronized (stagedPrices) {
                stagedPrices.entrySet().removeIf(e -> e.getValue().equals(prices.get(e.getKey())));
            }
            Map.Entry<Integer, List<AccountStatement>> settled = context.events.statementsByDay.lastEntry();
            ObjectNode result = Json.object().put("trading_day", state.venue().tradingDay());
            if (settled != null) {
                result.set("settled", summary(settled.getKey(), settled.getValue()));
            }
            return result;
        });
    }

    private void history(ApiCall call) {
        context.calls.read(call, state -> {
            ObjectNode result = Json.object();
            ArrayNode days = result.putArray("days");
            for (Map.Entry<Integer, List<AccountStatement>> e
                    : context.events.statementsByDay.descendingMap().entrySet()) {
                days.add(summary(e.getKey(), e.getValue()));
            }
            return result;
        });
    }

    private void results(ApiCall call) throws ApiException {
        String text = call.path("trading_day");
        int day;
        try {
            day = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("trading_day=" + (text.length() > 20 ? text.substring(0, 20) : text)
                    + " must be a date yyyymmdd");
        }
        context.calls.read(call, state -> {
            List<AccountStatement> statements = context.events.statementsByDay.get(day);
            if (statements == null) {
                throw ApiException.notFound("trading_day=" + day + " must be a settled day (archived in "
                        + "settlements/)");
            }
            ObjectNode result = summary(day, statements);
            ArrayNode items = result.putArray("statements");
            for (AccountStatement s : statements) {
                items.add(context.views.statement(s));
            }
            return result;
        });
    }

    private ObjectNode summary(int day, List<AccountStatement> statements) {
        long balance = 0;
        long commission = 0;
        long closeProfit = 0;
        long positionProfit = 0;
        for (AccountStatement s : statements) {
            balance += s.balance();
            commission += s.commission();
            closeProfit += s.closeProfit();
            positionProfit += s.positionProfit();
        }
        return Json.object().put("trading_day", day).put("accounts", statements.size())
                .put("balance", context.views.money(balance)).put("commission", context.views.money(commission))
                .put("close_profit", context.views.money(closeProfit))
                .put("position_profit", context.views.money(positionProfit));
    }
}
