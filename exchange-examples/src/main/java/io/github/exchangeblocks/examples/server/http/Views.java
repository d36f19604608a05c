package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.account.PositionView;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.Rates;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import io.github.exchangeblocks.examples.exchange.TradeRecord;

import java.math.BigDecimal;
import java.util.Map;

/**
 * JSON renderings of the core's records, run on the engine thread (they copy live views). Field names follow
 * QIFI/DIFF; money is a decimal in the money unit, prices decimals in the instrument's unit, rates decimals (0.1 is
 * 10%), times nanoseconds since the epoch.
 */
final class Views {
    private final int moneyScale;
    private final Map<String, InstrumentSpec> specs;

    Views(int moneyScale, Map<String, InstrumentSpec> specs) {
        this.moneyScale = moneyScale;
        this.specs = specs;
    }

    BigDecimal money(long minor) {
        return Json.decimal(minor, moneyScale);
    }

    /** A price in ticks as a decimal in the instrument's unit; the raw ticks if the instrument is unknown. */
    BigDecimal price(String instrumentId, long ticks) {
        InstrumentSpec spec = instrumentId == null ? null : specs.get(instrumentId);
        return spec == null ? BigDecimal.valueOf(ticks) : BigDecimal.valueOf(ticks)
                .multiply(BigDecimal.valueOf(spec.tickSize())).movePointLeft(spec.priceScale());
    }

    /** Puts a price limit, {@code null} when the instrument has no upper bound ({@link Long#MAX_VALUE} ticks). */
    void putLimit(ObjectNode node, String name, String instrumentId, long ticks) {
        if (ticks == Long.MAX_VALUE) {
            node.putNull(name);
        } else {
            node.put(name, price(instrumentId, ticks));
        }
    }

    /** Puts a price, {@code null} for {@link OrderBookView#NULL_PRICE} ("none": no band bound, no reference). */
    void putPrice(ObjectNode node, String name, String instrumentId, long ticks) {
        if (ticks == OrderBookView.NULL_PRICE) {
            node.putNull(name);
        } else {
            node.put(name, price(instrumentId, ticks));
        }
    }

    static BigDecimal rate(long rateE8) {
        return rateE8 == AccountView.RISK_RATIO_UNBOUNDED ? null
                : BigDecimal.valueOf(rateE8).divide(BigDecimal.valueOf(Rates.SCALE)).stripTrailingZeros();
    }

    ObjectNode account(AccountView a) {
        ObjectNode node = Json.object().put("user_id", a.userName()).put("account_id", a.accountId());
        node.put("pre_balance", money(a.preBalance())).put("deposit", money(a.deposit()))
                .put("withdraw", money(a.withdraw())).put("static_balance", money(a.staticBalance()))
                .put("close_profit", money(a.closeProfit())).put("commission", money(a.commission()))
                .put("position_profit", money(a.positionProfit())).put("float_profit", money(a.floatProfit()))
                .put("balance", money(a.balance())).put("margin", money(a.margin()))
                .put("frozen_margin", money(a.frozenMargin())).put("frozen_commission", money(a.frozenCommission()))
                .put("available", money(a.available())).put("risk_ratio", rate(a.riskRatioE8()));
        return node;
    }

    ObjectNode position(PositionView p) {
        String id = p.instrumentId();
        return Json.object().put("instrument_id", id)
                .put("volume_long_today", p.volumeLongToday()).put("volume_long_his", p.volumeLongHis())
                .put("volume_long", p.volumeLong())
                .put("volume_long_frozen", p.volumeLongFrozenToday() + p.volumeLongFrozenHis())
                .put("volume_short_today", p.volumeShortToday()).put("volume_short_his", p.volumeShortHis())
                .put("volume_short", p.volumeShort())
                .put("volume_short_frozen", p.volumeShortFrozenToday() + p.volumeShortFrozenHis())
                .put("open_cost_long", money(p.openCostLong())).put("open_cost_short", money(p.openCostShort()))
                .put("position_cost_long", money(p.positionCostLong()))
                .put("position_cost_short", money(p.positionCostShort()))
                .put("margin_long", money(p.marginLong())).put("margin_short", money(p.marginShort()))
                .put("float_profit_long", money(p.floatProfitLong()))
                .put("float_profit_short", money(p.floatProfitShort()))
                .put("position_profit_long", money(p.positionProfitLong()))
                .put("position_profit_short", money(p.positionProfitShort()))
                .put("last_price", price(id, p.lastPriceTicks()));
    }

    ObjectNode order(OrderRecord o) {
        return Json.object().put("order_id", o.clientOrderId()).put("exchange_order_id", o.orderId())
                .put("user_id", o.user()).put("instrument_id", o.instrumentId())
                .put("direction", String.valueOf(o.side())).put("offset", String.valueOf(o.offset()))
                .put("price_type", String.valueOf(o.type())).put("time_in_force", String.valueOf(o.timeInForce()))
                .put("limit_price", price(o.instrumentId(), o.priceTicks())).put("volume_orign", o.volume())
                .put("volume_left", o.volumeLeft()).put("status", o.alive() ? "ALIVE" : "FINISHED")
                .put("last_msg", o.lastMessage()).put("insert_date_time", o.insertTimeNs());
    }

    ObjectNode trade(TradeRecord t) {
        return Json.object().put("trade_id", t.tradeId()).put("order_id", t.clientOrderId())
                .put("exchange_order_id", t.orderId()).put("instrument_id", t.instrumentId())
                .put("direction", String.valueOf(t.side())).put("offset", String.valueOf(t.offset()))
                .put("price", price(t.instrumentId(), t.priceTicks())).put("volume", t.volume())
                .put("commission", money(t.commission())).put("close_profit", money(t.closeProfit()))
                .put("maker", t.maker()).put("trade_date_time", t.timeNs());
    }

    ObjectNode statement(AccountStatement s) {
        ObjectNode node = Json.object().put("trading_day", s.tradingDay()).put("user_id", s.userName())
                .put("account_id", s.accountId()).put("pre_balance", money(s.preBalance()))
                .put("deposit", money(s.deposit())).put("withdraw", money(s.withdraw()))
                .put("close_profit", money(s.closeProfit())).put("commission", money(s.commission()))
                .put("position_profit", money(s.positionProfit())).put("balance", money(s.balance()))
                .put("margin", money(s.margin())).put("available", money(s.available()))
                .put("risk_ratio", rate(s.riskRatioE8()));
        ArrayNode positions = node.putArray("positions");
        for (PositionStatement p : s.positions()) {
            positions.addObject().put("instrument_id", p.instrumentId())
                    .put("settlement_price", price(p.instrumentId(), p.settlementPriceTicks()))
                    .put("volume_long", p.volumeLong()).put("volume_short", p.volumeShort())
                    .put("settled_profit", money(p.settledProfit())).put("margin_long", money(p.marginLong()))
                    .put("margin_short", money(p.marginShort()));
        }
        return node;
    }

    ObjectNode liquidation(OrderRecord r) {
        return Json.object().put("user_id", r.user()).put("order_id", r.clientOrderId())
                .put("exchange_order_id", r.orderId()).put("instrument_id", r.instrumentId())
                .put("direction", String.valueOf(r.side())).put("offset", String.valueOf(r.offset()))
                .put("limit_price", price(r.instrumentId(), r.priceTicks())).put("volume_orign", r.volume())
                .put("volume_left", r.volumeLeft()).put("status", r.alive() ? "ALIVE" : "FINISHED")
                .put("last_msg", r.lastMessage()).put("insert_date_time", r.insertTimeNs());
    }
}
