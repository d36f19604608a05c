package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.insert;
import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Charts over the real server and a real WebSocket client: a kline chart and a tick chart on copper get the bars
 * of their window before {@code ready} (the test client checks that on every frame), follow new trades live, and a
 * removed chart gets {@code null} and no more updates.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DiffChartIT {
    private static final String CU = "SHFE.cu2512";
    private static final long MINUTE = 60_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldSendBarsBeforeReadyFollowTradesAndStopWhenTheChartIsRemoved() throws Exception {
        try (ExchangeServer server = ExchangeServer.start(ExchangeServerIT.config(dir));
             DiffTestClient alice = loggedIn(DiffTestClient.connect(server.address().getPort()), "alice",
                     "alice123");
             DiffTestClient bob = loggedIn(DiffTestClient.connect(server.address().getPort()), "bob", "bob123");
             DiffTestClient viewer = loggedIn(DiffTestClient.connect(server.address().getPort()), "alice",
                     "alice123")) {
            trade(alice, bob, "1", "70000", 2);
            trade(alice, bob, "2", "70100", 1);

            viewer.send("{\"aid\":\"set_chart\",\"chart_id\":\"k\",\"ins_list\":\"" + CU + "\",\"duration\":"
                    + MINUTE + ",\"view_width\":500}");
            viewer.send("{\"aid\":\"set_chart\",\"chart_id\":\"t\",\"ins_list\":\"" + CU + "\",\"duration\":0,"
                    + "\"view_width\":1}");
            viewer.await("both charts ready", c -> "true".equals(c.text("charts", "k", "ready"))
                    && "true".equals(c.text("charts", "t", "ready")));
            JsonObject bars = (JsonObject) viewer.at("klines", CU, Long.toString(MINUTE), "data");
            long volume = 0;
            for (Map.Entry<String, JsonValue> bar : bars.members()) {
                volume += Long.parseLong(((JsonObject) bar.getValue()).get("volume").toString());
                assertThat(Long.parseLong(((JsonObject) bar.getValue()).get("datetime").toString()))
                        .isEqualTo(Long.parseLong(bar.getKey()) * MINUTE);
            }
            assertThat(volume).isEqualTo(3);
            assertThat(viewer.text("klines", CU, Long.toString(MINUTE), "last_id"))
                    .isEqualTo(viewer.text("charts", "k", "right_id"));
            assertThat(viewer.text("charts", "k", "state", "view_width")).isEqualTo("500");
            assertThat(viewer.text("charts", "k", "more_data")).isEqualTo("false");
            assertThat(viewer.text("ticks", CU, "last_id")).isEqualTo("2");
            assertThat(((JsonObject) viewer.at("ticks", CU, "data")).size()).isEqualTo(1);
            assertThat(new BigDecimal(viewer.text("ticks", CU, "data", "2", "last_price")))
                    .isEqualByComparingTo("70100");

            trade(alice, bob, "3", "69900", 4);
            viewer.await("the new tick", c -> "3".equals(c.text("charts", "t", "right_id"))
                    && c.at("ticks", CU, "data", "2") == null && "4".equals(c.text("ticks", CU, "data", "3",
                    "volume")));
            viewer.await("the bar updated", c -> new BigDecimal(c.text("klines", CU, Long.toString(MINUTE), "data",
                    c.text("charts", "k", "right_id"), "close")).compareTo(new BigDecimal("69900")) == 0);
            ExchangeServerIT.awaitSameAsServer(server, viewer, "alice");

            viewer.send("{\"aid\":\"set_chart\",\"chart_id\":\"t\",\"ins_list\":\"\",\"duration\":0}");
            viewer.await("the tick chart removed", c -> c.at("charts", "t") == null
                    && ((JsonObject) c.at("charts")).containsKey("k"));
            int frames = viewer.rtnDataCount();
            viewer.send("{\"aid\":\"set_chart\",\"chart_id\":\"k\",\"ins_list\":\"\",\"duration\":" + MINUTE + "}");
            viewer.await("the kline chart removed", c -> c.rtnDataCount() > frames && c.at("charts", "k") == null);
            JsonValue klines = viewer.at("klines").deepCopy();
            JsonValue ticks = viewer.at("ticks").deepCopy();
            trade(alice, bob, "4", "69800", 1);
            viewer.await("alice's fill", c -> "FINISHED".equals(c.text("trade", "alice", "orders", "b4", "status")));
            viewer.drain(300);
            assertThat(viewer.at("klines")).as("klines after the charts were removed").isEqualTo(klines);
            assertThat(viewer.at("ticks")).as("ticks after the charts were removed").isEqualTo(ticks);
            assertThat(viewer.text("ticks", CU, "last_id")).isEqualTo("3");
            assertThat(viewer.at("charts")).isEqualTo(new JsonObject());
        }
    }

    /** Bob's sell order waits, alice's buy fills it; both see their fills. */
    private static void trade(DiffTestClient alice, DiffTestClient bob, String id, String price, int volume) {
        bob.send(insert("bob", "s" + id, "SELL", price, volume));
        bob.await("s" + id + " working", c -> c.at("trade", "bob", "orders", "s" + id) != null);
        alice.send(insert("alice", "b" + id, "BUY", price, volume));
        alice.await("b" + id + " filled", c -> "FINISHED".equals(c.text("trade", "alice", "orders", "b" + id,
                "status")));
        bob.await("s" + id + " filled", c -> "FINISHED".equals(c.text("trade", "bob", "orders", "s" + id,
                "status")));
    }
}
