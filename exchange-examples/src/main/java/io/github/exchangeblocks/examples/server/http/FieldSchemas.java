package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI schema of every body field and query parameter a route may declare, by name: one place, so a field
 * means the same everywhere, and a route declaring a field that is not described here fails the document's
 * generation (and the test that serves it).
 */
final class FieldSchemas {
    /** Body fields a request may leave out. */
    static final Set<String> OPTIONAL = Set.of("time_in_force", "limit_price", "limit_rate", "lower_limit",
            "upper_limit", "reference_price");

    private static final Map<String, ObjectNode> SCHEMAS = new TreeMap<>();

    static {
        text("user_name", "1..64 of [A-Za-z0-9_.-]");
        text("password", "1..256 characters (8.. when registering)");
        decimal("amount", "money, positive, at most the money unit's decimal places");
        text("order_id", "the user's order id, 1..64 characters, unique per day, not starting with liquidation-");
        text("instrument_id", "EXCHANGE.code of a listed instrument");
        enumeration("direction", Side.values());
        enumeration("offset", Offset.values());
        enumeration("price_type", OrderType.values());
        enumeration("time_in_force", TimeInForce.values()).put("default", "GFD");
        decimal("limit_price", "price on the instrument's tick; required for LIMIT");
        integer("volume", "lots, 1..1000000000");
        integer("price_scale", "decimal places of prices, 0..9");
        decimal("price_tick", "positive, at most price_scale decimal places");
        integer("volume_multiple", "contract size per lot, >= 1");
        integer("lot_size", "volumes must be multiples of it, >= 1");
        decimal("long_margin_rate", "0..1, at most 8 decimal places");
        decimal("short_margin_rate", "0..1, at most 8 decimal places");
        commission("open_commission");
        commission("close_commission");
        commission("close_today_commission");
        decimal("limit_rate", "daily limit width around the previous settlement, 0..1; 0 or absent: none");
        integer("max_order_volume", "largest order in lots, >= 1");
        enumeration("close_rule", CloseRule.values());
        decimal("lower_limit", "the book's lowest accepted price, with upper_limit");
        decimal("upper_limit", "the book's highest accepted price, with lower_limit");
        decimal("reference_price", "the book's reference price");
        enumeration("status", InstrumentStatus.values());
        enumeration("phase", TradingPhase.values());
        decimal("price", "settlement price on the instrument's tick");
        ObjectNode prices = schema("prices", "array", "1..1000 settlement prices, each instrument once");
        ObjectNode item = prices.putObject("items").put("type", "object");
        item.putArray("required").add("instrument_id").add("price");
        ObjectNode itemProperties = item.putObject("properties");
        itemProperties.set("instrument_id", SCHEMAS.get("instrument_id").deepCopy());
        itemProperties.set("price", SCHEMAS.get("price").deepCopy());
        integer("next_trading_day", "yyyymmdd, after the current trading day");
        integer("offset_query", "items to skip, >= 0");
        integer("limit", "items to return, 1..500 (trades of the market: 1..1000), default 100");
        integer("trading_day", "yyyymmdd");
        decimal("threshold", "risk ratio (margin / balance), 0..1000, default 0.8");
        integer("levels", "price levels per side, 1..200");
    }

    private FieldSchemas() {
    }

    /**
     * @param name a body field or query parameter
     * @return a copy of its schema
     * @throws IllegalStateException if the name is not described
     */
    static ObjectNode of(String name, boolean query) {
        ObjectNode schema = SCHEMAS.get(query && name.equals("offset") ? "offset_query" : name);
        if (schema == null) {
            throw new IllegalStateException("field " + name + " has no schema in FieldSchemas");
        }
        return schema.deepCopy();
    }

    private static ObjectNode schema(String name, String type, String description) {
        ObjectNode schema = Json.object().put("type", type).put("description", description);
        SCHEMAS.put(name, schema);
        return schema;
    }

    private static void text(String name, String description) {
        schema(name, "string", description);
    }

    private static void integer(String name, String description) {
        schema(name, "integer", description).put("format", "int64");
    }

    private static void decimal(String name, String description) {
        schema(name, "number", description + " (a JSON number or a decimal string)");
    }

    private static ObjectNode enumeration(String name, Enum<?>[] values) {
        ObjectNode schema = schema(name, "string", "one of the values");
        for (Enum<?> value : values) {
            schema.withArray("enum").add(value.name());
        }
        return schema;
    }

    private static void commission(String name) {
        ObjectNode schema = schema(name, "object", "per_lot money and/or rate of the notional; absent parts 0");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("per_lot").put("type", "number").put("description", "money per lot");
        properties.putObject("rate").put("type", "number").put("description", "0..1 of the notional");
    }
}
