package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import io.github.exchangeblocks.examples.exchange.TradeRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The DIFF field sets of accounts, positions, orders and trades, as TqSdk reads them. Exact numbers become
 * decimals here, at the protocol edge: a price is {@code ticks * tickSize} at the instrument's price scale, money is
 * minor units over {@code 10^moneyScale}; a price that does not exist (no band, empty side, no trade) is DIFF's
 * {@code "-"}. Stateless apart from the money scale; engine thread (it reads live engine objects).
 */
final class DiffFields {
    static final String CURRENCY = "CNY";
    private final int moneyScale;

    DiffFields(int moneyScale) {
        this.moneyScale = moneyScale;
    }

    JsonObject account(AccountView account) {
        return new JsonObject()
                .put("user_id", account.userName())
                .put("currency", CURRENCY)
                .put("pre_balance", money(account.preBalance()))
                .put("deposit", money(account.deposit()))
                .put("withdraw", money(account.withdraw()))
                .put("static_balance", money(account.staticBalance()))
                .put("close_profit", money(account.closeProfit()))
                .put("commission", money(account.commission()))
                .put("premium", money(0))
                .put("position_profit", money(account.positionProfit()))
                .put("float_profit", money(account.floatProfit()))
                .put("balance", money(account.balance()))
                .put("margin", money(account.margin()))
                .put("frozen_margin", money(account.frozenMargin()))
                .put("frozen_commission", money(account.frozenCommission()))
                .put("frozen_premium", money(0))
                .put("available", money(account.available()))
                .put("risk_ratio", JsonNumber.of(BigDecimal.valueOf(account.riskRatioE8(), 8)))
                .put("market_value", money(0));
    }

    JsonObject position(String user, Position position) {
        Instrument instrument = position.instrument();
        InstrumentSpec spec = instrument.spec();
        long longToday = position.volumeLongToday();
        long longHis = position.volumeLongHis();
        long shortToday = position.volumeShortToday();
        long shortHis = position.volumeShortHis();
        long longVolume = longToday + longHis;
        long shortVolume = shortToday + shortHis;
        return new JsonObject()
                .put("user_id", user)
                .put("exchange_id", exchangeOf(spec.instrumentId()))
                .put("instrument_id", codeOf(spec.instrumentId()))
                .put("pos_long_today", longToday)
                .put("pos_long_his", longHis)
                .put("pos_short_today", shortToday)
                .put("pos_short_his", shortHis)
                .put("volume_long_today", longToday)
                .put("volume_long_his", longHis)
                .put("volume_long", longVolume)
                .put("volume_long_frozen_today", position.volumeLongFrozenToday())
                .put("volume_long_frozen_his", position.volumeLongFrozenHis())
                .put("volume_long_frozen", position.volumeLongFrozenToday() + position.volumeLongFrozenHis())
                .put("volume_short_today", shortToday)
                .put("volume_short_his", shortHis)
                .put("volume_short", shortVolume)
                .put("volume_short_frozen_today", position.volumeShortFrozenToday())
                .put("volume_short_frozen_his", position.volumeShortFrozenHis())
                .put("volume_short_frozen", position.volumeShortFrozenToday() + position.volumeShortFrozenHis())
                .put("open_price_long", averagePrice(spec, position.openCostLong(), longVolume))
                .put("open_price_short", averagePrice(spec, position.openCostShort(), shortVolume))
                .put("open_cost_long", money(position.openCostLong()))
                .put("open_cost_short", money(position.openCostShort()))
                .put("position_price_long", averagePrice(spec, position.positionCostLong(), longVolume))
                .put("position_price_short", averagePrice(spec, position.positionCostShort(), shortVolume))
                .put("position_cost_long", money(position.positionCostLong()))
                .put("position_cost_short", money(position.positionCostShort()))
                .put("float_profit_long", money(position.floatProfitLong()))
                .put("float_profit_short", money(position.floatProfitShort()))
                .put("float_profit", money(position.floatProfitLong() + position.floatProfitShort()))
                .put("position_profit_long", money(position.positionProfitLong()))
                .put("position_profit_short", money(position.positionProfitShort()))
                .put("position_profit", money(position.positionProfitLong() + position.positionProfitShort()))
                .put("margin_long", money(position.marginLong()))
                .put("margin_short", money(position.marginShort()))
                .put("margin", money(position.marginLong() + position.marginShort()))
                .put("last_price", price(spec, position.lastPriceTicks()));
    }

