package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.insert;
import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trading day rolls over under logged-in WebSocket sessions: each sees {@code trade.<user>.session.trading_day}
 * change, the day's orders and trades go, a settlement notify with its statement arrives (again at a later login),
 * and {@code confirm_settlement} is accepted.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DiffSettlementIT {
    @TempDir
    Path dir;

    @Test
    void shouldRollTheDayAndNotifyTheSettlementToEverySessionWhenTheDayEnds() throws Exception {
        try (ExchangeServer server = ExchangeServer.start(ExchangeServerIT.config(dir));
             DiffTestClient alice = loggedIn(DiffTestClient.connect(server), "alice",
                     "alice123");
             DiffTestClient aliceToo = loggedIn(DiffTestClient.connect(server), "alice",
                     "alice123");
             DiffTestClient bob = loggedIn(DiffTestClient.connect(server), "bob", "bob123")) {
            assertThat(alice.text("trade", "alice", "session", "trading_day")).isEqualTo("20261207");
            bob.send(insert("bob", "s1", "SELL", "70000", 1));
            bob.await("s1 working", c -> "ALIVE".equals(c.text("trade", "bob", "orders", "s1", "status")));
            alice.send(insert("alice", "b1", "BUY", "70000", 2));
            alice.await("b1 partly filled", c -> "1".equals(c.text("trade", "alice", "orders", "b1", "volume_left"))
                    && "1".equals(c.text("trade", "alice", "positions", "SHFE.cu2512", "volume_long")));

            assertThat(server.core().submit(new ExchangeCommand.EndTradingDay(20261208, Map.of("SHFE.cu2512",
                    7_010L)), null, 0)).isNull();

            for (DiffTestClient client : new DiffTestClient[] {alice, aliceToo, bob}) {
                String user = client == bob ? "bob" : "alice";
                client.await(user + " in the new day", c -> "20261208".equals(c.text("trade", user, "session",
                        "trading_day")) && c.notifies.stream().anyMatch(DiffSettlementIT::isSettlement));
                assertThat(client.at("trade", user, "orders")).isEqualTo(new JsonObject());
                assertThat(client.at("trade", user, "trades")).isEqualTo(new JsonObject());
                JsonObject settlement = client.notifies.stream().filter(DiffSettlementIT::isSettlement).findFirst()
                        .orElseThrow();
                assertThat(settlement.get("content").toString()).contains("trading day 20261207")
                        .contains(user).contains("SHFE.cu2512 " + (user.equals("alice") ? "long 1 short 0"
                                : "long 0 short 1") + " settled at 70100");
                ExchangeServerIT.awaitSameAsServer(server, client, user);
            }
            assertThat(alice.text("trade", "alice", "positions", "SHFE.cu2512", "volume_long_his")).isEqualTo("1");

            int seen = alice.notifies.size();
            alice.send("{\"aid\":\"confirm_settlement\"}");
            alice.await("the confirmation", c -> c.notifies.size() > seen);
            assertThat(alice.notifies.get(seen).get("level").toString()).isEqualTo("\"INFO\"");
            assertThat(alice.notifies.get(seen).get("content").toString()).contains("settlement confirmed");

            try (DiffTestClient later = loggedIn(DiffTestClient.connect(server), "bob",
                    "bob123")) {
                later.await("the statement at login", c -> c.notifies.stream().anyMatch(DiffSettlementIT::isSettlement));
                assertThat(later.text("trade", "bob", "session", "trading_day")).isEqualTo("20261208");
            }
        }
    }

    private static boolean isSettlement(JsonObject notify) {
        return "\"SETTLEMENT\"".equals(String.valueOf(notify.get("type")));
    }
}
