package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;
import io.github.exchangeblocks.examples.server.OpenResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server on a free loopback port, its HTTP API driven with the JDK's {@code HttpClient}: authentication
 * and isolation between users, every user and admin endpoint's success, validation errors that change nothing, an
 * operator's session whose capital reconciles to the cent, 413, 429 and the OpenAPI document against the routes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HttpApiIT {
    private static final String CU = "SHFE.cu2512";

    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    private ExchangeServer start(HttpApiConfig api) throws InterruptedException {
        ServerConfig config = ApiTestClient.serverConfig(dir);
        ExchangeServer server = ExchangeServer.builder(config).core(Defaults.config(dir)).httpApi(api).start();
        open.add(server);
        return server;
    }

    private static long stateHash(ExchangeServer server) {
        long[] hash = new long[1];
        server.core().await(state -> hash[0] = state.stateHash(), 10_000);
        return hash[0];
    }

    private static String order(String id, String instrument, String direction, String offset, String price,
                                int volume) {
        return "{\"order_id\":\"" + id + "\",\"instrument_id\":\"" + instrument + "\",\"direction\":\"" + direction
                + "\",\"offset\":\"" + offset + "\",\"price_type\":\"LIMIT\",\"limit_price\":" + price
                + ",\"volume\":" + volume + "}";
    }

    @Test
    void shouldRefuseCallsWithoutTokenAcrossUsersAndAdminRoutesForUsers() throws Exception {
        ExchangeServer server = start(HttpApiConfig.defaults());
        ApiTestClient api = new ApiTestClient(server);
        ApiTestClient.Reply noToken = api.get("/api/account", null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("UNAUTHORIZED");
        assertThat(api.get("/api/account", "forged.token").status()).isEqualTo(401);
        ApiTestClient.Reply wrongPassword = api.post("/api/auth/login", null,
                "{\"user_name\":\"alice\",\"password\":\"nope\"}");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("LOGIN_FAILED");
        assertThat(api.post("/api/auth/login", null, "{\"user_name\":\"mallory\",\"password\":\"x\"}").status())
                .isEqualTo(401);

        String alice = api.login("alice", "alice123");
        String bob = api.login("bob", "bob123");
        assertThat(api.ok("GET", "/api/auth/whoami", alice, null).get("role").asText()).isEqualTo("user");
        api.ok("POST", "/api/orders", alice, order("a1", CU, "BUY", "OPEN", "60000", 1));
        long before = stateHash(server);

        ApiTestClient.Reply peek = api.get("/api/orders/a1", bob);
        ApiTestClient.Reply cancel = api.call("DELETE", "/api/orders/a1", bob, null);
        ApiTestClient.Reply amend = api.call("PUT", "/api/orders/a1", bob, "{\"limit_price\":61000,\"volume\":1}");
        assertThat(List.of(peek.status(), cancel.status(), amend.status())).containsOnly(404);
        assertThat(api.ok("GET", "/api/orders", bob, null).get("total").asInt()).isZero();
        assertThat(api.ok("GET", "/api/orders/a1", alice, null).get("status").asText()).isEqualTo("ALIVE");
        assertThat(stateHash(server)).isEqualTo(before);

        for (String path : List.of("/api/admin/instruments", "/api/admin/monitoring/capital",
                "/api/admin/risk/accounts", "/api/admin/market/statistics", "/api/admin/settlement/history")) {
            ApiTestClient.Reply refused = api.get(path, alice);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
        }
        ApiTestClient.Reply delist = api.call("DELETE", "/api/admin/instruments/" + CU, bob, null);
        assertThat(delist.status()).isEqualTo(403);
        assertThat(stateHash(server)).isEqualTo(before);
        String admin = api.login("admin", "admin123");
        assertThat(api.ok("GET", "/api/auth/whoami", admin, null).get("role").asText()).isEqualTo("admin");

        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/login", null, "{\"user_name\":\"bob\",\"password\":\"guess" + i
                    + "\"}").code()).isEqualTo("LOGIN_FAILED");
        }
        ApiTestClient.Reply locked = api.post("/api/auth/login", null,
                "{\"user_name\":\"bob\",\"password\":\"bob123\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("LOGIN_LOCKED");
        assertThat(api.get("/api/account", bob).status()).as("issued tokens stay valid").isEqualTo(200);
    }

    @Test
    void shouldServeTheUsersEndpoints() throws Exception {
        ExchangeServer server = start(HttpApiConfig.defaults());
        ApiTestClient api = new ApiTestClient(server);
        String alice = api.login("alice", "alice123");
        String bob = api.login("bob", "bob123");
        JsonNode account = api.ok("GET", "/api/account", alice, null);
        assertThat(account.get("balance").decimalValue()).isEqualByComparingTo("1000000.00");
        JsonNode deposited = api.ok("POST", "/api/account/deposit", alice, "{\"amount\":\"250.55\"}");
        assertThat(deposited.get("balance").decimalValue()).isEqualByComparingTo("1000250.55");
        JsonNode withdrawn = api.ok("POST", "/api/account/withdraw", alice, "{\"amount\":250.55}");
        assertThat(withdrawn.get("balance").decimalValue()).isEqualByComparingTo("1000000.00");
        assertThat(withdrawn.get("withdraw").decimalValue()).isEqualByComparingTo("250.55");

        JsonNode placed = api.ok("POST", "/api/orders", alice, order("buy-1", CU, "BUY", "OPEN", "70000", 2));
        assertThat(placed.get("status").asText()).isEqualTo("ALIVE");
        assertThat(placed.get("limit_price").decimalValue()).isEqualByComparingTo("70000");
        JsonNode amended = api.ok("PUT", "/api/orders/buy-1", alice, "{\"limit_price\":70010,\"volume\":2}");
        assertThat(amended.get("limit_price").decimalValue()).isEqualByComparingTo("70010");
        api.ok("POST", "/api/orders", alice, order("buy-2", CU, "BUY", "OPEN", "69000", 1));
        JsonNode cancelled = api.ok("DELETE", "/api/orders/buy-2", alice, null);
        assertThat(cancelled.get("status").asText()).isEqualTo("FINISHED");
        api.ok("POST", "/api/orders", bob, order("sell-1", CU, "SELL", "OPEN", "70010", 2));

        JsonNode filled = api.ok("GET", "/api/orders/buy-1", alice, null);
        assertThat(filled.get("status").asText()).isEqualTo("FINISHED");
        assertThat(filled.get("volume_left").asLong()).isZero();
        JsonNode page = api.ok("GET", "/api/orders?offset=1&limit=1", alice, null);
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("orders")).hasSize(1);
        assertThat(page.get("orders").get(0).get("order_id").asText()).isEqualTo("buy-2");
        JsonNode trades = api.ok("GET", "/api/trades?limit=10", alice, null);
        assertThat(trades.get("total").asInt()).isEqualTo(1);
        assertThat(trades.get("trades").get(0).get("price").decimalValue()).isEqualByComparingTo("70010");
        assertThat(trades.get("trades").get(0).get("commission").decimalValue()).isEqualByComparingTo("6.00");
        JsonNode positions = api.ok("GET", "/api/positions", alice, null).get("positions");
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).get("volume_long").asLong()).isEqualTo(2);
        assertThat(api.ok("GET", "/api/statements", alice, null).get("statements")).isEmpty();

        String admin = api.login("admin", "admin123");
        api.ok("POST", "/api/admin/settlement/execute", admin, "{\"next_trading_day\":20261208}");
        JsonNode statements = api.ok("GET", "/api/statements?trading_day=20261207", alice, null).get("statements");
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).get("user_id").asText()).isEqualTo("alice");
        assertThat(statements.get(0).get("positions").get(0).get("volume_long").asLong()).isEqualTo(2);
    }

    @Test
    void shouldAnswerBadInputWithTheFieldAndTheRuleAndChangeNothing() throws Exception {
        ExchangeServer server = start(HttpApiConfig.defaults());
        ApiTestClient api = new ApiTestClient(server);
        String alice = api.login("alice", "alice123");
        String admin = api.login("admin", "admin123");
        api.ok("POST", "/api/orders", alice, order("kept", CU, "BUY", "OPEN", "60000", 1));
        String spec = "{\"instrument_id\":\"" + CU + "\",\"price_scale\":0,\"price_tick\":10,"
                + "\"volume_multiple\":5,\"lot_size\":1,\"long_margin_rate\":0.1,\"short_margin_rate\":0.1,"
                + "\"open_commission\":{\"per_lot\":3},"
                + "\"close_commission\":{\"per_lot\":3},\"close_today_commission\":{\"per_lot\":3},"
                + "\"max_order_volume\":100,\"close_rule\":\"TODAY_EXPLICIT\"}";
        // method, path, token, body, status, code, a word the message must contain
        Object[][] cases = {
            {"POST", "/api/account/deposit", alice, "{}", 400, "INVALID_FIELD", "amount"},
            {"POST", "/api/account/deposit", alice, "{\"amount\":-5}", 400, "INVALID_FIELD", "amount"},
            {"POST", "/api/account/deposit", alice, "{\"amount\":\"1.001\"}", 400, "INVALID_FIELD", "decimal places"},
            {"POST", "/api/account/deposit", alice, "not json", 400, "MALFORMED_JSON", "JSON"},
            {"POST", "/api/account/deposit", alice, "[1]", 400, "INVALID_FIELD", "JSON object"},
            {"POST", "/api/account/deposit", alice, "{\"amount\":1,\"amount\":2}", 400, "MALFORMED_JSON", "amount"},
            {"POST", "/api/account/withdraw", alice, "{\"amount\":999999999}", 409, "INSUFFICIENT_AVAILABLE", "avail"},
            {"POST", "/api/account/withdraw", alice, "{\"amount\":0}", 400, "INVALID_FIELD", "amount"},
            {"POST", "/api/auth/login", null, "{\"user_name\":\"alice\"}", 400, "INVALID_FIELD", "password"},
            {"POST", "/api/auth/login", null, "{\"user_name\":7,\"password\":\"x\"}", 400, "INVALID_FIELD",
                "user_name"},
            {"GET", "/api/orders/unknown", alice, null, 404, "NOT_FOUND", "order_id"},
            {"POST", "/api/orders", alice, "{\"instrument_id\":\"" + CU + "\"}", 400, "INVALID_FIELD", "order_id"},
            {"POST", "/api/orders", alice, order("o1", "NOPE.x1", "BUY", "OPEN", "1", 1), 404, "NOT_FOUND",
                "instrument_id"},
            {"POST", "/api/orders", alice, order("o1", CU, "BUY", "OPEN", "70005", 1), 400, "INVALID_FIELD",
                "limit_price"},
            {"POST", "/api/orders", alice, order("o1", CU, "BUY", "OPEN", "70000", 0), 400, "INVALID_FIELD",
                "volume"},
            {"POST", "/api/orders", alice, order("o1", CU, "BUY", "OPEN", "1e999999999", 1), 400, "INVALID_FIELD",
                "limit_price"},
            {"POST", "/api/orders", alice, order("o1", CU, "BUY", "OPEN", "\"12x\"", 1), 400, "INVALID_FIELD",
                "limit_price"},
            {"POST", "/api/account/deposit", alice, "{\"amount\":1e999999999}", 400, "INVALID_FIELD", "amount"},
            {"POST", "/api/orders", alice, order("o1", CU, "BUY", "OPEN", "70000", 0).replace("\"volume\":0",
                "\"volume\":1e999999999"), 400, "INVALID_FIELD", "volume"},
            {"POST", "/api/orders", alice, order("o1", CU, "UP", "OPEN", "70000", 1), 400, "INVALID_FIELD",
                "direction"},
            {"POST", "/api/orders", alice, order("liquidation-1", CU, "BUY", "OPEN", "70000", 1), 400,
                "INVALID_FIELD", "order_id"},
            {"POST", "/api/orders", alice, order("kept", CU, "BUY", "OPEN", "60000", 1), 409,
                "EXCHANGE_DUPLICATE_CLIENT_ORDER_ID", "kept"},
            {"DELETE", "/api/orders/unknown", alice, null, 404, "UNKNOWN_ORDER", "unknown"},
            {"PUT", "/api/orders/unknown", alice, "{\"limit_price\":70000,\"volume\":1}", 404, "NOT_FOUND",
                "order_id"},
            {"PUT", "/api/orders/kept", alice, "{\"limit_price\":70003,\"volume\":1}", 400, "INVALID_FIELD",
                "limit_price"},
            {"GET", "/api/orders?limit=0", alice, null, 400, "INVALID_FIELD", "limit"},
            {"GET", "/api/trades?offset=-1", alice, null, 400, "INVALID_FIELD", "offset"},
            {"GET", "/api/statements?trading_day=abc", alice, null, 400, "INVALID_FIELD", "trading_day"},
            {"GET", "/api/statements?trading_day=20200101", alice, null, 404, "NOT_FOUND", "trading_day"},
            {"GET", "/api/nope", alice, null, 404, "NOT_FOUND", "path"},
            {"DELETE", "/api/account", alice, null, 405, "METHOD_NOT_ALLOWED", "method"},
            {"POST", "/api/admin/instruments", admin, spec, 409, "INSTRUMENT_EXISTS", CU},
            {"POST", "/api/admin/instruments", admin, spec.replace("\"price_tick\":10", "\"price_tick\":0"), 400,
                "INVALID_FIELD", "price_tick"},
            {"POST", "/api/admin/instruments", admin, spec.replace("0.1,\"short", "1.5,\"short"), 400,
                "INVALID_FIELD", "long_margin_rate"},
            {"POST", "/api/admin/instruments/" + CU + "/status", admin, "{\"status\":\"BOGUS\"}", 400,
                "INVALID_FIELD", "status"},
            {"POST", "/api/admin/instruments/" + CU + "/status", admin, "{\"status\":\"LISTED\"}", 409,
                "INVALID_STATUS_TRANSITION", "LISTED"},
            {"POST", "/api/admin/instruments/" + CU + "/phase", admin, "{\"phase\":\"CONTINUOUS\"}", 409,
                "BOOK_WRONG_PHASE", "phase"},
            {"DELETE", "/api/admin/instruments/" + CU, admin, null, 409, "INSTRUMENT_IN_USE", CU},
            {"GET", "/api/admin/instruments/NOPE.x1", admin, null, 404, "NOT_FOUND", "instrument_id"},
            {"POST", "/api/admin/instruments/" + CU + "/phase", admin, "{\"phase\":\"LUNCH\"}", 400,
                "INVALID_FIELD", "phase"},
            {"PUT", "/api/admin/instruments/" + CU, admin, "{}", 400, "INVALID_FIELD", "reference_price"},
            {"PUT", "/api/admin/instruments/" + CU, admin, "{\"lower_limit\":70000,\"upper_limit\":60000}", 400,
                "INVALID_FIELD", "lower_limit"},
            {"PUT", "/api/admin/instruments/NOPE.x1", admin, "{\"reference_price\":1}", 404, "NOT_FOUND",
                "instrument_id"},
            {"POST", "/api/admin/settlement/prices", admin, "{\"instrument_id\":\"" + CU + "\",\"price\":70001}",
                400, "INVALID_FIELD", "price"},
            {"POST", "/api/admin/settlement/prices/batch", admin, "{\"prices\":[{\"instrument_id\":\"" + CU
                + "\",\"price\":70000},{\"instrument_id\":\"NOPE.x1\",\"price\":1}]}", 404, "NOT_FOUND",
                "prices[1].instrument_id"},
            {"POST", "/api/admin/settlement/execute", admin, "{\"next_trading_day\":1}", 400, "INVALID_FIELD",
                "next_trading_day"},
            {"POST", "/api/admin/settlement/execute", admin, "{\"next_trading_day\":20200101}", 400,
                "VENUE_INVALID_TRADING_DAY", "20200101"},
            {"GET", "/api/admin/settlement/results/abc", admin, null, 400, "INVALID_FIELD", "trading_day"},
            {"GET", "/api/admin/settlement/results/20200101", admin, null, 404, "NOT_FOUND", "trading_day"},
            {"POST", "/api/admin/settlement/prices/batch", admin, "{\"prices\":[]}", 400, "INVALID_FIELD",
                "prices"},
            {"GET", "/api/admin/monitoring/accounts?limit=0", admin, null, 400, "INVALID_FIELD", "limit"},
            {"GET", "/api/admin/market/orderbook/NOPE.x1", admin, null, 404, "NOT_FOUND", "instrument_id"},
            {"GET", "/api/admin/market/orderbook/" + CU + "?levels=0", admin, null, 400, "INVALID_FIELD", "levels"},
            {"GET", "/api/admin/risk/accounts?threshold=abc", admin, null, 400, "INVALID_FIELD", "threshold"},
            {"GET", "/api/admin/risk/accounts?threshold=1e-999999999", admin, null, 400, "INVALID_FIELD",
                "threshold"},
            {"POST", "/api/admin/instruments", admin, spec.replace("\"price_tick\":10", "\"price_tick\":1e999999999"),
                400, "INVALID_FIELD", "price_tick"},
            {"POST", "/api/admin/instruments", admin, spec.replace("0.1,\"short", "1e-999999999,\"short"), 400,
                "INVALID_FIELD", "long_margin_rate"},
            {"GET", "/api/admin/market/depth/NOPE.x1", admin, null, 404, "NOT_FOUND", "instrument_id"},
            {"GET", "/api/admin/market/trades/" + CU + "?limit=5000", admin, null, 400, "INVALID_FIELD", "limit"},
        };
        for (Object[] c : cases) {
            long before = stateHash(server);
            ApiTestClient.Reply reply = api.call((String) c[0], (String) c[1], (String) c[2], (String) c[3]);
            String what = c[0] + " " + c[1] + " " + c[3] + " -> " + reply.body();
            assertThat(reply.status()).as(what).isEqualTo(c[4]);
            assertThat(reply.code()).as(what).isEqualTo(c[5]);
            assertThat(reply.body().get("message").asText()).as(what).contains((String) c[6]);
            assertThat(stateHash(server)).as(what + " changed the state").isEqualTo(before);
        }
        assertThat(api.ok("GET", "/api/admin/settlement/prices", admin, null).get("prices")).isEmpty();
        assertThat(api.ok("GET", "/api/account", alice, null).get("balance").decimalValue())
                .isEqualByComparingTo("1000000.00");
    }

    @Test
    void shouldRunAnOperatorSessionWhoseCapitalReconcilesToTheCent() throws Exception {
        ExchangeServer server = start(HttpApiConfig.defaults());
        ApiTestClient api = new ApiTestClient(server);
        String admin = api.login("admin", "admin123");
        String alice = api.login("alice", "alice123");
        String bob = api.login("bob", "bob123");
        String al = "SHFE.al2601";
        JsonNode listed = api.ok("POST", "/api/admin/instruments", admin, "{\"instrument_id\":\"" + al
                + "\",\"price_scale\":0,\"price_tick\":5,\"volume_multiple\":5,\"lot_size\":1,\"long_margin_rate\":"
                + "0.1,\"short_margin_rate\":0.12,\"open_commission\":{\"per_lot\":\"2.50\"},\"close_commission\":"
                + "{\"per_lot\":\"2.50\"},\"close_today_commission\":{\"rate\":0.0001},\"max_order_volume\":50,"
                + "\"close_rule\":\"TODAY_EXPLICIT\"}");
        assertThat(listed.get("status").asText()).isEqualTo("LISTED");
        assertThat(api.ok("GET", "/api/admin/instruments", admin, null).get("instruments")).hasSize(4);
        assertThat(api.post("/api/orders", alice, order("early", al, "BUY", "OPEN", "20000", 1)).status())
                .isEqualTo(409);
        api.ok("POST", "/api/admin/instruments/" + al + "/status", admin, "{\"status\":\"TRADING\"}");
        api.ok("POST", "/api/admin/instruments/" + al + "/phase", admin, "{\"phase\":\"HALTED\"}");
        JsonNode reopened = api.ok("POST", "/api/admin/instruments/" + al + "/phase", admin,
                "{\"phase\":\"CONTINUOUS\"}");
        assertThat(reopened.get("phase").asText()).isEqualTo("CONTINUOUS");
        JsonNode banded = api.ok("PUT", "/api/admin/instruments/" + al, admin,
                "{\"lower_limit\":18000,\"upper_limit\":22000,\"reference_price\":20000}");
        assertThat(banded.get("reference_price").decimalValue()).isEqualByComparingTo("20000");
        assertThat(api.ok("GET", "/api/admin/instruments/" + al, admin, null).get("status").asText())
                .isEqualTo("TRADING");
        JsonNode limits = api.ok("GET", "/api/admin/risk/limits", admin, null);
        assertThat(limits.get("liquidation").get("threshold").decimalValue()).isEqualByComparingTo("1");
        JsonNode alLimits = find(limits.get("instruments"), "instrument_id", al);
        assertThat(alLimits.get("max_order_volume").asLong()).isEqualTo(50);
        assertThat(alLimits.get("upper_limit").isNull()).as("no limit_rate, no daily limit").isTrue();
        ApiTestClient.Reply outsideBand = api.post("/api/orders", alice, order("band", al, "BUY", "OPEN", "22005",
                1));
        assertThat(outsideBand.code()).as(outsideBand.body().toString()).contains("BAND");

        api.ok("POST", "/api/account/deposit", bob, "{\"amount\":\"1234.56\"}");
        api.ok("POST", "/api/orders", alice, order("a1", al, "BUY", "OPEN", "20000", 3));
        api.ok("POST", "/api/orders", bob, order("b1", al, "SELL", "OPEN", "19995", 3));
        api.ok("POST", "/api/orders", bob, order("b2", al, "BUY", "CLOSETODAY", "20100", 1));
        api.ok("POST", "/api/orders", alice, order("a2", al, "SELL", "CLOSETODAY", "20100", 1));
        api.ok("POST", "/api/orders", alice, order("a3", al, "BUY", "OPEN", "19900", 2));
        api.ok("POST", "/api/orders", bob, order("b3", CU, "SELL", "OPEN", "71000", 1));

        JsonNode trades = api.ok("GET", "/api/admin/market/trades/" + al + "?limit=10", admin, null).get("trades");
        assertThat(trades).hasSize(2);
        JsonNode book = api.ok("GET", "/api/admin/market/orderbook/" + al, admin, null);
        assertThat(book.get("bids").get(0).get("price").decimalValue()).isEqualByComparingTo("19900");
        assertThat(book.get("bids").get(0).get("volume").asLong()).isEqualTo(2);
        JsonNode depth = api.ok("GET", "/api/admin/market/depth/" + CU + "?levels=5", admin, null);
        assertThat(depth.get("asks").get(0).get("price").decimalValue()).isEqualByComparingTo("71000");
        JsonNode stats = api.ok("GET", "/api/admin/market/statistics", admin, null).get("instruments");
        JsonNode alStats = find(stats, "instrument_id", al);
        assertThat(alStats.get("volume").asLong()).isEqualTo(4);
        assertThat(alStats.get("last_price").decimalValue()).isEqualByComparingTo("20100");
        JsonNode books = api.ok("GET", "/api/admin/monitoring/orderbooks", admin, null).get("orderbooks");
        assertThat(find(books, "instrument_id", al).get("orders").asInt()).isEqualTo(1);
        JsonNode system = api.ok("GET", "/api/admin/monitoring/system", admin, null);
        assertThat(system.get("status").asText()).isEqualTo("UP");
        assertThat(system.get("wal_applied_sequence").asLong()).isPositive();
        assertThat(system.get("connections").get("tcp").asInt()).isPositive();
        assertThat(api.ok("GET", "/api/admin/monitoring/accounts?limit=1", admin, null).get("accounts")).hasSize(1);

        assertCapitalReconciles(api, admin, alice, bob);
        assertThat(api.call("DELETE", "/api/admin/instruments/" + al, admin, null).status()).isEqualTo(409);

        api.ok("POST", "/api/admin/settlement/prices", admin, "{\"instrument_id\":\"" + al + "\",\"price\":20050}");
        JsonNode staged = api.ok("POST", "/api/admin/settlement/prices/batch", admin, "{\"prices\":[{"
                + "\"instrument_id\":\"" + CU + "\",\"price\":70500},{\"instrument_id\":\"" + al
                + "\",\"price\":20060}]}").get("prices");
        assertThat(staged).hasSize(2);
        assertThat(find(staged, "instrument_id", al).get("price").decimalValue()).isEqualByComparingTo("20060");
        api.ok("DELETE", "/api/orders/a3", alice, null);
        api.ok("DELETE", "/api/orders/b3", bob, null);
        JsonNode executed = api.ok("POST", "/api/admin/settlement/execute", admin, "{\"next_trading_day\":20261208}");
        assertThat(executed.get("trading_day").asInt()).isEqualTo(20261208);
        assertThat(executed.get("settled").get("trading_day").asInt()).isEqualTo(20261207);
        assertThat(api.ok("GET", "/api/admin/settlement/prices", admin, null).get("prices")).isEmpty();
        JsonNode history = api.ok("GET", "/api/admin/settlement/history", admin, null).get("days");
        assertThat(history).hasSize(1);
        JsonNode results = api.ok("GET", "/api/admin/settlement/results/20261207", admin, null);
        assertThat(results.get("statements")).hasSize(2);
        JsonNode aliceStatement = find(results.get("statements"), "user_id", "alice");
        assertThat(find(aliceStatement.get("positions"), "instrument_id", al).get("settlement_price")
                .decimalValue()).isEqualByComparingTo("20060");
        BigDecimal statementBalances = results.get("statements").get(0).get("balance").decimalValue()
                .add(results.get("statements").get(1).get("balance").decimalValue());
        assertThat(results.get("balance").decimalValue()).isEqualByComparingTo(statementBalances);
        assertCapitalReconciles(api, admin, alice, bob);

        JsonNode risky = api.ok("GET", "/api/admin/risk/accounts?threshold=0", admin, null);
        assertThat(risky.get("count").asInt()).isEqualTo(2);
        assertThat(api.ok("GET", "/api/admin/risk/accounts", admin, null).get("count").asInt()).isZero();
        assertThat(api.ok("POST", "/api/admin/risk/liquidate", admin, null).get("count").asInt()).isZero();
        assertThat(api.ok("GET", "/api/admin/risk/liquidations", admin, null).get("liquidations")).isEmpty();
    }

    @Test
    void shouldRegisterWhenAllowedAndRecordTheLiquidationOfAnAccountOverItsMargin() throws Exception {
        ExchangeServer server = start(HttpApiConfig.defaults().withRegistration(true));
        ApiTestClient api = new ApiTestClient(server);
        String body = "{\"user_name\":\"carol\",\"password\":\"carol-secret\"}";
        assertThat(api.ok("POST", "/api/auth/register", null, body).get("user_id").asText()).isEqualTo("carol");
        ApiTestClient.Reply again = api.post("/api/auth/register", null, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("USER_EXISTS");
        ApiTestClient.Reply claimAdmin = api.post("/api/auth/register", null,
                "{\"user_name\":\"admin\",\"password\":\"takeover1\"}");
        assertThat(claimAdmin.status()).isEqualTo(409);
        assertThat(api.post("/api/auth/register", null, "{\"user_name\":\"dave\",\"password\":\"short\"}")
                .body().get("message").asText()).contains("password");
        assertThat(api.post("/api/auth/register", null, "{\"user_name\":\"a b\",\"password\":\"longenough\"}")
                .body().get("message").asText()).contains("user_name");

        String carol = api.login("carol", "carol-secret");
        String bob = api.login("bob", "bob123");
        String admin = api.login("admin", "admin123");
        assertThat(api.ok("GET", "/api/account", carol, null).get("balance").decimalValue()).isZero();
        api.ok("POST", "/api/account/deposit", carol, "{\"amount\":36000}");
        api.ok("POST", "/api/orders", carol, order("c1", CU, "BUY", "OPEN", "70000", 1));
        api.ok("POST", "/api/orders", bob, order("b1", CU, "SELL", "OPEN", "70000", 1));
        JsonNode risky = api.ok("GET", "/api/admin/risk/accounts?threshold=0.9", admin, null);
        assertThat(risky.get("count").asInt()).isEqualTo(1);
        assertThat(risky.get("accounts").get(0).get("user_id").asText()).isEqualTo("carol");

        api.ok("POST", "/api/admin/settlement/prices", admin, "{\"instrument_id\":\"" + CU + "\",\"price\":69000}");
        api.ok("POST", "/api/admin/settlement/execute", admin, "{\"next_trading_day\":20261208}");
        JsonNode liquidations = api.ok("GET", "/api/admin/risk/liquidations", admin, null);
        assertThat(liquidations.get("count").asInt()).as(liquidations.toString()).isPositive();
        JsonNode first = liquidations.get("liquidations").get(0);
        assertThat(first.get("user_id").asText()).isEqualTo("carol");
        assertThat(first.get("instrument_id").asText()).isEqualTo(CU);
        assertThat(first.get("direction").asText()).isEqualTo("SELL");
        assertCapitalReconciles(api, admin, api.login("alice", "alice123"), bob, carol);
    }

    @Test
    void shouldKeepTheSettlementHistoryAcrossARestart() throws Exception {
        ExchangeServer first = start(HttpApiConfig.defaults());
        ApiTestClient api = new ApiTestClient(first);
        String admin = api.login("admin", "admin123");
        String alice = api.login("alice", "alice123");
        api.ok("POST", "/api/orders", alice, order("a1", CU, "BUY", "OPEN", "70000", 1));
        api.ok("POST", "/api/orders", api.login("bob", "bob123"), order("b1", CU, "SELL", "OPEN", "70000", 1));
        api.ok("POST", "/api/admin/settlement/execute", admin, "{\"next_trading_day\":20261208}");
        JsonNode before = api.ok("GET", "/api/admin/settlement/results/20261207", admin, null);
        first.close();

        ExchangeServer second = start(HttpApiConfig.defaults());
        ApiTestClient again = new ApiTestClient(second);
        String admin2 = again.login("admin", "admin123");
        assertThat(again.ok("GET", "/api/admin/settlement/history", admin2, null).get("days")).hasSize(1);
        assertThat(again.ok("GET", "/api/admin/settlement/results/20261207", admin2, null)).isEqualTo(before);
        JsonNode statements = again.ok("GET", "/api/statements?trading_day=20261207",
                again.login("alice", "alice123"), null).get("statements");
        assertThat(statements.get(0).get("positions").get(0).get("volume_long").asLong()).isEqualTo(1);
        again.ok("POST", "/api/admin/settlement/execute", admin2, "{\"next_trading_day\":20261209}");
        assertThat(again.ok("GET", "/api/admin/settlement/history", admin2, null).get("days")).hasSize(2);
    }

    @Test
    void shouldWriteASnapshotOnRequestAndRestartToTheSameState() throws Exception {
        ExchangeServer first = start(HttpApiConfig.defaults());
        ApiTestClient api = new ApiTestClient(first);
        String admin = api.login("admin", "admin123");
        api.ok("POST", "/api/orders", api.login("alice", "alice123"), order("a1", CU, "BUY", "OPEN", "70000", 1));
        SnapshotStore store = new SnapshotStore(dir.resolve("snapshots"));
        assertThat(store.sequences()).isEmpty();
        assertThat(api.post("/api/admin/snapshot", api.login("bob", "bob123"), null).status()).isEqualTo(403);
        assertThat(store.sequences()).isEmpty();

        JsonNode answer = api.ok("POST", "/api/admin/snapshot", admin, null);
        assertThat(answer.get("requested").asBoolean()).isTrue();
        long applied = answer.get("applied_sequence").asLong();
        assertThat(store.sequences()).containsExactly(applied);
        long hash = stateHash(first);
        first.close();

        ExchangeServer second = start(HttpApiConfig.defaults());
        assertThat(stateHash(second)).isEqualTo(hash);
        JsonNode orders = new ApiTestClient(second).ok("GET", "/api/orders", new ApiTestClient(second)
                .login("alice", "alice123"), null).get("orders");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("order_id").asText()).isEqualTo("a1");
    }

    @Test
    void shouldRefuseRegistrationUnlessTheConfigurationAllowsIt() throws Exception {
        ExchangeServer server = start(HttpApiConfig.defaults());
        ApiTestClient api = new ApiTestClient(server);
        long before = stateHash(server);
        ApiTestClient.Reply refused = api.post("/api/auth/register", null,
                "{\"user_name\":\"carol\",\"password\":\"carol-secret\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("REGISTRATION_CLOSED");
        assertThat(api.post("/api/auth/login", null, "{\"user_name\":\"carol\",\"password\":\"carol-secret\"}")
                .status()).isEqualTo(401);
        assertThat(stateHash(server)).isEqualTo(before);
    }

    private static void assertCapitalReconciles(ApiTestClient api, String admin, String... users) {
        JsonNode capital = api.ok("GET", "/api/admin/monitoring/capital", admin, null);
        BigDecimal balances = BigDecimal.ZERO;
        BigDecimal commissions = BigDecimal.ZERO;
        for (String user : users) {
            JsonNode account = api.ok("GET", "/api/account", user, null);
            balances = balances.add(account.get("balance").decimalValue());
            commissions = commissions.add(account.get("commission").decimalValue());
        }
        assertThat(capital.get("accounts").asInt()).isEqualTo(users.length);
        assertThat(capital.get("balance").decimalValue()).isEqualByComparingTo(balances);
        assertThat(capital.get("commission").decimalValue()).isEqualByComparingTo(commissions);
        JsonNode reconciliation = capital.get("reconciliation");
        assertThat(reconciliation.get("difference").decimalValue()).as(capital.toString()).isZero();
        assertThat(reconciliation.get("reconciled").asBoolean()).isTrue();
        assertThat(reconciliation.get("expected_balance").decimalValue()).isEqualByComparingTo(balances);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode node = it.next();
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError(field + "=" + value + " not in " + array);
    }

    @Test
    void shouldAnswer413ForAnOversizedBodyAnd429UnderABurst() throws Exception {
        ExchangeServer server = start(HttpApiConfig.defaults().withRateLimit(2, 5));
        ApiTestClient api = new ApiTestClient(server);
        String alice = api.login("alice", "alice123");
        long before = stateHash(server);
        String huge = "{\"amount\":1,\"pad\":\"" + "x".repeat(20_000) + "\"}";
        ApiTestClient.Reply tooLarge = api.post("/api/account/deposit", alice, huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("BODY_TOO_LARGE");
        assertThat(tooLarge.body().get("message").asText()).contains("16384");
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 20; i++) {
            ApiTestClient.Reply reply = api.get("/api/account", alice);
            if (reply.status() == 200) {
                ok++;
            } else {
                assertThat(reply.status()).isEqualTo(429);
                assertThat(reply.code()).isEqualTo("RATE_LIMITED");
                limited++;
            }
        }
        assertThat(ok).isBetween(3, 10);
        assertThat(limited).isEqualTo(20 - ok);
        assertThat(stateHash(server)).isEqualTo(before);
    }

    @Test
    void shouldAnswer503WhileTheEngineQueueIsFullAndApplyNothingOfIt() throws Exception {
        CoreConfig defaults = Defaults.config(dir);
        CoreConfig small = new CoreConfig(dir, DurabilityMode.GROUP, 64, defaults.snapshotInterval(),
                defaults.firstTradingDay(), defaults.venue(), defaults.bootstrap());
        ExchangeServer server = ExchangeServer.builder(ApiTestClient.serverConfig(dir)).core(small).start();
        open.add(server);
        ApiTestClient api = new ApiTestClient(server);
        String alice = api.login("alice", "alice123");
        String admin = api.login("admin", "admin123");
        long before = stateHash(server);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        assertThat(server.core().query(state -> {
            blocking.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).isNull();
        int queued = 0;
        try {
            assertThat(blocking.await(10, TimeUnit.SECONDS)).as("the engine runs the blocking read").isTrue();
            while (server.core().query(state -> { }) == null) {
                queued++;
            }
            assertThat(queued).isBetween(60, 64);
            ApiTestClient.Reply read = api.get("/api/account", alice);
            ApiTestClient.Reply write = api.post("/api/account/deposit", alice, "{\"amount\":5}");
            ApiTestClient.Reply monitoring = api.get("/api/admin/monitoring/system", admin);
            for (ApiTestClient.Reply busy : List.of(read, write, monitoring)) {
                assertThat(busy.status()).isEqualTo(503);
                assertThat(busy.code()).isEqualTo("EXCHANGE_BUSY");
                assertThat(busy.body().get("message").asText()).contains("queue is full");
            }
        } finally {
            release.countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.core().queueDepth() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(stateHash(server)).isEqualTo(before);
        JsonNode system = api.ok("GET", "/api/admin/monitoring/system", admin, null);
        assertThat(system.get("engine_queue_capacity").asInt()).isEqualTo(64);
        assertThat(api.ok("GET", "/api/account", alice, null).get("deposit").decimalValue())
                .isEqualByComparingTo("1000000.00");
    }

    @Test
    void shouldRouteEveryOperationOfTheOpenApiDocument() throws Exception {
        ExchangeServer server = start(HttpApiConfig.defaults());
        ApiTestClient api = new ApiTestClient(server);
        String admin = api.login("admin", "admin123");
        JsonNode doc = api.ok("GET", "/openapi.json", null, null);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                operations++;
                assertThat(op.getValue().get("summary").asText()).isNotBlank();
                String concrete = path.getKey().replace("{instrument_id}", "NOPE.x1")
                        .replace("{order_id}", "none").replace("{trading_day}", "20200101");
                ApiTestClient.Reply reply = api.call(op.getKey().toUpperCase(java.util.Locale.ROOT), concrete,
                        admin, "{}");
                String what = op.getKey() + " " + path.getKey() + " -> " + reply.body();
                assertThat(reply.status()).as(what).isNotEqualTo(405);
                assertThat(reply.body().path("message").asText()).as(what).doesNotContain("is not a route");
            }
        }
        assertThat(operations).isEqualTo(42);
        JsonNode orderBody = doc.at("/paths/~1api~1orders/post/requestBody/content/application~1json/schema");
        assertThat(orderBody.at("/properties/direction/enum").toString()).isEqualTo("[\"BUY\",\"SELL\"]");
        assertThat(orderBody.at("/properties/volume/type").asText()).isEqualTo("integer");
        assertThat(orderBody.get("required").toString()).contains("\"order_id\"").doesNotContain("time_in_force");
        assertThat(doc.at("/paths/~1api~1admin~1risk~1accounts/get/parameters/0/schema/type").asText())
                .isEqualTo("number");
        ApiTestClient.Reply unrouted = api.get("/api/admin/nothing", admin);
        assertThat(unrouted.body().get("message").asText()).contains("is not a route");
    }
}
