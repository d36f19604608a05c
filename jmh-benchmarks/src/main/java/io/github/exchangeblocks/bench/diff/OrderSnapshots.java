package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonWriter;
import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.math.BigDecimal;

/** Builds the benchmark documents: a user's trade snapshot with N orders and a typical ~10-field patch. */
final class OrderSnapshots {
    private OrderSnapshots() {
    }

    static JsonObject snapshot(int orders) {
        JsonObject orderMap = new JsonObject();
        for (int i = 0; i < orders; i++) {
            orderMap.put("order" + i, new JsonObject()
                    .put("user_id", "user123").put("order_id", "order" + i).put("exchange_id", "SHFE")
                    .put("instrument_id", "cu2512").put("direction", i % 2 == 0 ? "BUY" : "SELL")
                    .put("offset", "OPEN").put("volume_orign", 10).put("price_type", "LIMIT")
                    .put("limit_price", JsonNumber.of(BigDecimal.valueOf(7_500_000 + i, 2)))
                    .put("time_condition", "GFD").put("volume_condition", "ANY")
                    .put("insert_date_time", 1_759_714_200_000_000_000L + i).put("status", "ALIVE")
                    .put("volume_left", 10).put("last_msg", ""));
        }
        JsonObject account = new JsonObject().put("balance", JsonNumber.of(new BigDecimal("1000000.00")))
                .put("available", JsonNumber.of(new BigDecimal("900000.00")))
                .put("margin", JsonNumber.of(new BigDecimal("100000.00")))
                .put("float_profit", JsonNumber.of(new BigDecimal("0.00")))
                .put("position_profit", JsonNumber.of(new BigDecimal("0.00")))
                .put("risk_ratio", JsonNumber.of(new BigDecimal("0.1")));
        JsonObject user = new JsonObject().put("accounts", new JsonObject().put("CNY", account))
                .put("orders", orderMap);
        return new JsonObject().put("trade", new JsonObject().put("user123", user));
    }

    /** A fill: an order's status/volume and the account's money fields; {@code variant} changes the values. */
    static JsonObject fillPatch(int orderIndex, int variant) {
        JsonObject order = new JsonObject().put("status", variant % 2 == 0 ? "FINISHED" : "ALIVE")
                .put("volume_left", variant % 2 == 0 ? 0 : 10).put("last_msg", variant % 2 == 0 ? "filled" : "");
        JsonObject account = new JsonObject()
                .put("balance", JsonNumber.of(BigDecimal.valueOf(100_000_000 - variant, 2)))
                .put("available", JsonNumber.of(BigDecimal.valueOf(90_000_000 - variant, 2)))
                .put("margin", JsonNumber.of(BigDecimal.valueOf(10_000_000 + variant, 2)))
                .put("float_profit", JsonNumber.of(BigDecimal.valueOf(-variant, 2)))
                .put("position_profit", JsonNumber.of(BigDecimal.valueOf(-variant, 2)))
                .put("risk_ratio", JsonNumber.of(BigDecimal.valueOf(1000 + variant, 4)));
        JsonObject user = new JsonObject().put("orders", new JsonObject().put("order" + orderIndex, order))
                .put("accounts", new JsonObject().put("CNY", account));
        return new JsonObject().put("trade", new JsonObject().put("user123", user));
    }

    static jakarta.json.JsonValue toJakarta(JsonObject value) {
        try (JsonReader reader = Json.createReader(new StringReader(JsonWriter.toJson(value)))) {
            return reader.readValue();
        }
    }
}
