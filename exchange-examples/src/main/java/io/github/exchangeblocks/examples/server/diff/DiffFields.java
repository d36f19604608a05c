package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.Rounding;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.instrument.FixedPoint;
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
 * {@code "-"}. Holds only the money scale and the {@link SharedTexts} of its members; engine thread (it reads live
 * engine objects).
 */
final class DiffFields {
    static final String CURRENCY = "CNY";
    private final int moneyScale;
    private final SharedTexts texts = new SharedTexts();

    DiffFields(int moneyScale) {
        this.moneyScale = moneyScale;
    }

    /** Members of an account that {@link #account} tracks in its {@link PublishedValues}. */
    static final int ACCOUNT_MEMBERS = 14;
    /** Members of a position that {@link #position} tracks. */
    static final int POSITION_MEMBERS = 26;
    /** Members of an order that {@link #order} tracks. */
    static final int ORDER_MEMBERS = 7;
    /** Members of a whole account, position, order and trade object. */
    static final int ACCOUNT_SIZE = 19;
    static final int POSITION_SIZE = 37;
    static final int ORDER_SIZE = 17;
    private static final int TRADE_SIZE = 13;

    /**
     * Writes the account's members that changed since {@code sent} last saw them (all of them the first time).
     *
     * @param into the object to write into (the account's entry in this batch's patch)
     */
    void account(AccountView account, PublishedValues sent, JsonObject into) {
        if (sent.isNew()) {
            into.put("user_id", texts.of(account.userName()))
                    .put("currency", texts.of(CURRENCY))
                    .put("premium", money(0))
                    .put("frozen_premium", money(0))
                    .put("market_value", money(0));
        }
        money(into, sent, 0, "pre_balance", account.preBalance());
        money(into, sent, 1, "deposit", account.deposit());
        money(into, sent, 2, "withdraw", account.withdraw());
        money(into, sent, 3, "static_balance", account.staticBalance());
        money(into, sent, 4, "close_profit", account.closeProfit());
        money(into, sent, 5, "commission", account.commission());
        money(into, sent, 6, "position_profit", account.positionProfit());
        money(into, sent, 7, "float_profit", account.floatProfit());
        money(into, sent, 8, "balance", account.balance());
        money(into, sent, 9, "margin", account.margin());
        money(into, sent, 10, "frozen_margin", account.frozenMargin());
        money(into, sent, 11, "frozen_commission", account.frozenCommission());
        money(into, sent, 12, "available", account.available());
        if (sent.changed(13, account.riskRatioE8())) {
            into.put("risk_ratio", JsonNumber.ofUnscaled(account.riskRatioE8(), 8));
        }
    }

