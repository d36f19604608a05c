package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import io.github.exchangeblocks.wal.snapshot.Snapshot;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquidation records are durable state: a server liquidates an account, stops, and a server started on the same
 * data directory answers {@code GET /api/admin/risk/liquidations} with the same records, once rebuilt from the
 * journal alone and once restored from a snapshot taken after the liquidation.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LiquidationRestartIT {
    private static final String CU = "SHFE.cu2512";
    private static final String LIQUIDATIONS = "/api/admin/risk/liquidations";

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
        server = ExchangeServer.builder(config).core(Defaults.config(dir))
                .httpApi(HttpApiConfig.defaults().withRegistration(true)).start();
        return new ApiTestClient(server);
    }

    private void stop() {
        server.close();
        server = null;
    }

    private static String order(String id, String direction) {
        return "{\"order_id\":\"" + id + "\",\"instrument_id\":\"" + CU + "\",\"direction\":\"" + direction
                + "\",\"offset\":\"OPEN\",\"price_type\":\"LIMIT\",\"limit_price\":70000,\"volume\":1}";
    }

    @Test
    void shouldAnswerTheSameLiquidationRecordsAfterARestartFromTheJournalAndFromASnapshot() throws Exception {
        ApiTestClient api = start();
        String admin = api.login("admin", "admin123");
        api.ok("POST", "/api/auth/register", null, "{\"user_name\":\"carol\",\"password\":\"carol-secret\"}");
        String carol = api.login("carol", "carol-secret");
        String bob = api.login("bob", "bob123");
        api.ok("POST", "/api/account/deposit", carol, "{\"amount\":36000}");
        api.ok("POST", "/api/orders", carol, order("c1", "BUY"));
        api.ok("POST", "/api/orders", bob, order("b1", "SELL"));
        api.ok("POST", "/api/orders", bob, order("b2", "BUY"));
        // Settled 1,000 lower, carol's 31,000 left cannot carry 34,500 of margin: she is liquidated into bob's bid.
        api.ok("POST", "/api/admin/settlement/prices", admin, "{\"instrument_id\":\"" + CU + "\",\"price\":69000}");
        api.ok("POST", "/api/admin/settlement/execute", admin, "{\"next_trading_day\":20261208}");
        JsonNode live = api.ok("GET", LIQUIDATIONS, admin, null);
        assertThat(live.get("count").asInt()).as(live.toString()).isPositive();
        JsonNode first = live.get("liquidations").get(0);
        assertThat(first.get("user_id").asText()).isEqualTo("carol");
        assertThat(first.get("direction").asText()).isEqualTo("SELL");
        assertThat(first.get("order_id").asText()).startsWith("liquidation-");
        stop();
        assertThat(new SnapshotStore(dir.resolve("snapshots")).loadLatest()).as("no snapshot: journal only").isNull();

        ApiTestClient fromJournal = start();
        String admin2 = fromJournal.login("admin", "admin123");
        assertThat(fromJournal.ok("GET", LIQUIDATIONS, admin2, null)).isEqualTo(live);
        long[] applied = new long[1];
        server.core().await(state -> applied[0] = server.core().appliedSequence(), 10_000);
        assertThat(applied[0]).isPositive();
        assertThat(server.core().requestSnapshot()).isNull();
        stop();

        Snapshot snapshot = new SnapshotStore(dir.resolve("snapshots")).loadLatest();
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.sequence()).as("the snapshot holds every command, the liquidation included")
                .isEqualTo(applied[0]);
        ApiTestClient fromSnapshot = start();
        assertThat(fromSnapshot.ok("GET", LIQUIDATIONS, fromSnapshot.login("admin", "admin123"), null))
                .isEqualTo(live);
        assertThat(fromSnapshot.get(LIQUIDATIONS, null).status()).isEqualTo(401);
        ApiTestClient.Reply refused = fromSnapshot.get(LIQUIDATIONS, fromSnapshot.login("carol", "carol-secret"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
    }
}
