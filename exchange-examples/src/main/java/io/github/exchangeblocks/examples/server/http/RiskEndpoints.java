package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.instrument.Rates;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.risk.RiskChain;
import io.github.exchangeblocks.engine.settlement.LiquidationPolicy;
import io.github.exchangeblocks.engine.venue.Venue;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.LiquidationHistory;
import io.github.exchangeblocks.examples.exchange.OrderRecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The operator's risk view: accounts whose risk ratio (margin / balance) is at or over a threshold, worst first;
 * the forced-liquidation orders (durable: the same after a restart); the limits in force (pre-trade checks, order
 * volume, position and open-order limits, day's limits, price band and reference price per instrument, the
 * liquidation policy); and a liquidation run through the core.
 */
final class RiskEndpoints {
    private static final int MAX_ACCOUNTS = 1000;
    private final ApiContext context;

    private RiskEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        RiskEndpoints e = new RiskEndpoints(context);
        router.add("GET", "/api/admin/risk/accounts", Access.ADMIN, "Accounts with risk ratio >= threshold "
                + "(default 0.8), worst first", List.of("threshold"), List.of(), e::accounts);
        router.add("GET", "/api/admin/risk/liquidations", Access.ADMIN, "Forced-liquidation orders, oldest first (the "
                + "newest " + LiquidationHistory.MAX_RECORDS + ", kept across restarts)", List.of(), List.of(), e::liquidations);
        router.add("GET", "/api/admin/risk/limits", Access.ADMIN, "The limits in force: the pre-trade checks and "
                + "account limits, per instrument the order volume, position and open-order limits, the day's "
                + "limits and the book's price band, and the liquidation policy", List.of(), List.of(), e::limits);
        router.add("POST", "/api/admin/risk/liquidate", Access.ADMIN, "Liquidates every account over the "
                + "liquidation threshold now", List.of(), List.of(), e::liquidate);
    }

    private void accounts(ApiCall call) throws ApiException {
        long thresholdE8 = threshold(call.query("threshold"));
        context.calls.read(call, state -> {
            Venue venue = state.venue();
            List<AccountView> risky = new ArrayList<>();
            for (int i = 0; i < venue.accountCount(); i++) {
                AccountView account = venue.account(i);
                if (account.riskRatioE8() >= thresholdE8) {
                    risky.add(account);
                }
            }
            risky.sort(Comparator.comparingLong(AccountView::riskRatioE8).reversed()
                    .thenComparingInt(AccountView::accountId));
            ObjectNode result = Json.object().put("threshold", Views.rate(thresholdE8)).put("count", risky.size());
            ArrayNode items = result.putArray("accounts");
            for (int i = 0; i < risky.size() && i < MAX_ACCOUNTS; i++) {
                items.add(context.views.account(risky.get(i)));
            }
            return result;
        });
    }

    private static long threshold(String text) throws ApiException {
        if (text == null) {
            return Rates.SCALE / 10 * 8;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (Fields.bounded(value) && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(1000)) <= 0
                    && value.stripTrailingZeros().scale() <= 8) {
                return value.multiply(BigDecimal.valueOf(Rates.SCALE)).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the error naming the rule
        }
        throw ApiException.badRequest("threshold=" + (text.length() > 20 ? text.substring(0, 20) + "..." : text)
                + " must be a decimal in 0..1000 with at most 8 decimal places");
    }

    private void limits(ApiCall call) {
        LiquidationPolicy policy = context.core.venueSettings().liquidationPolicy();
        context.calls.read(call, state -> {
            Venue venue = state.venue();
            ObjectNode result = Json.object();
            result.putObject("liquidation").put("threshold", Views.rate(policy.thresholdE8()))
                    .put("target", Views.rate(policy.targetE8())).put("close_all", policy.closeAll());
            RiskChain chain = venue.settings().riskChain();
            ArrayNode checks = result.putArray("pre_trade_checks");
            chain.checkNames().forEach(checks::add);
            ArrayNode items = result.putArray("instruments");
            for (int i = 0; i < venue.instrumentCount(); i++) {
                Instrument instrument = venue.registry().get(i);
                String id = instrument.instrumentId();
                ObjectNode item = items.addObject().put("instrument_id", id)
                        .put("max_order_volume", instrument.spec().maxOrderVolume())
                        .put("limit_rate", Views.rate(instrument.spec().limitRateE8()));
                context.views.putLimit(item, "upper_limit", id, instrument.upperLimitTicks());
                context.views.putLimit(item, "lower_limit", id, instrument.lowerLimitTicks());
                OrderBookView book = venue.book(i);
                ObjectNode band = item.putObject("price_band");
                context.views.putPrice(band, "lower", id, book.priceBandLow());
                context.views.putPrice(band, "upper", id, book.priceBandHigh());
                context.views.putPrice(item, "reference_price", id, book.referencePrice());
                item.set("risk_limits", InstrumentEndpoints.riskLimits(chain, instrument.spec()));
            }
            return result;
        });
    }

    private void liquidations(ApiCall call) {
        context.calls.read(call, this::liquidationList);
    }

    private void liquidate(ApiCall call) {
        context.calls.submit(call, new ExchangeCommand.Liquidate(), this::liquidationList);
    }

    private ObjectNode liquidationList(ExchangeState state) {
        LiquidationHistory history = state.liquidations();
        ObjectNode result = Json.object().put("count", history.size());
        ArrayNode items = result.putArray("liquidations");
        for (OrderRecord record : history.records()) {
            items.add(context.views.liquidation(record));
        }
        return result;
    }
}