    /**
     * Writes the position's members that changed since {@code sent} last saw them (all of them the first time).
     *
     * @param into the object to write into (the position's entry in this batch's patch)
     */
    void position(String user, Position position, PublishedValues sent, JsonObject into) {
        InstrumentSpec spec = position.instrument().spec();
        if (sent.isNew()) {
            into.put("user_id", texts.of(user))
                    .put("exchange_id", texts.exchangeOf(spec.instrumentId()))
                    .put("instrument_id", texts.codeOf(spec.instrumentId()));
        }
        long longToday = position.volumeLongToday();
        long longHis = position.volumeLongHis();
        long shortToday = position.volumeShortToday();
        long shortHis = position.volumeShortHis();
        long longVolume = longToday + longHis;
        long shortVolume = shortToday + shortHis;
        if (sent.changed(0, longToday)) {
            into.put("pos_long_today", longToday).put("volume_long_today", longToday);
        }
        if (sent.changed(1, longHis)) {
            into.put("pos_long_his", longHis).put("volume_long_his", longHis);
        }
        if (sent.changed(2, shortToday)) {
            into.put("pos_short_today", shortToday).put("volume_short_today", shortToday);
        }
        if (sent.changed(3, shortHis)) {
            into.put("pos_short_his", shortHis).put("volume_short_his", shortHis);
        }
        boolean longMoved = sent.changed(4, longVolume);
        boolean shortMoved = sent.changed(5, shortVolume);
        if (longMoved) {
            into.put("volume_long", longVolume);
        }
        if (shortMoved) {
            into.put("volume_short", shortVolume);
        }
        count(into, sent, 6, "volume_long_frozen_today", position.volumeLongFrozenToday());
        count(into, sent, 7, "volume_long_frozen_his", position.volumeLongFrozenHis());
        count(into, sent, 8, "volume_long_frozen", position.volumeLongFrozenToday() + position.volumeLongFrozenHis());
        count(into, sent, 9, "volume_short_frozen_today", position.volumeShortFrozenToday());
        count(into, sent, 10, "volume_short_frozen_his", position.volumeShortFrozenHis());
        count(into, sent, 11, "volume_short_frozen",
                position.volumeShortFrozenToday() + position.volumeShortFrozenHis());
        cost(into, sent, 12, "open_price_long", "open_cost_long", spec, position.openCostLong(), longVolume,
                longMoved);
        cost(into, sent, 13, "open_price_short", "open_cost_short", spec, position.openCostShort(), shortVolume,
                shortMoved);
        cost(into, sent, 14, "position_price_long", "position_cost_long", spec, position.positionCostLong(),
                longVolume, longMoved);
        cost(into, sent, 15, "position_price_short", "position_cost_short", spec, position.positionCostShort(),
                shortVolume, shortMoved);
        money(into, sent, 16, "float_profit_long", position.floatProfitLong());
        money(into, sent, 17, "float_profit_short", position.floatProfitShort());
        money(into, sent, 18, "float_profit", position.floatProfitLong() + position.floatProfitShort());
        money(into, sent, 19, "position_profit_long", position.positionProfitLong());
        money(into, sent, 20, "position_profit_short", position.positionProfitShort());
        money(into, sent, 21, "position_profit", position.positionProfitLong() + position.positionProfitShort());
        money(into, sent, 22, "margin_long", position.marginLong());
        money(into, sent, 23, "margin_short", position.marginShort());
        money(into, sent, 24, "margin", position.marginLong() + position.marginShort());
        if (sent.changed(25, position.lastPriceTicks())) {
            into.put("last_price", price(spec, position.lastPriceTicks()));
        }
    }
    /**
     * Writes the order's members that changed since {@code sent} last saw them (all of them the first time, or
     * always when {@code sent} is {@code null}).
     *
     * @param instrument   its instrument, or {@code null} if the order named an unknown one
     * @param frozenMargin what the accounts freeze for the order now (0 once it is finished), minor units
     * @param sent         what was published of the order, or {@code null} to write every member
     * @param into         the object to write into (the order's entry in this batch's patch)
     */
    void order(OrderRecord order, Instrument instrument, long frozenMargin, PublishedValues sent, JsonObject into) {
        PublishedValues seen = sent == null ? new PublishedValues(ORDER_MEMBERS) : sent;
        if (seen.isNew()) {
            String symbol = order.instrumentId() == null ? "" : order.instrumentId();
            TimeInForce tif = order.timeInForce();
            // An order naming an unknown instrument was refused: its free text is not shared.
            into.put("user_id", texts.of(order.user()))
                    .put("order_id", order.clientOrderId())
                    .put("exchange_id", instrument == null ? new JsonString(exchangeOf(symbol))
                            : texts.exchangeOf(symbol))
                    .put("instrument_id", instrument == null ? new JsonString(codeOf(symbol)) : texts.codeOf(symbol))
                    .put("direction", texts.of(order.side() == null ? "" : order.side().name()))
                    .put("volume_orign", order.volume())
                    .put("price_type", texts.of(order.type() == OrderType.MARKET ? "ANY" : "LIMIT"))
                    .put("time_condition", texts.of(tif == null ? "" : tif == TimeInForce.FOK ? "IOC" : tif.name()))
                    .put("volume_condition", texts.of(tif == TimeInForce.FOK ? "ALL" : "ANY"))
                    .put("insert_date_time", order.insertTimeNs());
        }
        if (seen.changed(0, order.orderId())) {
            into.put("exchange_order_id", order.orderId() == 0 ? "" : Long.toString(order.orderId()));
        }
        if (seen.changed(1, order.offset() == null ? -1 : order.offset().ordinal())) {
            into.put("offset", texts.of(order.offset() == null ? "" : order.offset().name()));
        }
        count(into, seen, 2, "volume_left", order.volumeLeft());
        if (seen.changed(3, order.priceTicks())) {
            into.put("limit_price", order.type() == OrderType.MARKET || instrument == null
                    ? JsonString.NOT_A_NUMBER : price(instrument.spec(), order.priceTicks()));
        }
        money(into, seen, 4, "frozen_margin", frozenMargin);
        if (seen.changed(5, order.alive() ? 1 : 0)) {
            into.put("status", texts.of(order.alive() ? "ALIVE" : "FINISHED"));
        }
        if (seen.changed(6, order.lastMessage())) {
            into.put("last_msg", order.lastMessage());
        }
    }