    /**
     * @param order        the order record
     * @param instrument   its instrument, or {@code null} if the order named an unknown one
     * @param frozenMargin what the accounts freeze for the order now (0 once it is finished), minor units
     */
    JsonObject order(OrderRecord order, Instrument instrument, long frozenMargin) {
        String symbol = order.instrumentId() == null ? "" : order.instrumentId();
        boolean market = order.type() == OrderType.MARKET;
        TimeInForce tif = order.timeInForce();
        return new JsonObject()
                .put("user_id", order.user())
                .put("order_id", order.clientOrderId())
                .put("exchange_order_id", order.orderId() == 0 ? "" : Long.toString(order.orderId()))
                .put("exchange_id", exchangeOf(symbol))
                .put("instrument_id", codeOf(symbol))
                .put("direction", order.side() == null ? "" : order.side().name())
                .put("offset", order.offset() == null ? "" : order.offset().name())
                .put("volume_orign", order.volume())
                .put("volume_left", order.volumeLeft())
                .put("price_type", market ? "ANY" : "LIMIT")
                .put("limit_price", market || instrument == null ? JsonString.NOT_A_NUMBER
                        : price(instrument.spec(), order.priceTicks()))
                .put("time_condition", tif == null ? "" : tif == TimeInForce.FOK ? "IOC" : tif.name())
                .put("volume_condition", tif == TimeInForce.FOK ? "ALL" : "ANY")
                .put("insert_date_time", order.insertTimeNs())
                .put("frozen_margin", money(frozenMargin))
                .put("status", order.alive() ? "ALIVE" : "FINISHED")
                .put("last_msg", order.lastMessage());
    }

    JsonObject trade(TradeRecord trade, InstrumentSpec spec) {
        return new JsonObject()
                .put("user_id", trade.user())
                .put("trade_id", tradeKey(trade))
                .put("order_id", trade.clientOrderId())
                .put("exchange_trade_id", Long.toString(trade.tradeId()))
                .put("exchange_order_id", Long.toString(trade.orderId()))
                .put("exchange_id", exchangeOf(trade.instrumentId()))
                .put("instrument_id", codeOf(trade.instrumentId()))
                .put("direction", trade.side().name())
                .put("offset", trade.offset().name())
                .put("price", price(spec, trade.priceTicks()))
                .put("volume", trade.volume())
                .put("commission", money(trade.commission()))
                .put("trade_date_time", trade.timeNs());
    }

    /**
     * The notify carrying a daily statement, as a trading front sends it to a client after settlement and login:
     * {@code type: SETTLEMENT}, level INFO, code 0, the statement as text in {@code content}.
     *
     * @param statement the statement
     * @param specs     instruments by id, for settlement prices (an instrument missing shows its price in ticks)
     */
    JsonObject settlement(AccountStatement statement, Map<String, InstrumentSpec> specs) {
        StringBuilder text = new StringBuilder("settlement statement of trading day ").append(statement.tradingDay())
                .append(" for ").append(statement.userName())
                .append(": pre_balance ").append(money(statement.preBalance()))
                .append(", deposit ").append(money(statement.deposit()))
                .append(", withdraw ").append(money(statement.withdraw()))
                .append(", close_profit ").append(money(statement.closeProfit()))
                .append(", position_profit ").append(money(statement.positionProfit()))
                .append(", commission ").append(money(statement.commission()))
                .append(", balance ").append(money(statement.balance()))
                .append(", margin ").append(money(statement.margin()))
                .append(", available ").append(money(statement.available()));
        for (PositionStatement position : statement.positions()) {
            InstrumentSpec spec = specs.get(position.instrumentId());
            text.append("; ").append(position.instrumentId())
                    .append(" long ").append(position.volumeLong())
                    .append(" short ").append(position.volumeShort())
                    .append(" settled at ").append(spec == null ? position.settlementPriceTicks() + " ticks"
                            : price(spec, position.settlementPriceTicks()).toString().replace("\"", ""));
        }
        return new JsonObject().put("type", "SETTLEMENT").put("level", "INFO").put("code", 0)
                .put("content", text.toString());
    }

    static String tradeKey(TradeRecord trade) {
        return trade.clientOrderId() + '|' + trade.tradeId();
    }

    JsonValue money(long minor) {
        return JsonNumber.of(BigDecimal.valueOf(minor, moneyScale));
    }

    /**
     * @param spec       the instrument
     * @param priceTicks a price in ticks; {@code <= 0} or {@link Long#MAX_VALUE} mean "none"
     * @return the exact decimal, or {@code "-"}
     */
    static JsonValue price(InstrumentSpec spec, long priceTicks) {
        if (priceTicks <= 0 || priceTicks == Long.MAX_VALUE) {
            return JsonString.NOT_A_NUMBER;
        }
        return JsonNumber.of(BigDecimal.valueOf(Math.multiplyExact(priceTicks, spec.tickSize()), spec.priceScale()));
    }

    /** An average price from a money cost: {@code cost / (volume * volumeMultiple)}, or {@code "-"} when flat. */
    private JsonValue averagePrice(InstrumentSpec spec, long costMinor, long volume) {
        if (volume <= 0) {
            return JsonString.NOT_A_NUMBER;
        }
        BigDecimal cost = BigDecimal.valueOf(costMinor, moneyScale);
        BigDecimal average = cost.divide(BigDecimal.valueOf(volume).multiply(
                BigDecimal.valueOf(spec.volumeMultiple())), spec.priceScale() + 4, RoundingMode.HALF_EVEN);
        average = average.stripTrailingZeros();
        return JsonNumber.of(average.scale() < 0 ? average.setScale(0) : average);
    }

    static String exchangeOf(String symbol) {
        int dot = symbol.indexOf('.');
        return dot < 0 ? "" : symbol.substring(0, dot);
    }

    static String codeOf(String symbol) {
        int dot = symbol.indexOf('.');
        return dot < 0 ? symbol : symbol.substring(dot + 1);
    }
}
