package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.OpenResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real server on a free loopback port: two users trade over the HTTP API, a DIFF and a channel WebSocket are
 * open, then {@code GET /metrics} is scraped with the JDK's {@code HttpClient}, parsed as the Prometheus text format
 * and compared with what the monitoring endpoints answer in JSON.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class PrometheusMetricsIT {
    private static final String CU = "SHFE.cu2512";

    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();
    private final HttpClient scraper = HttpClient.newHttpClient();

    @Test
    void shouldServeTheMonitoringFiguresInThePrometheusTextFormat() throws Exception {
        ExchangeServer server = ExchangeServer.builder(ApiTestClient.serverConfig(dir)).core(Defaults.config(dir))
                .start();
        open.add(server);
        ApiTestClient api = new ApiTestClient(server);
        String alice = api.login("alice", "alice123");
        String bob = api.login("bob", "bob123");
        String admin = api.login("admin", "admin123");
        api.ok("POST", "/api/orders", alice, order("a1", "BUY", 2));
        api.ok("POST", "/api/orders", bob, order("b1", "SELL", 3));
        api.ok("POST", "/api/account/deposit", bob, "{\"amount\":\"1234.56\"}");
        long acknowledged = api.ok("GET", "/api/admin/monitoring/system", admin, null).get("wal_applied_sequence")
                .asLong();

        HttpClient sockets = HttpClient.newHttpClient();
        String ws = "ws://127.0.0.1:" + server.address().getPort();
        WebSocket diff = sockets.newWebSocketBuilder().buildAsync(URI.create(ws + "/trade"),
                new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        WebSocket channels = sockets.newWebSocketBuilder().buildAsync(URI.create(ws + "/ws"),
                new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        open.add(() -> diff.abort());
        open.add(() -> channels.abort());
        JsonNode system = awaitConnections(api, admin);
        JsonNode capital = api.ok("GET", "/api/admin/monitoring/capital", admin, null);

        HttpResponse<String> scrape = get(server, "GET");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> metrics = parse(scrape.body());

        assertThat(metrics.get("exchange_up")).isEqualTo(1.0);
        assertThat(metrics.get("exchange_engine_queue_capacity"))
                .isEqualTo(system.get("engine_queue_capacity").asDouble());
        assertThat(metrics.get("exchange_engine_queue_depth")).isBetween(0.0, metrics.get(
                "exchange_engine_queue_capacity"));
        assertThat(metrics.get("exchange_journal_applied_sequence"))
                .isGreaterThanOrEqualTo(system.get("wal_applied_sequence").asDouble())
                .isGreaterThanOrEqualTo((double) acknowledged);
        assertThat(metrics.get("exchange_commands_per_second")).isGreaterThanOrEqualTo(0.0);
        JsonNode connections = api.ok("GET", "/api/admin/monitoring/system", admin, null).get("connections");
        assertThat(metrics.get("exchange_connections{endpoint=\"diff\"}")).isEqualTo(1.0);
        assertThat(metrics.get("exchange_connections{endpoint=\"channels\"}")).isEqualTo(1.0);
        assertThat(metrics.get("exchange_connections{endpoint=\"http\"}"))
                .as("the API client's and the scraper's").isEqualTo(connections.get("http").asDouble())
                .isEqualTo(2.0);
        assertThat(metrics.get("exchange_accounts")).isEqualTo(capital.get("accounts").asDouble());
        assertThat(metrics.get("exchange_capital_balance"))
                .isCloseTo(capital.get("balance").doubleValue(), within(1e-6));
        assertThat(metrics.get("exchange_capital_available"))
                .isCloseTo(capital.get("available").doubleValue(), within(1e-6));
        assertThat(metrics.get("exchange_capital_margin"))
                .isCloseTo(capital.get("margin").doubleValue(), within(1e-6)).isPositive();
        assertThat(metrics.get("exchange_capital_reconciliation_difference")).isEqualTo(0.0);
        assertThat(metrics.keySet()).anyMatch(name -> name.startsWith("jvm_memory_used_bytes{"));
        assertThat(scrape.body()).as("aggregate figures only").doesNotContain("alice", "bob");
        assertThat(typesOf(scrape.body())).contains("exchange_accounts gauge", "exchange_connections gauge");

        HttpResponse<String> post = get(server, "POST");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(ApiTestClient.JSON.readTree(post.body()).get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    private static JsonNode awaitConnections(ApiTestClient api, String admin) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode system = api.ok("GET", "/api/admin/monitoring/system", admin, null);
            JsonNode connections = system.get("connections");
            if (connections.get("diff_websocket").asInt() == 1 && connections.get("channels_websocket").asInt() == 1
                    || System.nanoTime() > deadline) {
                assertThat(connections.get("diff_websocket").asInt()).isEqualTo(1);
                assertThat(connections.get("channels_websocket").asInt()).isEqualTo(1);
                return system;
            }
            Thread.sleep(10);
        }
    }

    private HttpResponse<String> get(ExchangeServer server, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort()
                        + "/metrics")).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return scraper.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Samples of the text format: {@code name{labels}} to value; comments skipped. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            assertThat(space).as("sample line: " + line).isPositive();
            String value = line.substring(space + 1);
            samples.put(line.substring(0, space), switch (value) {
                case "NaN" -> Double.NaN;
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(value);
            });
        }
        return samples;
    }

    private static Set<String> typesOf(String text) {
        Set<String> types = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                types.add(line.substring("# TYPE ".length()));
            }
        }
        return types;
    }

    private static String order(String id, String direction, int volume) {
        return "{\"order_id\":\"" + id + "\",\"instrument_id\":\"" + CU + "\",\"direction\":\"" + direction
                + "\",\"offset\":\"OPEN\",\"price_type\":\"LIMIT\",\"limit_price\":71000,\"volume\":" + volume + "}";
    }
}