    /**
     * @param key the trade's key ({@link #tradeKey})
     */
    JsonObject trade(TradeRecord trade, String key, InstrumentSpec spec) {
        return new JsonObject(TRADE_SIZE)
                .put("user_id", texts.of(trade.user()))
                .put("trade_id", key)
                .put("order_id", trade.clientOrderId())
                .put("exchange_trade_id", Long.toString(trade.tradeId()))
                .put("exchange_order_id", Long.toString(trade.orderId()))
                .put("exchange_id", texts.exchangeOf(trade.instrumentId()))
                .put("instrument_id", texts.codeOf(trade.instrumentId()))
                .put("direction", texts.of(trade.side().name()))
                .put("offset", texts.of(trade.offset().name()))
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

    private void money(JsonObject into, PublishedValues sent, int member, String key, long minor) {
        if (sent.changed(member, minor)) {
            into.put(key, money(minor));
        }
    }

    private static void count(JsonObject into, PublishedValues sent, int member, String key, long value) {
        if (sent.changed(member, value)) {
            into.put(key, value);
        }
    }

    /** A money cost and the average price derived from it and a volume (which {@code volumeMoved} says changed). */
    private void cost(JsonObject into, PublishedValues sent, int member, String priceKey, String costKey,
                      InstrumentSpec spec, long costMinor, long volume, boolean volumeMoved) {
        boolean costMoved = sent.changed(member, costMinor);
        if (costMoved || volumeMoved) {
            into.put(priceKey, averagePrice(spec, costMinor, volume));
        }
        if (costMoved) {
            into.put(costKey, money(costMinor));
        }
    }

    static String tradeKey(TradeRecord trade) {
        return trade.clientOrderId() + '|' + trade.tradeId();
    }

    JsonValue money(long minor) {
        return JsonNumber.ofUnscaled(minor, moneyScale);
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
        return JsonNumber.ofUnscaled(Math.multiplyExact(priceTicks, spec.tickSize()), spec.priceScale());
    }

    /** An average price from a money cost: {@code cost / (volume * volumeMultiple)}, or {@code "-"} when flat. */
    private JsonValue averagePrice(InstrumentSpec spec, long costMinor, long volume) {
        return volume <= 0 ? JsonString.NOT_A_NUMBER : averagePrice(spec, moneyScale, costMinor, volume);
    }

    /**
     * {@code cost / (volume * volumeMultiple)} at four places finer than the price, rounded half-even, trailing zeros
     * stripped (the {@code BigDecimal} computation, without one unless the figures leave a {@code long}).
     *
     * @param moneyScale decimal places of {@code costMinor}
     * @param volume     lots, {@code > 0}
     */
    static JsonNumber averagePrice(InstrumentSpec spec, int moneyScale, long costMinor, long volume) {
        int scale = spec.priceScale() + 4;
        long unscaled;
        try {
            long shift = powerOfTen(Math.abs(scale - moneyScale));
            long divisor = Math.multiplyExact(volume, spec.volumeMultiple());
            unscaled = scale >= moneyScale
                    ? FixedPoint.mulDiv(costMinor, shift, divisor, Rounding.HALF_EVEN)
                    : FixedPoint.mulDiv(costMinor, 1, Math.multiplyExact(divisor, shift), Rounding.HALF_EVEN);
        } catch (ArithmeticException outOfRange) {
            // A negative cost, or figures past a long.
            unscaled = -1;
        }
        if (unscaled < 0 || scale > JsonNumber.MAX_COMPACT_SCALE) {
            BigDecimal average = BigDecimal.valueOf(costMinor, moneyScale).divide(BigDecimal.valueOf(volume)
                    .multiply(BigDecimal.valueOf(spec.volumeMultiple())), scale, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            return JsonNumber.of(average.scale() < 0 ? average.setScale(0) : average);
        }
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return JsonNumber.ofUnscaled(unscaled, scale);
    }

    /** @throws ArithmeticException if {@code 10^exponent} does not fit a {@code long} */
    private static long powerOfTen(int exponent) {
        long power = 1;
        for (int i = 0; i < exponent; i++) {
            power = Math.multiplyExact(power, 10L);
        }
        return power;
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
