package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.wal.DurabilityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server on a free loopback port, driven over WebSocket by TqSdk-like clients: login, subscribe, orders, a
 * fill between two users, cancel, transfer, and a restart from the journal in the middle of the session.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExchangeServerIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    static ServerConfig config(Path dir) {
        return new ServerConfig("127.0.0.1", 0, dir, DurabilityMode.GROUP, 64 * 1024, 4 << 20, 1, 10_000);
    }

    private ExchangeServer start() throws InterruptedException {
        ExchangeServer server = ExchangeServer.start(config(dir));
        open.add(server);
        return server;
    }

    private DiffTestClient client(ExchangeServer server) {
        DiffTestClient client = DiffTestClient.connect(server);
        open.add(client);
        return client;
    }

    static boolean decimal(DiffTestClient client, String expected, String... path) {
        String text = client.text(path);
        return text != null && !"-".equals(text) && new BigDecimal(text).compareTo(new BigDecimal(expected)) == 0;
    }

    static DiffTestClient loggedIn(DiffTestClient client, String user, String password) {
        client.login(user, password);
        return client.await(user + " logged in", c -> "false".equals(c.text("trade", user, "trade_more_data"))
                && c.notifies.stream().anyMatch(n -> "INFO".equals(text(n, "level"))));
    }

    static String text(JsonObject object, String key) {
        return object.get(key) == null ? null : object.get(key).toString().replace("\"", "");
    }

    @Test
    void shouldTradeBetweenTwoUsersAndResumeFromTheJournalWhenRestarted() throws Exception {
        ExchangeServer server = start();
        DiffTestClient alice = client(server);
        alice.await("the hello and the public snapshot", c -> c.otherFrames.size() == 1 && c.at("ins_list") != null);
        assertThat(alice.otherFrames.get(0)).contains("\"aid\":\"rtn_brokers\"");
        assertThat(alice.text("mdhis_more_data")).isEqualTo("false");

        alice.login("alice", "wrong");
        alice.await("a failed login", c -> c.hasNotifyCode(RejectCode.DIFF_LOGIN_FAILED.code()));
        assertThat(alice.at("trade")).isNull();
        loggedIn(alice, "alice", "alice123");
        assertThat(alice.text("trade", "alice", "session", "trading_day")).isEqualTo("20261207");
        assertThat(decimal(alice, "1000000", "trade", "alice", "accounts", "CNY", "balance")).isTrue();

        alice.send("{\"aid\":\"subscribe_quote\",\"ins_list\":\"SHFE.cu2512,CFFEX.IF2512\"}");
        alice.await("the quotes", c -> "SHFE.cu2512,CFFEX.IF2512".equals(c.text("ins_list"))
                && c.at("quotes", "CFFEX.IF2512") != null);
        assertThat(decimal(alice, "10", "quotes", "SHFE.cu2512", "price_tick")).isTrue();
        assertThat(decimal(alice, "0.2", "quotes", "CFFEX.IF2512", "price_tick")).isTrue();
        assertThat(alice.text("quotes", "SHFE.cu2512", "volume_multiple")).isEqualTo("5");
        assertThat(alice.text("quotes", "SHFE.cu2512", "last_price")).isEqualTo("-");
        assertThat(alice.text("quotes", "SHFE.cu2512", "upper_limit")).isEqualTo("-");

        DiffTestClient bob = loggedIn(client(server), "bob", "bob123");
        alice.send(insert("alice", "a1", "BUY", "70000", 2));
        alice.await("a1 working", c -> "ALIVE".equals(c.text("trade", "alice", "orders", "a1", "status"))
                && decimal(c, "70000", "quotes", "SHFE.cu2512", "bid_price1"));
        assertThat(alice.text("trade", "alice", "orders", "a1", "volume_orign")).isEqualTo("2");
        assertThat(alice.text("trade", "alice", "orders", "a1", "exchange_order_id")).isNotEmpty();
        assertThat(alice.text("quotes", "SHFE.cu2512", "bid_volume1")).isEqualTo("2");

        bob.send(insert("bob", "b1", "SELL", "70000", 1));
        bob.await("b1 filled", c -> "FINISHED".equals(c.text("trade", "bob", "orders", "b1", "status")));
        assertThat(bob.text("trade", "bob", "orders", "b1", "volume_left")).isEqualTo("0");
        alice.await("a1 partly filled", c -> "1".equals(c.text("trade", "alice", "orders", "a1", "volume_left"))
                && "1".equals(c.text("trade", "alice", "positions", "SHFE.cu2512", "volume_long"))
                && "1".equals(c.text("quotes", "SHFE.cu2512", "volume")));
        JsonObject trades = (JsonObject) alice.at("trade", "alice", "trades");
        assertThat(trades.size()).isEqualTo(1);
        String tradeKey = trades.members().get(0).getKey();
        assertThat(tradeKey).startsWith("a1|");
        assertThat(decimal(alice, "70000", "trade", "alice", "trades", tradeKey, "price")).isTrue();
        assertThat(decimal(alice, "70000", "quotes", "SHFE.cu2512", "last_price")).isTrue();
        assertThat(bob.at("trade", "bob", "trades", "b1|" + tradeKey.substring(3))).isNotNull();

        alice.send("{\"aid\":\"cancel_order\",\"user_id\":\"alice\",\"order_id\":\"a1\"}");
        alice.await("a1 cancelled", c -> "FINISHED".equals(c.text("trade", "alice", "orders", "a1", "status")));
        assertThat(alice.text("trade", "alice", "orders", "a1", "last_msg")).contains("cancel");

        alice.send("{\"aid\":\"req_transfer\",\"future_account\":\"alice\",\"currency\":\"CNY\",\"amount\":1000.5}");
        alice.await("a deposit", c -> decimal(c, "1001000.5", "trade", "alice", "accounts", "CNY", "deposit"));
        alice.send("{\"aid\":\"req_transfer\",\"future_account\":\"alice\",\"currency\":\"CNY\",\"amount\":-500}");
        alice.await("a withdrawal", c -> decimal(c, "500", "trade", "alice", "accounts", "CNY", "withdraw"));

        alice.send(insert("bob", "x1", "SELL", "70000", 1));
        alice.await("a refusal", c -> c.hasNotifyCode(RejectCode.DIFF_WRONG_USER.code()));
        alice.send(insert("alice", "a2", "BUY", "69990", 1));
        alice.await("a2 working", c -> "ALIVE".equals(c.text("trade", "alice", "orders", "a2", "status")));
        assertThat(bob.at("trade", "bob", "orders", "x1")).isNull();
        awaitSameAsServer(server, alice, "alice");

        server.close();
        assertThat(alice.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1001 server shutting down");
        ExchangeServer restarted = start();
        DiffTestClient again = loggedIn(client(restarted), "alice", "alice123");
        again.send("{\"aid\":\"subscribe_quote\",\"ins_list\":\"SHFE.cu2512\"}");
        again.await("the quote after restart", c -> c.at("quotes", "SHFE.cu2512") != null);
        assertThat(again.text("trade", "alice", "orders", "a1", "status")).isEqualTo("FINISHED");
        assertThat(again.text("trade", "alice", "orders", "a2", "status")).isEqualTo("ALIVE");
        assertThat(again.at("trade", "alice", "trades", tradeKey)).isNotNull();
        assertThat(again.text("trade", "alice", "positions", "SHFE.cu2512", "volume_long")).isEqualTo("1");
        assertThat(again.text("quotes", "SHFE.cu2512", "volume")).isEqualTo("1");
        assertThat(decimal(again, "69990", "quotes", "SHFE.cu2512", "bid_price1")).isTrue();
        DiffTestClient bobAgain = loggedIn(client(restarted), "bob", "bob123");
        bobAgain.send(insert("bob", "b2", "SELL", "69990", 1));
        again.await("a2 filled after the restart", c -> "FINISHED".equals(
                c.text("trade", "alice", "orders", "a2", "status"))
                && "2".equals(c.text("trade", "alice", "positions", "SHFE.cu2512", "volume_long")));
        awaitSameAsServer(restarted, again, "alice");
        assertThat(health(restarted)).contains("\"status\":\"UP\"").contains("\"connections\":2");
    }

    static String insert(String user, String orderId, String direction, String price, int volume) {
        return "{\"aid\":\"insert_order\",\"user_id\":\"" + user + "\",\"order_id\":\"" + orderId
                + "\",\"exchange_id\":\"SHFE\",\"instrument_id\":\"cu2512\",\"direction\":\"" + direction
                + "\",\"offset\":\"OPEN\",\"volume\":" + volume + ",\"price_type\":\"LIMIT\",\"limit_price\":" + price
                + ",\"volume_condition\":\"ANY\",\"time_condition\":\"GFD\"}";
    }

    /** The client's copy (less notifications) equals what the server's manager holds for its session. */
    static void awaitSameAsServer(ExchangeServer server, DiffTestClient client, String user) {
        client.await("the server's snapshot", c -> {
            JsonObject mine = c.copy.deepCopy();
            mine.remove("notify");
            return server.gateway().entitledSnapshots(user).contains(mine);
        });
    }

    static String health(ExchangeServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.address().getPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void shouldCreateTheUsersFileWithHashesOnlyWhenStartingANewExchange() throws Exception {
        start();
        String users = Files.readString(dir.resolve("users.txt"));
        assertThat(users).contains("alice:pbkdf2-sha256:10000:").contains("bob:pbkdf2-sha256:10000:")
                .doesNotContain("alice123").doesNotContain("bob123");
    }
}
