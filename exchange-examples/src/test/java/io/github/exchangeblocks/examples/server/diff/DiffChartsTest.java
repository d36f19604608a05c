package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.patch.MergePatch;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.diff.snapshot.RtnDataListener;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ForwardingListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Charts over a real exchange state driven with chosen timestamps (one trade a minute gives one bar a minute),
 * read by a client that applies every answer; after every answer the client's copy equals what the manager holds
 * for its session.
 */
class DiffChartsTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long T0 = 29_000_000 * MINUTE;
    private static final String CU = Defaults.COPPER.instrumentId();

    private final DiffSnapshotManager manager = new DiffSnapshotManager();
    private final DiffPublisher publisher = new DiffPublisher(manager, 2, new ConcurrentHashMap<>(),
            new ArrayList<>());
    /** Silent until the publisher is attached, as the core's listener is during bootstrap and replay. */
    private ExchangeListener listening = new ExchangeListener() {
    };
    private final ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207,
            new ForwardingListener() {
                @Override
                protected ExchangeListener delegate() {
                    return listening;
                }
            });
    private final Replica client = new Replica();
    private DiffSession session;
    private int orders;

    @BeforeEach
    void bootstrap() {
        for (ExchangeCommand command : Defaults.bootstrap(List.of(Defaults.COPPER), List.of("alice", "bob"),
                1_000_000_000L)) {
            assertThat(state.apply(T0 - MINUTE, command)).isNull();
        }
        listening = publisher;
        publisher.publishAll(state);
        session = manager.openSession(client);
        session.peek();
    }

    /** One trade of {@code volume} lots at {@code priceTicks}, in minute {@code minute} after T0. */
    private void trade(int minute, long priceTicks, long volume) {
        long time = T0 + minute * MINUTE + orders;
        apply(time, new ExchangeCommand.InsertOrder("alice", "a" + ++orders, CU, Side.BUY, Offset.OPEN,
                OrderType.LIMIT, TimeInForce.GFD, priceTicks, volume, 0));
        apply(time + 1, new ExchangeCommand.InsertOrder("bob", "b" + ++orders, CU, Side.SELL, Offset.OPEN,
                OrderType.LIMIT, TimeInForce.IOC, priceTicks, volume, 0));
    }

    private void apply(long time, ExchangeCommand command) {
        assertThat(state.apply(time, command)).isNull();
        publisher.onBatchEnd();
        session.peek();
    }

    private JsonObject setChart(String json) {
        JsonObject refusal = publisher.setChart(session, (SetChart) ClientMessageDecoder.decode(json));
        session.peek();
        return refusal;
    }

    private static String chart(String id, long duration, int width) {
        return "{\"aid\":\"set_chart\",\"chart_id\":\"" + id + "\",\"ins_list\":\"" + CU + "\",\"duration\":"
                + duration + ",\"view_width\":" + width + "}";
    }

    private JsonValue at(String... path) {
        JsonValue value = client.copy;
        for (String key : path) {
            value = value instanceof JsonObject object ? object.get(key) : null;
        }
        return value;
    }

    private JsonObject bars() {
        return (JsonObject) at("klines", CU, Long.toString(MINUTE), "data");
    }

    private static String bar(long minute, long open, long high, long low, long close, long volume, long openOi,
                              long closeOi) {
        long id = T0 / MINUTE + minute;
        return "{\"datetime\":" + id * MINUTE + ",\"open\":" + open + ",\"high\":" + high + ",\"low\":" + low
                + ",\"close\":" + close + ",\"volume\":" + volume + ",\"open_oi\":" + openOi + ",\"close_oi\":" + closeOi
                + "}";
    }

    private static String id(long minute) {
        return Long.toString(T0 / MINUTE + minute);
    }

    @Test
    void shouldSendTheNewestViewWidthBarsBeforeReadyAndFollowTheSeries() {
        for (int minute = 0; minute < 5; minute++) {
            trade(minute, 7_000 + minute, 1);
        }

        assertThat(setChart(chart("c1", MINUTE, 3))).isNull();

        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(2), id(3), id(4));
        assertThat(bars().get(id(4)).toString()).isEqualTo(bar(4, 70040, 70040, 70040, 70040, 1, 4, 5));
        assertThat(at("klines", CU, Long.toString(MINUTE), "last_id").toString()).isEqualTo(id(4));
        assertThat(at("charts", "c1").toString()).isEqualTo("{\"state\":{\"chart_id\":\"c1\",\"ins_list\":\"" + CU
                + "\",\"duration\":60000000000,\"view_width\":3},\"left_id\":" + id(2) + ",\"right_id\":" + id(4)
                + ",\"more_data\":false,\"ready\":true}");
        assertThat(client.readyBeforeBars).isFalse();

        trade(5, 7_010, 2);
        trade(5, 6_990, 1);

        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(3), id(4), id(5));
        assertThat(bars().get(id(5)).toString()).isEqualTo(bar(5, 70100, 70100, 69900, 69900, 3, 5, 8));
        assertThat(at("charts", "c1", "left_id").toString()).isEqualTo(id(3));
        assertThat(at("charts", "c1", "right_id").toString()).isEqualTo(id(5));
    }

    @Test
    void shouldBringOlderBarsBackForAWiderChartAndKeepEachChartsOwnWindow() {
        for (int minute = 0; minute < 6; minute++) {
            trade(minute, 7_000, 1);
        }
        setChart(chart("narrow", MINUTE, 2));
        assertThat(bars().size()).isEqualTo(2);

        setChart(chart("wide", MINUTE, 5));

        assertThat(bars().members()).extracting(m -> m.getKey())
                .containsExactlyInAnyOrder(id(1), id(2), id(3), id(4), id(5));
        assertThat(at("charts", "wide", "left_id").toString()).isEqualTo(id(1));
        assertThat(at("charts", "narrow", "left_id").toString()).isEqualTo(id(4));

        setChart("{\"aid\":\"set_chart\",\"chart_id\":\"wide\",\"ins_list\":\"\",\"duration\":" + MINUTE + "}");
        assertThat(at("charts").toString()).doesNotContain("wide");
        trade(6, 7_000, 1);

        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(5), id(6));
        assertThat(at("charts", "narrow", "left_id").toString()).isEqualTo(id(5));
    }

    @Test
    void shouldShowTradesAsTicksAndStopUpdatingADeletedChart() {
        trade(0, 7_000, 1);
        trade(0, 7_001, 2);
        trade(0, 7_002, 3);
        setChart(chart("t", 0, 2));

        String emptyBook = ",\"bid_price1\":\"-\",\"bid_volume1\":0,\"ask_price1\":\"-\",\"ask_volume1\":0";
        assertThat(at("ticks", CU, "data").toString()).isEqualTo("{\"2\":{\"datetime\":" + (T0 + 3)
                + ",\"last_price\":70010,\"volume\":2,\"amount\":700100" + emptyBook + "},\"3\":{\"datetime\":"
                + (T0 + 5) + ",\"last_price\":70020,\"volume\":3,\"amount\":1050300" + emptyBook + "}}");
        assertThat(at("ticks", CU, "last_id").toString()).isEqualTo("3");
        assertThat(at("charts", "t", "left_id").toString()).isEqualTo("2");

        trade(1, 7_003, 1);
        assertThat(at("ticks", CU, "data", "4", "last_price").toString()).isEqualTo("70030");
        assertThat(at("ticks", CU, "data", "2")).isNull();
        assertThat(at("charts", "t", "right_id").toString()).isEqualTo("4");

        client.ticksStale = true;
        setChart("{\"aid\":\"set_chart\",\"chart_id\":\"t\",\"ins_list\":\"\",\"duration\":0}");
        assertThat(at("charts")).isEqualTo(new JsonObject());
        int answers = client.answers.size();
        trade(2, 7_004, 1);
        assertThat(client.answers).hasSize(answers);
    }

    @Test
    void shouldKeepEveryWindowOnBarsTheClientHoldsWhicheverPushAPeekIsAnsweredAfter() {
        EagerReplica eager = new EagerReplica();
        DiffSession eagerSession = manager.openSession(eager);
        eagerSession.peek();
        trade(0, 7_000, 1);
        publisher.setChart(eagerSession, (SetChart) ClientMessageDecoder.decode(chart("k", MINUTE, 2)));
        publisher.setChart(eagerSession, (SetChart) ClientMessageDecoder.decode(chart("t", 0, 1)));

        for (int minute = 1; minute < 6; minute++) {
            trade(minute, 7_000 + minute, 1);
        }

        assertThat(eager.frames).as("one answer per push").isGreaterThan(10);
        assertThat(eager.violations).isEmpty();
        assertThat(eager.copy).isEqualTo(manager.entitledSnapshot(eagerSession));
        JsonObject tickChart = eager.copy.getObject("charts").getObject("t");
        assertThat(tickChart.get("left_id").toString()).isEqualTo("6");
        assertThat(((JsonObject) eager.copy.getObject("ticks").get(CU)).getObject("data").members())
                .extracting(Map.Entry::getKey).containsExactly("6");
    }

    @Test
    void shouldRefuseInvalidChartsWithACodeAndChangeNothing() {
        trade(0, 7_000, 1);
        setChart(chart("ok", MINUTE, 2));
        JsonObject before = manager.entitledSnapshot(session);
        int answers = client.answers.size();

        assertThat(code(setChart(chart("c", MINUTE, 3).replace(CU, "SHFE.xx1")))).isEqualTo(
                RejectCode.UNKNOWN_INSTRUMENT.code());
        assertThat(code(setChart(chart("c", 2 * MINUTE, 3)))).isEqualTo(RejectCode.DIFF_INVALID_FIELD.code());
        assertThat(code(setChart(chart("c", MINUTE, 10_001)))).isEqualTo(RejectCode.DIFF_INVALID_FIELD.code());
        assertThat(code(setChart(chart("c", MINUTE, 3).replace(CU, CU + ",CFFEX.IF2512"))))
                .isEqualTo(RejectCode.DIFF_NOT_SUPPORTED.code());
        for (String bad : List.of(",\"left_kline_id\":-1", ",\"left_kline_id\":1.5", ",\"left_kline_id\":\"5\"",
                ",\"focus_datetime\":5", ",\"focus_position\":0", ",\"left_kline_id\":5,\"focus_datetime\":5",
                ",\"focus_datetime\":-5,\"focus_position\":0", ",\"focus_datetime\":5,\"focus_position\":3",
                ",\"focus_datetime\":5,\"focus_position\":-1")) {
            JsonObject refusal = setChart(chart("c", MINUTE, 3).replace("}", bad + "}"));
            assertThat(code(refusal)).as(bad).isEqualTo(RejectCode.DIFF_INVALID_FIELD.code());
            assertThat(refusal.get("content").toString()).as(bad).contains(bad.contains("left") ? "left_kline_id"
                    : bad.contains("position\":-1") || bad.contains("position\":3") ? "focus_position" : "focus_");
        }
        assertThat(publisher.setChart(session, (SetChart) ClientMessageDecoder.decode(chart("c", MINUTE, 3)
                .replace(CU, "SHFE.xx1"))).get("content").toString()).contains("SHFE.xx1");

        assertThat(manager.entitledSnapshot(session)).isEqualTo(before);
        assertThat(client.answers).hasSize(answers);
        assertThat(setChart(chart("c", MINUTE, 10_000))).isNull();
    }

    @Test
    void shouldPlaceAWindowByLeftKlineIdAndKeepItThereAsNewBarsArrive() {
        for (int minute = 0; minute < 6; minute++) {
            trade(minute, 7_000 + minute, 1);
        }
        long left = T0 / MINUTE + 1;

        assertThat(setChart(chart("old", MINUTE, 3).replace("}", ",\"left_kline_id\":" + left + "}"))).isNull();

        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(1), id(2), id(3));
        assertThat(at("charts", "old", "left_id").toString()).isEqualTo(id(1));
        assertThat(at("charts", "old", "right_id").toString()).isEqualTo(id(3));
        assertThat(at("charts", "old", "ready").toString()).isEqualTo("true");
        assertThat(client.readyBeforeBars).isFalse();

        trade(6, 7_006, 1);
        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(1), id(2), id(3));
        assertThat(at("charts", "old", "right_id").toString()).isEqualTo(id(3));

        setChart(chart("new", MINUTE, 2));
        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(1), id(2), id(3), id(5), id(6));
        trade(7, 7_007, 1);
        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(1), id(2), id(3), id(6), id(7));
        assertThat(at("charts", "new", "left_id").toString()).isEqualTo(id(6));
        assertThat(at("charts", "old", "left_id").toString()).isEqualTo(id(1));

        setChart("{\"aid\":\"set_chart\",\"chart_id\":\"old\",\"ins_list\":\"\",\"duration\":" + MINUTE + "}");
        trade(8, 7_008, 1);
        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(7), id(8));
    }

    @Test
    void shouldPutTheBarOfTheFocusTimeAtTheFocusPositionWithGapsLeftEmpty() {
        for (int minute : new int[] {0, 1, 3, 4, 5}) {
            trade(minute, 7_000 + minute, 1);
        }

        assertThat(setChart(chart("f", MINUTE, 3).replace("}", ",\"focus_datetime\":" + (T0 + 3 * MINUTE + 7)
                + ",\"focus_position\":1}"))).isNull();

        assertThat(bars().members()).extracting(m -> m.getKey()).containsExactly(id(3), id(4));
        assertThat(at("charts", "f", "left_id").toString()).isEqualTo(id(3));
        assertThat(at("charts", "f", "right_id").toString()).isEqualTo(id(4));
        assertThat(at("charts", "f", "state", "focus_position").toString()).isEqualTo("1");
    }

    @Test
    void shouldAnchorATickWindowOnTheFirstTickAtOrAfterTheFocusTime() {
        for (int minute = 0; minute < 5; minute++) {
            trade(minute, 7_000 + minute, 1);
        }
        // Tick n is the trade of minute n - 1, at T0 + (n - 1) * MINUTE + 2n - 1.
        assertThat(setChart(chart("t", 0, 2).replace("}", ",\"focus_datetime\":" + (T0 + 2 * MINUTE)
                + ",\"focus_position\":1}"))).isNull();

        assertThat(((JsonObject) at("ticks", CU, "data")).members()).extracting(m -> m.getKey())
                .containsExactly("2", "3");
        assertThat(at("charts", "t", "left_id").toString()).isEqualTo("2");
        assertThat(at("charts", "t", "right_id").toString()).isEqualTo("3");

        assertThat(setChart(chart("later", 0, 2).replace("}", ",\"left_kline_id\":7}"))).isNull();
        assertThat(at("charts", "later", "left_id").toString()).isEqualTo("-1");
        trade(5, 7_005, 1);
        trade(6, 7_006, 1);
        trade(7, 7_007, 1);
        assertThat(at("charts", "later", "left_id").toString()).isEqualTo("7");
        assertThat(at("charts", "later", "right_id").toString()).isEqualTo("8");
        assertThat(((JsonObject) at("ticks", CU, "data")).members()).extracting(m -> m.getKey())
                .containsExactly("2", "3", "7", "8");
    }

    @Test
    void shouldLimitTheChartsOfOneSession() {
        for (int i = 0; i < DiffCharts.MAX_CHARTS_PER_SESSION; i++) {
            assertThat(setChart(chart("c" + i, 0, 1))).isNull();
        }
        assertThat(code(setChart(chart("one-more", 0, 1)))).isEqualTo(RejectCode.DIFF_INVALID_FIELD.code());
        assertThat(setChart(chart("c0", MINUTE, 1))).as("replacing an open chart").isNull();
    }

    private static int code(JsonObject notify) {
        return Integer.parseInt(notify.get("code").toString());
    }

    /**
     * A client that peeks again as soon as it is answered, so every push the manager takes reaches it as a frame of
     * its own: the worst case of where a real client's peek may fall. After every frame, each ready chart's
     * {@code left_id} and {@code right_id} bars must be among the bars it holds.
     */
    private static final class EagerReplica implements RtnDataListener {
        final JsonObject copy = new JsonObject();
        final List<String> violations = new ArrayList<>();
        int frames;

        @Override
        public void onRtnData(DiffSession answered, List<JsonObject> patches) {
            for (JsonObject patch : patches) {
                MergePatch.applyInPlace(copy, patch.deepCopy());
            }
            frames++;
            JsonObject charts = copy.getObject("charts");
            if (charts != null) {
                for (Map.Entry<String, JsonValue> member : charts.members()) {
                    String chartId = member.getKey();
                    JsonObject chart = (JsonObject) member.getValue();
                    if (!"true".equals(String.valueOf(chart.get("ready")))) {
                        continue;
                    }
                    String duration = chart.getObject("state").get("duration").toString();
                    JsonObject series = (JsonObject) ("0".equals(duration) ? copy.getObject("ticks").get(CU)
                            : copy.getObject("klines").getObject(CU).get(duration));
                    for (String end : new String[] {"left_id", "right_id"}) {
                        String id = chart.get(end).toString();
                        if (!"-1".equals(id) && (series == null || !series.getObject("data").containsKey(id))) {
                            violations.add("frame " + frames + ": chart " + chartId + " " + end + "=" + id
                                    + " not held; series " + series);
                        }
                    }
                }
            }
            answered.peek();
        }
    }

    /** Applies every answer and checks it against the manager's snapshot of the session after each one. */
    private final class Replica implements RtnDataListener {
        final JsonObject copy = new JsonObject();
        final List<JsonObject> answers = new ArrayList<>();
        boolean readyBeforeBars;
        /** The client still holds the ticks of a removed chart, which the session is no longer entitled to. */
        boolean ticksStale;

        @Override
        public void onRtnData(DiffSession answered, List<JsonObject> patches) {
            for (JsonObject patch : patches) {
                JsonObject charts = patch.getObject("charts");
                if (charts != null && charts.toString().contains("\"ready\":true") && copy.get("klines") == null
                        && copy.get("ticks") == null && patch.get("klines") == null && patch.get("ticks") == null) {
                    readyBeforeBars = true;
                }
                MergePatch.applyInPlace(copy, patch.deepCopy());
            }
            answers.add(copy.deepCopy());
            JsonObject compared = copy.deepCopy();
            if (ticksStale) {
                compared.remove("ticks");
            }
            assertThat(compared).isEqualTo(manager.entitledSnapshot(answered));
        }
    }
}
