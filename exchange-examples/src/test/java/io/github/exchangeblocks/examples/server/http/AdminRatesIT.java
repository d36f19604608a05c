package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's rate update ({@code PATCH /api/admin/instruments/{id}}) and the readable limits (an instrument's
 * price band, pending margin rates and risk limits; {@code GET /api/admin/risk/limits}) over real HTTP: success
 * with hand-checked copper figures (one lot at 70,000 is 350,000.00 of notional), every validation error changing
 * nothing, no token (401) and a user's token (403).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AdminRatesIT {
    private static final String CU = "SHFE.cu2512";
    private static final String PATH = "/api/admin/instruments/" + CU;

    @TempDir
    Path dir;

    private ExchangeServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private ApiTestClient start() throws InterruptedException {
        ServerConfig config = ApiTestClient.serverConfig(dir);
        server = ExchangeServer.builder(config).core(Defaults.config(dir)).httpApi(HttpApiConfig.defaults()).start();
        return new ApiTestClient(server);
    }

    private long stateHash() {
        long[] hash = new long[1];
        server.core().await(state -> hash[0] = state.stateHash(), 10_000);
        return hash[0];
    }

    private static String order(String id, String direction, int price) {
        return "{\"order_id\":\"" + id + "\",\"instrument_id\":\"" + CU + "\",\"direction\":\"" + direction
                + "\",\"offset\":\"OPEN\",\"price_type\":\"LIMIT\",\"limit_price\":" + price + ",\"volume\":1}";
    }

    @Test
    void shouldChargeNewCommissionAtOnceAndRemarginPositionsAtTheNextSettlement() throws Exception {
        ApiTestClient api = start();
        String admin = api.login("admin", "admin123");
        String alice = api.login("alice", "alice123");
        String bob = api.login("bob", "bob123");
        api.ok("POST", "/api/orders", alice, order("a1", "BUY", 70_000));
        assertThat(api.ok("GET", "/api/account", alice, null).get("frozen_margin").decimalValue())
                .isEqualByComparingTo("35000.00");

        JsonNode updated = api.ok("PATCH", PATH, admin, "{\"long_margin_rate\":0.2,\"short_margin_rate\":\"0.15\","
                + "\"open_commission\":{\"per_lot\":\"10.00\"}}");
        assertThat(updated.get("long_margin_rate").decimalValue()).as("in force until the settlement")
                .isEqualByComparingTo("0.1");
        assertThat(updated.get("pending_margin_rates").get("long_margin_rate").decimalValue())
                .isEqualByComparingTo("0.2");
        assertThat(updated.get("pending_margin_rates").get("short_margin_rate").decimalValue())
                .isEqualByComparingTo("0.15");
        assertThat(updated.get("pending_margin_rates").get("effective").asText()).isEqualTo("next settlement");
        assertThat(updated.get("open_commission").get("per_lot").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(updated.get("close_commission").get("per_lot").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(updated.get("rates_revision").asInt()).isEqualTo(1);
        assertThat(api.ok("GET", PATH, admin, null)).isEqualTo(updated);

        // The order placed before the change fills after it: it pays the new commission, margin at the old rate.
        api.ok("POST", "/api/orders", bob, order("b1", "SELL", 70_000));
        JsonNode account = api.ok("GET", "/api/account", alice, null);
        assertThat(account.get("commission").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(account.get("margin").decimalValue()).isEqualByComparingTo("35000.00");
        assertThat(account.get("frozen_margin").decimalValue()).isZero();
        assertThat(api.ok("GET", "/api/account", bob, null).get("margin").decimalValue())
                .isEqualByComparingTo("35000.00");

        api.ok("POST", "/api/admin/settlement/prices", admin, "{\"instrument_id\":\"" + CU + "\",\"price\":70000}");
        api.ok("POST", "/api/admin/settlement/execute", admin, "{\"next_trading_day\":20261208}");
        assertThat(api.ok("GET", "/api/account", alice, null).get("margin").decimalValue())
                .as("20% of 350,000.00").isEqualByComparingTo("70000.00");
        assertThat(api.ok("GET", "/api/account", bob, null).get("margin").decimalValue())
                .as("15% of 350,000.00").isEqualByComparingTo("52500.00");
        JsonNode after = api.ok("GET", PATH, admin, null);
        assertThat(after.get("long_margin_rate").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(after.get("short_margin_rate").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(after.get("pending_margin_rates").isNull()).isTrue();
        JsonNode statements = api.ok("GET", "/api/admin/settlement/results/20261207", admin, null)
                .get("statements");
        java.math.BigDecimal settledMargin = java.math.BigDecimal.ZERO;
        for (JsonNode statement : statements) {
            settledMargin = settledMargin.add(statement.get("margin").decimalValue());
        }
        assertThat(settledMargin).as("the day's statements carry the new margins").isEqualByComparingTo("122500.00");

        JsonNode commissionOnly = api.ok("PATCH", PATH, admin,
                "{\"close_today_commission\":{\"rate\":0.0001}}");
        assertThat(commissionOnly.get("close_today_commission").get("rate").decimalValue())
                .isEqualByComparingTo("0.0001");
        assertThat(commissionOnly.get("close_today_commission").get("per_lot").decimalValue()).isZero();
        assertThat(commissionOnly.get("pending_margin_rates").isNull()).isTrue();
        assertThat(commissionOnly.get("rates_revision").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRefuseEveryBadRateUpdateWithTheFieldAndTheRuleAndChangeNothing() throws Exception {
        ApiTestClient api = start();
        String admin = api.login("admin", "admin123");
        String alice = api.login("alice", "alice123");
        api.ok("DELETE", "/api/admin/instruments/BINANCE.BTCUSDT", admin, null);
        // method, path, token, body, status, code, a word the message must contain
        Object[][] cases = {
            {PATH, admin, "{}", 400, "INVALID_FIELD", "at least one of long_margin_rate"},
            {PATH, admin, "{\"volume\":1}", 400, "INVALID_FIELD", "at least one of"},
            {PATH, admin, "{\"long_margin_rate\":1.5}", 400, "INVALID_FIELD", "long_margin_rate=1.5 must be a rate"},
            {PATH, admin, "{\"short_margin_rate\":-0.1}", 400, "INVALID_FIELD", "short_margin_rate"},
            {PATH, admin, "{\"short_margin_rate\":0.123456789}", 400, "INVALID_FIELD", "8 decimal places"},
            {PATH, admin, "{\"long_margin_rate\":\"abc\"}", 400, "INVALID_FIELD", "long_margin_rate"},
            {PATH, admin, "{\"long_margin_rate\":1e999999999}", 400, "INVALID_FIELD", "long_margin_rate"},
            {PATH, admin, "{\"open_commission\":5}", 400, "INVALID_FIELD", "open_commission"},
            {PATH, admin, "{\"open_commission\":{\"per_lot\":-1}}", 400, "INVALID_FIELD", "open_commission.per_lot"},
            {PATH, admin, "{\"close_commission\":{\"per_lot\":\"1.001\"}}", 400, "INVALID_FIELD",
                "close_commission.per_lot"},
            {PATH, admin, "{\"close_today_commission\":{\"rate\":2}}", 400, "INVALID_FIELD",
                "close_today_commission.rate"},
            {PATH, admin, "{\"open_commission\":{\"per_lot\":\"20000000\"}}", 400, "INVALID_INSTRUMENT_SPEC",
                "openCommission.perLotMinor=2000000000 must be in 0..10^9"},
            {PATH, admin, "{\"long_margin_rate\":0.1", 400, "MALFORMED_JSON", "JSON"},
            {"/api/admin/instruments/NOPE.x1", admin, "{\"long_margin_rate\":0.1}", 404, "NOT_FOUND",
                "instrument_id"},
            {"/api/admin/instruments/BINANCE.BTCUSDT", admin, "{\"long_margin_rate\":0.1}", 409,
                "INSTRUMENT_NOT_TRADABLE", "delisted"},
            {PATH, null, "{\"long_margin_rate\":0.2}", 401, "UNAUTHORIZED", "Authorization"},
            {PATH, "forged.token", "{\"long_margin_rate\":0.2}", 401, "UNAUTHORIZED", "token"},
            {PATH, alice, "{\"long_margin_rate\":0.2}", 403, "FORBIDDEN", "admin"},
        };
        for (Object[] c : cases) {
            long before = stateHash();
            ApiTestClient.Reply reply = api.call("PATCH", (String) c[0], (String) c[1], (String) c[2]);
            String what = "PATCH " + c[0] + " " + c[2] + " -> " + reply.body();
            assertThat(reply.status()).as(what).isEqualTo(c[3]);
            assertThat(reply.code()).as(what).isEqualTo(c[4]);
            assertThat(reply.body().get("message").asText()).as(what).contains((String) c[5]);
            assertThat(stateHash()).as(what + " changed the state").isEqualTo(before);
        }
        JsonNode copper = api.ok("GET", PATH, admin, null);
        assertThat(copper.get("rates_revision").asInt()).isZero();
        JsonNode patch = api.ok("GET", "/openapi.json", null, null)
                .at("/paths/~1api~1admin~1instruments~1{instrument_id}/patch");
        JsonNode body = patch.at("/requestBody/content/application~1json/schema");
        assertThat(body.get("properties").fieldNames()).toIterable().containsExactly("long_margin_rate",
                "short_margin_rate", "open_commission", "close_commission", "close_today_commission");
        assertThat(body.has("required")).as("a partial update: no field is required").isFalse();
        assertThat(patch.at("/responses/403").isMissingNode()).isFalse();
        assertThat(copper.get("long_margin_rate").decimalValue()).isEqualByComparingTo("0.1");
    }

    @Test
    void shouldShowThePriceBandAndTheRiskLimitsInForceToTheAdminOnly() throws Exception {
        ApiTestClient api = start();
        String admin = api.login("admin", "admin123");
        String alice = api.login("alice", "alice123");
        JsonNode fresh = api.ok("GET", PATH, admin, null);
        assertThat(fresh.get("price_band").get("lower").isNull()).as(fresh.toString()).isTrue();
        assertThat(fresh.get("price_band").get("upper").isNull()).isTrue();
        JsonNode risk = fresh.get("risk_limits");
        assertThat(risk.get("max_order_volume").asLong()).as("the instrument's 100 under the venue's 1,000")
                .isEqualTo(100);
        assertThat(risk.get("max_position_per_side").asLong()).isEqualTo(10_000);
        assertThat(risk.get("max_open_orders").asLong()).isEqualTo(1_000);

        api.ok("PUT", PATH, admin, "{\"lower_limit\":66000,\"upper_limit\":74000,\"reference_price\":70000}");
        JsonNode banded = api.ok("GET", PATH, admin, null);
        assertThat(banded.get("price_band").get("lower").decimalValue()).isEqualByComparingTo("66000");
        assertThat(banded.get("price_band").get("upper").decimalValue()).isEqualByComparingTo("74000");
        assertThat(banded.get("reference_price").decimalValue()).isEqualByComparingTo("70000");
        ApiTestClient.Reply outside = api.post("/api/orders", alice, order("x", "BUY", 74_010));
        assertThat(outside.code()).as("the band shown is the one enforced").contains("BAND");

        JsonNode limits = api.ok("GET", "/api/admin/risk/limits", admin, null);
        assertThat(limits.get("pre_trade_checks")).extracting(JsonNode::asText).containsExactly(
                "InstrumentTradableCheck", "OrderVolumeCheck", "PriceBandCheck", "ClosablePositionCheck",
                "MaxPositionCheck", "MaxOpenOrdersCheck", "FundsCheck");
        JsonNode copper = null;
        for (JsonNode item : limits.get("instruments")) {
            if (item.get("instrument_id").asText().equals(CU)) {
                copper = item;
            }
        }
        assertThat(copper).isNotNull();
        assertThat(copper.get("price_band")).isEqualTo(banded.get("price_band"));
        assertThat(copper.get("reference_price").decimalValue()).isEqualByComparingTo("70000");
        assertThat(copper.get("risk_limits")).isEqualTo(risk);

        for (String path : new String[] {PATH, "/api/admin/risk/limits"}) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
            ApiTestClient.Reply refused = api.get(path, alice);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
        }
    }
}
