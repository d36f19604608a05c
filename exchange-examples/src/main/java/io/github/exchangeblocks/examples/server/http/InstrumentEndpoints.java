package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.api.instrument.Rates;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.risk.RiskChain;
import io.github.exchangeblocks.engine.venue.Venue;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeState;

import java.math.BigDecimal;
import java.util.List;

/**
 * The operator's instruments: list, one, create (list a new specification), update the book's price band and
 * reference price, update the margin and commission rates, status, trading phase, and delist (refused with 409
 * while positions or orders use the instrument). In the rendering, {@code upper_limit}/{@code lower_limit} are the
 * day's limits from {@code limit_rate} and the previous settlement ({@code null} upper limit: none);
 * {@code price_band} is the band the book enforces now (set here, or the day's limits at the day's start);
 * {@code pending_margin_rates} are margin rates scheduled for the next settlement; {@code risk_limits} are the
 * venue's pre-trade limits as they apply to this instrument.
 */
final class InstrumentEndpoints {
    private static final String ID = "/api/admin/instruments/{instrument_id}";
    private final ApiContext context;

    private InstrumentEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        InstrumentEndpoints e = new InstrumentEndpoints(context);
        router.add("GET", "/api/admin/instruments", Access.ADMIN, "Every instrument with its status and book phase",
                List.of(), List.of(), e::list);
        router.add("POST", "/api/admin/instruments", Access.ADMIN, "Lists a new instrument (status LISTED)",
                List.of(), List.of("instrument_id", "price_scale", "price_tick", "volume_multiple", "lot_size",
                        "long_margin_rate", "short_margin_rate", "open_commission", "close_commission",
                        "close_today_commission", "limit_rate", "max_order_volume", "close_rule"), e::create);
        router.add("GET", ID, Access.ADMIN, "One instrument", List.of(), List.of(), e::get);
        router.add("PUT", ID, Access.ADMIN, "Sets the book's price band and reference price", List.of(),
                List.of("lower_limit", "upper_limit", "reference_price"), e::update);
        router.add("PATCH", ID, Access.ADMIN, "Updates the rates: commissions apply to fills from now on; margin "
                + "rates take effect at the next settlement, which re-margins positions at them (orders working "
                + "until then keep the margin they froze). Name at least one field; a commission object gives the "
                + "whole new commission (per_lot and rate, 0 if left out)", List.of(),
                List.of("long_margin_rate", "short_margin_rate", "open_commission", "close_commission",
                        "close_today_commission"), e::rates);
        router.add("POST", ID + "/status", Access.ADMIN, "Changes the status (TRADING, SUSPENDED, DELISTED)",
                List.of(), List.of("status"), e::status);
        router.add("POST", ID + "/phase", Access.ADMIN, "Changes the book's trading phase", List.of(),
                List.of("phase"), e::phase);
        router.add("DELETE", ID, Access.ADMIN, "Delists the instrument; 409 while positions or orders use it",
                List.of(), List.of(), e::delist);
    }

    private void list(ApiCall call) {
        context.calls.read(call, state -> {
            ArrayNode items = Json.array();
            Venue venue = state.venue();
            for (int i = 0; i < venue.instrumentCount(); i++) {
                items.add(render(state, i));
            }
            ObjectNode result = Json.object();
            result.set("instruments", items);
            return result;
        });
    }

    private void get(ApiCall call) throws ApiException {
        String id = context.spec("instrument_id", call.path("instrument_id")).instrumentId();
        context.calls.read(call, state -> render(state, indexOf(state, id)));
    }

    private void create(ApiCall call) throws ApiException {
        Fields b = call.body();
        String id = b.text("instrument_id", 64);
        int priceScale = (int) b.integer("price_scale", 0, 9);
        BigDecimal tick = decimal(b, "price_tick");
        if (tick.signum() <= 0 || tick.stripTrailingZeros().scale() > priceScale) {
            throw ApiException.badRequest("price_tick=" + tick.toPlainString() + " must be positive with at most "
                    + "price_scale=" + priceScale + " decimal places");
        }
        InstrumentSpec spec = new InstrumentSpec(id, priceScale, tick.movePointRight(priceScale).longValueExact(),
                b.integer("volume_multiple", 1, 1_000_000_000), b.integer("lot_size", 1, 1_000_000),
                rateE8(b, "long_margin_rate"), rateE8(b, "short_margin_rate"), commission(b, "open_commission"),
                commission(b, "close_commission"), commission(b, "close_today_commission"),
                b.has("limit_rate") ? rateE8(b, "limit_rate") : 0, b.integer("max_order_volume", 1, 1_000_000_000),
                b.enumValue("close_rule", CloseRule.class));
        context.calls.submit(call, new ExchangeCommand.ListInstrument(spec), state -> render(state,
                indexOf(state, id)));
    }

    private void update(ApiCall call) throws ApiException {
        InstrumentSpec spec = context.spec("instrument_id", call.path("instrument_id"));
        Fields b = call.body();
        boolean band = b.has("lower_limit") || b.has("upper_limit");
        if (!band && !b.has("reference_price")) {
            throw ApiException.badRequest("body must name lower_limit and upper_limit, or reference_price");
        }
        String id = spec.instrumentId();
        if (band) {
            long low = b.price("lower_limit", spec);
            long high = b.price("upper_limit", spec);
            if (low > high) {
                throw ApiException.badRequest("lower_limit must be <= upper_limit");
            }
            if (b.has("reference_price")) {
                long reference = b.price("reference_price", spec);
                context.calls.submit(call, new ExchangeCommand.SetPriceBand(id, low, high), state -> {
                    context.calls.submit(call, new ExchangeCommand.SetReferencePrice(id, reference),
                            after -> render(after, indexOf(after, id)));
                    return null;
                });
                return;
            }
            context.calls.submit(call, new ExchangeCommand.SetPriceBand(id, low, high),
                    state -> render(state, indexOf(state, id)));
        } else {
            context.calls.submit(call, new ExchangeCommand.SetReferencePrice(id, b.price("reference_price", spec)),
                    state -> render(state, indexOf(state, id)));
        }
    }

    private void rates(ApiCall call) throws ApiException {
        String id = context.spec("instrument_id", call.path("instrument_id")).instrumentId();
        Fields b = call.body();
        if (!b.has("long_margin_rate") && !b.has("short_margin_rate") && !b.has("open_commission")
                && !b.has("close_commission") && !b.has("close_today_commission")) {
            throw ApiException.badRequest("body must name at least one of long_margin_rate, short_margin_rate, "
                    + "open_commission, close_commission, close_today_commission");
        }
        ExchangeCommand.UpdateRates command = new ExchangeCommand.UpdateRates(id,
                b.has("long_margin_rate") ? rateE8(b, "long_margin_rate") : ExchangeCommand.UpdateRates.KEEP,
                b.has("short_margin_rate") ? rateE8(b, "short_margin_rate") : ExchangeCommand.UpdateRates.KEEP,
                b.has("open_commission") ? commission(b, "open_commission") : null,
                b.has("close_commission") ? commission(b, "close_commission") : null,
                b.has("close_today_commission") ? commission(b, "close_today_commission") : null);
        context.calls.submit(call, command, state -> render(state, indexOf(state, id)));
    }

    private void status(ApiCall call) throws ApiException {
        String id = context.spec("instrument_id", call.path("instrument_id")).instrumentId();
        InstrumentStatus status = call.body().enumValue("status", InstrumentStatus.class);
        context.calls.submit(call, new ExchangeCommand.SetInstrumentStatus(id, status),
                state -> render(state, indexOf(state, id)));
    }

    private void phase(ApiCall call) throws ApiException {
        String id = context.spec("instrument_id", call.path("instrument_id")).instrumentId();
        TradingPhase phase = call.body().enumValue("phase", TradingPhase.class);
        context.calls.submit(call, new ExchangeCommand.SetPhase(id, phase),
                state -> render(state, indexOf(state, id)));
    }

    private void delist(ApiCall call) throws ApiException {
        String id = context.spec("instrument_id", call.path("instrument_id")).instrumentId();
        context.calls.submit(call, new ExchangeCommand.SetInstrumentStatus(id, InstrumentStatus.DELISTED),
                state -> render(state, indexOf(state, id)));
    }

    private ObjectNode render(ExchangeState state, int index) {
        Instrument instrument = state.venue().registry().get(index);
        InstrumentSpec s = instrument.spec();
        OrderBookView book = state.venue().book(index);
        String id = s.instrumentId();
        ObjectNode node = Json.object().put("instrument_id", id).put("status", instrument.status().name())
                .put("phase", book.phase().name()).put("price_scale", s.priceScale())
                .put("price_tick", Json.decimal(s.tickSize(), s.priceScale()))
                .put("volume_multiple", s.volumeMultiple()).put("lot_size", s.lotSize())
                .put("long_margin_rate", Views.rate(s.longMarginRateE8()))
                .put("short_margin_rate", Views.rate(s.shortMarginRateE8()))
                .put("limit_rate", Views.rate(s.limitRateE8())).put("max_order_volume", s.maxOrderVolume())
                .put("close_rule", s.closeRule().name())
                .put("pre_settlement", context.views.price(id, instrument.preSettlementPriceTicks()))
                .put("reference_price", context.views.price(id, book.referencePrice()));
        context.views.putLimit(node, "upper_limit", id, instrument.upperLimitTicks());
        context.views.putLimit(node, "lower_limit", id, instrument.lowerLimitTicks());
        node.set("open_commission", commission(s.openCommission()));
        node.set("close_commission", commission(s.closeCommission()));
        node.set("close_today_commission", commission(s.closeTodayCommission()));
        ObjectNode band = node.putObject("price_band");
        context.views.putPrice(band, "lower", id, book.priceBandLow());
        context.views.putPrice(band, "upper", id, book.priceBandHigh());
        if (instrument.marginRatesPending()) {
            node.putObject("pending_margin_rates").put("long_margin_rate",
                    Views.rate(instrument.pendingLongMarginRateE8()))
                    .put("short_margin_rate", Views.rate(instrument.pendingShortMarginRateE8()))
                    .put("effective", "next settlement");
        } else {
            node.putNull("pending_margin_rates");
        }
        node.put("rates_revision", instrument.ratesRevision());
        node.set("risk_limits", riskLimits(state.venue().settings().riskChain(), s));
        return node;
    }

    /**
     * The venue's pre-trade limits as they apply to an instrument: the order volume cap (the instrument's, which
     * its book enforces, or the venue's if lower), position and open-order limits ({@code null} where no check
     * enforces one).
     */
    static ObjectNode riskLimits(RiskChain chain, InstrumentSpec spec) {
        ObjectNode limits = Json.object();
        long venueCap = chain.maxOrderVolume();
        limits.put("max_order_volume", venueCap == RiskChain.NO_LIMIT ? spec.maxOrderVolume()
                : Math.min(venueCap, spec.maxOrderVolume()));
        putLimit(limits, "max_position_per_side", chain.maxPosition());
        putLimit(limits, "max_open_orders", chain.maxOpenOrders());
        return limits;
    }

    private static void putLimit(ObjectNode node, String name, long limit) {
        if (limit == RiskChain.NO_LIMIT) {
            node.putNull(name);
        } else {
            node.put(name, limit);
        }
    }

    private ObjectNode commission(CommissionRate rate) {
        return Json.object().put("per_lot", context.views.money(rate.perLotMinor()))
                .put("rate", Views.rate(rate.notionalRateE8()));
    }

    private CommissionRate commission(Fields body, String name) throws ApiException {
        Fields c = body.object(name);
        long perLot = c.has("per_lot") ? moneyOrZero(c, "per_lot") : 0;
        long rate = c.has("rate") ? rateE8(c, "rate") : 0;
        return new CommissionRate(perLot, rate);
    }

    private long moneyOrZero(Fields fields, String name) throws ApiException {
        BigDecimal amount = decimal(fields, name);
        if (amount.signum() == 0) {
            return 0;
        }
        return fields.money(name, context.moneyScale);
    }

    private static long rateE8(Fields fields, String name) throws ApiException {
        BigDecimal rate = decimal(fields, name);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.stripTrailingZeros().scale() > 8) {
            throw ApiException.badRequest(fields.path(name) + "=" + rate.toPlainString()
                    + " must be a rate in 0..1 with at most 8 decimal places");
        }
        return rate.multiply(BigDecimal.valueOf(Rates.SCALE)).longValueExact();
    }

    private static BigDecimal decimal(Fields fields, String name) throws ApiException {
        var value = fields.raw(name);
        try {
            BigDecimal number = value.isNumber() ? value.decimalValue()
                    : value.isTextual() ? new BigDecimal(value.textValue()) : null;
            if (number != null && Fields.bounded(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the error naming the rule
        }
        throw ApiException.badRequest(fields.path(name) + "=" + value + " must be a decimal number of at most "
                + Fields.MAX_DIGITS + " digits before and after the point");
    }

    static int indexOf(ExchangeState state, String instrumentId) throws ApiException {
        int index = state.venue().registry().indexOf(instrumentId);
        if (index < 0) {
            throw ApiException.notFound("instrument_id=" + instrumentId + " must be a listed instrument");
        }
        return index;
    }
}
