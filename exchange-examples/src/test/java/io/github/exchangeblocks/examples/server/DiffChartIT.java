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
import java.util.concurrent.atomic.AtomicLong;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.insert;
import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Charts over the real server and a real WebSocket client: a kline chart and a tick chart on copper get the bars
 * of their window before {@code ready} (the test client checks that on every frame), follow new trades live (a tick
 * with the best bid and ask its trade left), and a
 * removed chart gets {@code null} and no more updates; charts placed by {@code left_kline_id} or
 * {@code focus_datetime}/{@code focus_position} show their fixed window, and bad anchors are refused.
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
             DiffTestClient alice = loggedIn(DiffTestClient.connect(server), "alice",
                     "alice123");
             DiffTestClient bob = loggedIn(DiffTestClient.connect(server), "bob", "bob123");
             DiffTestClient viewer = loggedIn(DiffTestClient.connect(server), "alice",
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

            bob.send(insert("bob", "rest-bid", "BUY", "69000", 5));
            bob.send(insert("bob", "rest-ask", "SELL", "71000", 2));
            bob.await("resting orders", c -> c.at("trade", "bob", "orders", "rest-ask") != null
                    && c.at("trade", "bob", "orders", "rest-bid") != null);
            trade(alice, bob, "3", "69900", 4);
            viewer.await("the new tick", c -> "3".equals(c.text("charts", "t", "right_id"))
                    && c.at("ticks", CU, "data", "2") == null && "4".equals(c.text("ticks", CU, "data", "3",
                    "volume")));
            // Alice's buy took bob's whole 69900 offer: the tick shows the book it left.
            assertThat(new BigDecimal(viewer.text("ticks", CU, "data", "3", "bid_price1")))
                    .isEqualByComparingTo("69000");
            assertThat(viewer.text("ticks", CU, "data", "3", "bid_volume1")).isEqualTo("5");
            assertThat(new BigDecimal(viewer.text("ticks", CU, "data", "3", "ask_price1")))
                    .isEqualByComparingTo("71000");
            assertThat(viewer.text("ticks", CU, "data", "3", "ask_volume1")).isEqualTo("2");
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

    @Test
    void shouldPlaceAnchoredWindowsAndRefuseBadAnchorsWithoutChangingAnything() throws Exception {
        long start = 29_000_000 * MINUTE;
        AtomicLong clock = new AtomicLong(start);
        try (ExchangeServer server = ExchangeServer.builder(ExchangeServerIT.config(dir)).clock(clock::get).start();
             DiffTestClient alice = loggedIn(DiffTestClient.connect(server), "alice", "alice123");
             DiffTestClient bob = loggedIn(DiffTestClient.connect(server), "bob", "bob123");
             DiffTestClient viewer = loggedIn(DiffTestClient.connect(server), "alice", "alice123")) {
            for (int minute : new int[] {0, 1, 2, 4}) {
                clock.set(start + minute * MINUTE);
                trade(alice, bob, "m" + minute, Integer.toString(70_000 + 10 * minute), 1);
            }
            long first = start / MINUTE;
            viewer.send(chart("left", MINUTE, 2, ",\"left_kline_id\":" + (first + 1)));
            viewer.send(chart("focus", MINUTE, 3, ",\"focus_datetime\":" + (start + 4 * MINUTE + 1)
                    + ",\"focus_position\":2"));
            viewer.send(chart("ticks", 0, 2, ",\"focus_datetime\":" + (start + MINUTE) + ",\"focus_position\":0"));
            viewer.await("three anchored charts ready", c -> "true".equals(c.text("charts", "left", "ready"))
                    && "true".equals(c.text("charts", "focus", "ready"))
                    && "true".equals(c.text("charts", "ticks", "ready")));
            String bars = Long.toString(MINUTE);
            assertThat(viewer.text("charts", "left", "left_id")).isEqualTo(Long.toString(first + 1));
            assertThat(viewer.text("charts", "left", "right_id")).isEqualTo(Long.toString(first + 2));
            assertThat(viewer.text("charts", "focus", "left_id")).isEqualTo(Long.toString(first + 2));
            assertThat(viewer.text("charts", "focus", "right_id")).isEqualTo(Long.toString(first + 4));
            assertThat(((JsonObject) viewer.at("klines", CU, bars, "data")).members()).extracting(m -> m.getKey())
                    .containsExactlyInAnyOrder(Long.toString(first + 1), Long.toString(first + 2), Long.toString(first + 4));
            assertThat(new BigDecimal(viewer.text("klines", CU, bars, "data", Long.toString(first + 4), "close")))
                    .isEqualByComparingTo("70040");
            assertThat(viewer.text("charts", "ticks", "left_id")).isEqualTo("2");
            assertThat(viewer.text("charts", "ticks", "right_id")).isEqualTo("3");

            clock.set(start + 5 * MINUTE);
            trade(alice, bob, "m5", "70050", 1);
            viewer.await("the fill seen", c -> "FINISHED".equals(c.text("trade", "alice", "orders", "bm5", "status")));
            viewer.drain(200);
            assertThat(viewer.text("charts", "focus", "right_id")).as("an anchored window stays")
                    .isEqualTo(Long.toString(first + 4));
            assertThat(viewer.at("klines", CU, bars, "data", Long.toString(first + 5))).isNull();
            ExchangeServerIT.awaitSameAsServer(server, viewer, "alice");

            JsonValue before = viewer.copy.deepCopy();
            String[][] bad = {
                {",\"left_kline_id\":-3", "left_kline_id=-3 must be a bar id"},
                {",\"left_kline_id\":2,\"focus_datetime\":5,\"focus_position\":0", "give one of them"},
                {",\"focus_datetime\":5", "focus_datetime needs focus_position"},
                {",\"focus_datetime\":5,\"focus_position\":4", "focus_position=4 must be an integer from 0 to"},
            };
            for (String[] request : bad) {
                int seen = viewer.notifies.size();
                viewer.send(chart("bad", MINUTE, 4, request[0]));
                viewer.await("the refusal of " + request[0], c -> c.notifies.size() > seen);
                JsonObject notify = viewer.notifies.get(seen);
                assertThat(notify.get("level").toString()).isEqualTo("\"ERROR\"");
                assertThat(notify.get("content").toString()).contains("chart_id=bad").contains(request[1]);
            }
            JsonValue after = viewer.copy.deepCopy();
            ((JsonObject) before).remove("notify");
            ((JsonObject) after).remove("notify");
            assertThat(after).as("refused charts change nothing").isEqualTo(before);
            ExchangeServerIT.awaitSameAsServer(server, viewer, "alice");
        }
    }

    private static String chart(String id, long duration, int width, String anchor) {
        return "{\"aid\":\"set_chart\",\"chart_id\":\"" + id + "\",\"ins_list\":\"" + CU + "\",\"duration\":"
                + duration + ",\"view_width\":" + width + anchor + "}";
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
