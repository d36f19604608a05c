package io.github.exchangeblocks.examples.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.examples.cluster.ClusterReplica;
import io.github.exchangeblocks.examples.cluster.NodeStatus;
import io.github.exchangeblocks.examples.cluster.TestCluster;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server on a cluster replica: three members in child JVMs, the {@link ExchangeServer} in this JVM started with
 * {@code cluster(ingress endpoints)}, DIFF clients (the JDK's WebSocket client) trading through it, and an order
 * placed through the HTTP API answered once the cluster applied it. The leader is
 * killed with SIGKILL while an order is on its way; the server keeps serving: that order is applied once (one
 * order, one trade, one lot per side, no error notify) and its fill reaches both users, and the server's state hash
 * equals the surviving members'. A snapshot asked through the server's backend is taken by every survivor; the
 * next run of the server takes the next client id and trades on.
 */
class ClusterServerIT {
    /** The demo bitcoin: price in tenths, so 100 is 1,000 ticks, as the other cluster tests trade. */
    private static final String PRICE = "100";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldServeDiffClientsOnAReplicaAndKeepServingThroughALeaderKill() throws Exception {
        TestCluster cluster = TestCluster.start(dir.resolve("cluster"));
        Path data = dir.resolve("server");
        try (cluster) {
            long firstClientId;
            try (ExchangeServer server = ExchangeServer.builder(ExchangeServerIT.config(data))
                    .cluster(cluster.ingressEndpoints()).start()) {
                assertThat(server.backend()).isInstanceOf(ClusterReplica.class);
                assertThatThrownBy(server::core).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("cluster replica");
                firstClientId = clientIdOf(data);
                int port = server.address().getPort();
                DiffTestClient alice = loggedIn(DiffTestClient.connect(port), "alice", "alice123");
                DiffTestClient bob = loggedIn(DiffTestClient.connect(port), "bob", "bob123");
                assertThat(ExchangeServerIT.health(server)).contains("\"status\":\"UP\"");

                alice.send(insert("alice", "a1", "BUY"));
                alice.await("a1 working", c -> "ALIVE".equals(c.text("trade", "alice", "orders", "a1", "status")));
                bob.send(insert("bob", "b1", "SELL"));
                alice.await("a1 filled, the trade in rtn_data", c -> "FINISHED".equals(
                        c.text("trade", "alice", "orders", "a1", "status")) && trades(c, "alice") == 1);
                bob.await("b1 filled", c -> "FINISHED".equals(c.text("trade", "bob", "orders", "b1", "status")));

                String token = field(http(port, "POST", "/api/auth/login", null,
                        "{\"user_name\":\"alice\",\"password\":\"alice123\"}"), "token");
                String placed = http(port, "POST", "/api/orders", token, "{\"order_id\":\"h1\",\"instrument_id\":"
                        + "\"BINANCE.BTCUSDT\",\"direction\":\"BUY\",\"offset\":\"OPEN\",\"price_type\":\"LIMIT\","
                        + "\"limit_price\":40,\"volume\":1}");
                assertThat(field(placed, "status")).as("the HTTP API's answer after the cluster applied it: %s", placed)
                        .isEqualTo("ALIVE");
                alice.await("h1 from the HTTP API in DIFF", c -> "ALIVE".equals(
                        c.text("trade", "alice", "orders", "h1", "status")));

                alice.send(insert("alice", "a2", "BUY"));
                alice.await("a2 working", c -> "ALIVE".equals(c.text("trade", "alice", "orders", "a2", "status")));
                int leader = cluster.awaitLeader(Set.of(), 10_000);
                cluster.kill(leader);
                bob.send(insert("bob", "b2", "SELL"));
                int next = cluster.awaitLeader(Set.of(leader), 10_000);
                bob.await("b2 filled across the failover", c -> "FINISHED".equals(
                        c.text("trade", "bob", "orders", "b2", "status")) && trades(c, "bob") == 2);
                alice.await("a2 filled across the failover", c -> "FINISHED".equals(
                        c.text("trade", "alice", "orders", "a2", "status")) && trades(c, "alice") == 2);
                assertThat(bob.text("trade", "bob", "orders", "b2", "volume_left")).isEqualTo("0");
                assertThat(bob.text("trade", "bob", "positions", "BINANCE.BTCUSDT", "volume_short")).isEqualTo("2");
                assertThat(alice.text("trade", "alice", "positions", "BINANCE.BTCUSDT", "volume_long"))
                        .isEqualTo("2");
                assertThat(bob.notifies).as("no refusal (a command applied twice would be a duplicate order id)")
                        .noneMatch(n -> "ERROR".equals(ExchangeServerIT.text(n, "level")));

                ExchangeBackend backend = server.backend();
                assertThat(((ClusterReplica) backend).leaderMemberId()).isEqualTo(next);
                long b2InState = ClusterServerIT.<Long>read(backend, state -> countOrders(state.orders("bob"), "b2"));
                assertThat(b2InState).as("b2 in the replica's state").isEqualTo(1);
                assertThat(backend.queueDepth()).as("nothing left unacknowledged").isZero();
                long applied = backend.appliedSequence();
                List<NodeStatus> survivors = cluster.awaitSurvivors(leader, applied, 60_000);
                long hash = ClusterServerIT.<Long>read(backend, ExchangeState::stateHash);
                for (NodeStatus status : survivors) {
                    assertThat(hash).as("the server's state vs %s", status).isEqualTo(status.stateHash());
                }
                System.out.println("member " + leader + " killed; member " + next + " leads; the server at sequence "
                        + applied + " with the survivors' hash");
                assertThat(backend.requestSnapshot()).as("a snapshot asked of the cluster").isNull();
                cluster.awaitSnapshots(leader, 30_000);
                alice.close();
                bob.close();
            }
            try (ExchangeServer again = ExchangeServer.builder(ExchangeServerIT.config(data))
                    .cluster(cluster.ingressEndpoints()).start()) {
                assertThat(clientIdOf(data)).as("a new client id for the next run").isEqualTo(firstClientId + 1);
                DiffTestClient alice = loggedIn(DiffTestClient.connect(again.address().getPort()), "alice",
                        "alice123");
                assertThat(alice.text("trade", "alice", "orders", "a2", "status")).isEqualTo("FINISHED");
                alice.send(insert("alice", "a3", "BUY"));
                alice.await("a3 working after a restart on a new client id", c -> "ALIVE".equals(
                        c.text("trade", "alice", "orders", "a3", "status")));
                alice.close();
            }
        } catch (Throwable failure) {
            cluster.printLogs();
            throw failure;
        }
    }

    /** Calls the HTTP API, asserts 200 and returns the body. */
    private static String http(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static String field(String json, String name) throws IOException {
        return new ObjectMapper().readTree(json).path(name).asText();
    }

    private static String insert(String user, String orderId, String direction) {
        return "{\"aid\":\"insert_order\",\"user_id\":\"" + user + "\",\"order_id\":\"" + orderId
                + "\",\"exchange_id\":\"BINANCE\",\"instrument_id\":\"BTCUSDT\",\"direction\":\"" + direction
                + "\",\"offset\":\"OPEN\",\"volume\":1,\"price_type\":\"LIMIT\",\"limit_price\":" + PRICE
                + ",\"volume_condition\":\"ANY\",\"time_condition\":\"GTC\"}";
    }

    private static int trades(DiffTestClient client, String user) {
        JsonObject trades = (JsonObject) client.at("trade", user, "trades");
        return trades == null ? 0 : trades.size();
    }

    private static long countOrders(List<OrderRecord> orders, String clientOrderId) {
        return orders.stream().filter(order -> order.clientOrderId().equals(clientOrderId)).count();
    }

    private static <T> T read(ExchangeBackend backend, Function<ExchangeState, T> reader) {
        AtomicReference<T> result = new AtomicReference<>();
        backend.await(state -> result.set(reader.apply(state)), 10_000);
        return result.get();
    }

    private static long clientIdOf(Path data) throws IOException {
        Properties counter = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("cluster-replica").resolve("client-id"))) {
            counter.load(in);
        }
        return (Long.parseLong(counter.getProperty("gateway")) << ClusterClientId.RUN_BITS)
                + Long.parseLong(counter.getProperty("run"));
    }
}
