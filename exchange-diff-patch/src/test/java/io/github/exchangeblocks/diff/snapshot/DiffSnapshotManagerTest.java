package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.codec.ClientMessage;
import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.codec.ErrorNotify;
import io.github.exchangeblocks.diff.codec.InvalidMessage;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiffSnapshotManagerTest {
    private final DiffSnapshotManager manager = new DiffSnapshotManager();

    private static JsonObject json(String text) {
        return (JsonObject) JsonReader.parse(text);
    }

    private static SubscribeQuote subscribe(String insList) {
        return (SubscribeQuote) ClientMessageDecoder.decode(
                "{\"aid\":\"subscribe_quote\",\"ins_list\":\"" + insList + "\"}");
    }

    @Test
    void shouldAnswerFirstPeekWithFullEntitledSnapshot() {
        manager.pushTrade("u1", json("{\"accounts\":{\"CNY\":{\"balance\":100}}}"));
        manager.pushQuote("SHFE.cu2512", json("{\"last_price\":75230.0}"));
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.login(session, "u1");
        manager.subscribeQuotes(session, subscribe("SHFE.cu2512"));

        session.peek();

        assertThat(client.answers).hasSize(1);
        assertThat(client.snapshot).isEqualTo(manager.entitledSnapshot(session));
        assertThat(client.snapshot.toString()).isEqualTo("{\"ins_list\":\"SHFE.cu2512\",\"mdhis_more_data\":false,"
                + "\"trade\":{\"u1\":{\"accounts\":{\"CNY\":{\"balance\":100}}}},"
                + "\"quotes\":{\"SHFE.cu2512\":{\"last_price\":75230.0}}}");
    }

    @Test
    void shouldParkPeekAndCompleteOnNextChange() {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.login(session, "u1");
        session.peek();
        session.peek();
        session.peek();
        assertThat(client.answers).hasSize(1);

        manager.pushTrade("u1", json("{\"orders\":{\"o1\":{\"status\":\"ALIVE\"}}}"));
        manager.pushTrade("u1", json("{\"orders\":{\"o1\":{\"status\":\"FINISHED\"}}}"));

        assertThat(client.answers).hasSize(2);
        assertThat(client.answers.get(1).toString()).isEqualTo("[{\"trade\":{\"u1\":{\"orders\":{\"o1\":"
                + "{\"status\":\"ALIVE\"}}}}}]");
        session.peek();
        assertThat(client.answers).hasSize(3);
        assertThat(client.snapshot).isEqualTo(manager.entitledSnapshot(session));
    }

    @Test
    void shouldNeverAnswerWithNothingWhenPushIsEmptyOrForOthers() {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.login(session, "u1");
        session.peek();

        manager.pushTrade("u1", new JsonObject());
        manager.pushTrade("u2", json("{\"accounts\":{\"CNY\":{\"balance\":1}}}"));
        manager.pushQuote("SHFE.cu2512", json("{\"last_price\":1}"));

        assertThat(client.answers).hasSize(1);
    }

    @Test
    void shouldCoalesceManyUpdatesIntoOneBoundedPatch() {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.subscribeQuotes(session, subscribe("SHFE.cu2512"));
        session.peek();
        for (int i = 0; i < 10_000; i++) {
            manager.pushQuote("SHFE.cu2512", new JsonObject().put("last_price", 75_000 + i).put("volume", i));
        }

        session.peek();

        assertThat(client.answers.get(client.answers.size() - 1).toString())
                .isEqualTo("[{\"quotes\":{\"SHFE.cu2512\":{\"last_price\":84999,\"volume\":9999}}}]");
    }

    @Test
    void shouldEchoInsListExactlyAndSendOnlySubscribedQuotes() {
        manager.pushQuote("SHFE.cu2512", json("{\"last_price\":1}"));
        manager.pushQuote("CFFEX.IF2512", json("{\"last_price\":2}"));
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.subscribeQuotes(session, subscribe("CFFEX.IF2512, SHFE.rb2601"));
        session.peek();
        manager.pushQuote("SHFE.cu2512", json("{\"last_price\":3}"));
        manager.subscribeQuotes(session, subscribe("SHFE.cu2512"));
        manager.pushQuote("CFFEX.IF2512", json("{\"last_price\":4}"));
        session.peek();

        assertThat(client.snapshot.toString()).isEqualTo("{\"ins_list\":\"SHFE.cu2512\",\"mdhis_more_data\":false,"
                + "\"quotes\":{\"CFFEX.IF2512\":{\"last_price\":2},\"SHFE.cu2512\":{\"last_price\":3}}}");
    }

    @Test
    void shouldSendSeriesAndEchoStateWhenChartIsSet() {
        manager.pushKlines("SHFE.cu2512", 60_000_000_000L, DiffLayout.bars(1, 0,
                json("{\"open\":1,\"close\":2}"), json("{\"open\":2,\"close\":3}")));
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        SetChart chart = (SetChart) ClientMessageDecoder.decode("{\"aid\":\"set_chart\",\"chart_id\":\"c1\","
                + "\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,\"view_width\":2}");
        manager.setChart(session, chart);
        session.peek();
        manager.pushKlines("SHFE.cu2512", 60_000_000_000L, DiffLayout.bars(2, 2, json("{\"open\":3,\"close\":4}")));
        manager.pushKlines("SHFE.cu2512", 120_000_000_000L, DiffLayout.bars(0, 0, json("{\"open\":9}")));
        session.peek();

        assertThat(client.snapshot).isEqualTo(manager.entitledSnapshot(session));
        assertThat(((JsonObject) client.snapshot).get("charts").toString()).isEqualTo("{\"c1\":{\"state\":"
                + "{\"chart_id\":\"c1\",\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,\"view_width\":2}}}");
        assertThat(((JsonObject) client.snapshot).getObject("klines").getObject("SHFE.cu2512").size()).isEqualTo(1);
    }

    @Test
    void shouldRejectLayoutViolationsWithoutChangingState() {
        manager.pushTrade("u1", json("{\"accounts\":{\"CNY\":{\"balance\":100}}}"));

        assertThatThrownBy(() -> manager.pushTrade("u1", json("{\"accounts\":{\"CNY\":{\"_hidden\":1}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("member trade.u1.accounts.CNY._hidden starts with '_': DIFF clients reserve such names");
        assertThatThrownBy(() -> manager.pushTrade("u1", json("{\"accounts\":{\"CNY\":{\"balance\":{\"x\":1}}}}")))
                .hasMessage("member trade.u1.accounts.CNY.balance would change from scalar to object: "
                        + "DIFF clients require a member to keep its kind");
        assertThatThrownBy(() -> manager.pushTrade("u1", json("{\"accounts\":7}")))
                .hasMessageContaining("from object to scalar");
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.login(session, "u1");
        session.peek();
        assertThat(client.snapshot.toString()).contains("{\"CNY\":{\"balance\":100}}");
    }

    @Test
    void shouldNumberNotificationsPerSession() {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.notify(session, json("{\"level\":\"ERROR\",\"content\":\"a\"}"));
        manager.notify(session, json("{\"level\":\"INFO\",\"content\":\"b\"}"));
        session.peek();

        assertThat(((JsonObject) client.snapshot).get("notify").toString())
                .isEqualTo("{\"1\":{\"level\":\"ERROR\",\"content\":\"a\"},\"2\":{\"level\":\"INFO\",\"content\":\"b\"}}");
    }

    @Test
    void shouldStopDeliveringWhenSessionIsClosed() {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.login(session, "u1");
        manager.closeSession(session);
        manager.pushTrade("u1", json("{\"session\":{\"trading_day\":\"20251006\"}}"));
        session.peek();

        assertThat(client.answers).isEmpty();
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void shouldNotBlockProducerWhenConsumerHoldsSessionLock() throws InterruptedException {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.login(session, "u1");
        session.peek();
        session.peek();
        session.lockSpin();
        Thread producer = new Thread(() -> manager.pushTrade("u1", json("{\"trade_more_data\":false}")));
        producer.start();
        producer.join(10_000);
        assertThat(producer.isAlive()).isFalse();
        assertThat(client.answers).hasSize(1);

        session.unlock();
        session.drainAfterUnlock();

        assertThat(client.answers).hasSize(2);
        assertThat(client.answers.get(1)).isEqualTo(List.of(json("{\"trade\":{\"u1\":{\"trade_more_data\":false}}}")));
    }

    @Test
    void shouldDeliverToOtherSessionsWhenOneListenerThrows() {
        DiffSession failing = manager.openSession((s, patches) -> {
            throw new IllegalStateException("host bug");
        });
        ClientReplica client = new ClientReplica();
        DiffSession healthy = manager.openSession(client);
        manager.login(healthy, "u1");
        manager.login(failing, "u1");
        healthy.peek();
        assertThatThrownBy(failing::peek).hasMessage("host bug");
        failing.peek();
        healthy.peek();

        assertThatThrownBy(() -> manager.pushTrade("u1", json("{\"trade_more_data\":false}")))
                .hasMessage("host bug");

        assertThat(client.answers).hasSize(2);
        assertThat(client.snapshot).isEqualTo(manager.entitledSnapshot(healthy));
    }

    @Test
    void shouldSendErrorNotifyWhenMessageCannotBeDecoded() {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        ClientMessage message = ClientMessageDecoder.decode("{\"aid\":\"peek_message\"");
        manager.notify(session, ErrorNotify.of((InvalidMessage) message));
        session.peek();

        assertThat(((JsonObject) client.snapshot).get("notify").toString()).startsWith(
                "{\"1\":{\"type\":\"MESSAGE\",\"level\":\"ERROR\",\"code\":3000,\"content\":\"malformed JSON");
    }

    @Test
    void shouldReplaceStaleQuoteExactlyWhenResubscribing() {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.subscribeQuotes(session, subscribe("SHFE.cu2512"));
        manager.pushQuote("SHFE.cu2512", json("{\"x\":1,\"y\":2}"));
        session.peek();
        manager.subscribeQuotes(session, subscribe(""));
        manager.pushQuote("SHFE.cu2512", json("{\"y\":null,\"z\":3}"));
        session.peek();
        assertThat(((JsonObject) client.snapshot).get("quotes").toString()).isEqualTo("{\"SHFE.cu2512\":{\"x\":1,\"y\":2}}");

        manager.subscribeQuotes(session, subscribe("SHFE.cu2512"));
        session.peek();

        assertThat(client.snapshot).isEqualTo(manager.entitledSnapshot(session));
        assertThat(((JsonObject) client.snapshot).get("quotes").toString()).isEqualTo("{\"SHFE.cu2512\":{\"x\":1,\"z\":3}}");
    }

    @Test
    void shouldReplaceStaleSeriesExactlyWhenChartComesBack() {
        long minute = 60_000_000_000L;
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        SetChart show = (SetChart) ClientMessageDecoder.decode("{\"aid\":\"set_chart\",\"chart_id\":\"c1\","
                + "\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,\"view_width\":2}");
        SetChart hide = (SetChart) ClientMessageDecoder.decode("{\"aid\":\"set_chart\",\"chart_id\":\"c1\","
                + "\"ins_list\":\"\",\"duration\":60000000000}");
        manager.setChart(session, show);
        manager.pushKlines("SHFE.cu2512", minute, DiffLayout.bars(1, 0, json("{\"close\":1}"), json("{\"close\":2}")));
        session.peek();
        manager.setChart(session, hide);
        manager.pushKlines("SHFE.cu2512", minute, json("{\"last_id\":2,\"data\":{\"0\":null,\"2\":{\"close\":3}}}"));
        session.peek();

        manager.setChart(session, show);
        session.peek();

        assertThat(client.snapshot).isEqualTo(manager.entitledSnapshot(session));
        assertThat(client.answers.get(client.answers.size() - 1)).hasSize(2);
    }

    @Test
    void shouldKeepViewMembersBesideStateWhenChartIsUpdatedAndReplaced() {
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.setChart(session, (SetChart) ClientMessageDecoder.decode("{\"aid\":\"set_chart\",\"chart_id\":"
                + "\"c1\",\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,\"view_width\":2,\"extra\":1}"));
        manager.updateChart(session, "c1", json("{\"left_id\":5,\"right_id\":6,\"ready\":true}"));
        session.peek();
        manager.setChart(session, (SetChart) ClientMessageDecoder.decode("{\"aid\":\"set_chart\",\"chart_id\":"
                + "\"c1\",\"ins_list\":\"SHFE.cu2512\",\"duration\":0,\"view_width\":3}"));
        manager.updateChart(session, "c1", json("{\"left_id\":1}"));
        session.peek();

        assertThat(client.snapshot).isEqualTo(manager.entitledSnapshot(session));
        assertThat(((JsonObject) client.snapshot).get("charts").toString()).isEqualTo("{\"c1\":{\"state\":"
                + "{\"chart_id\":\"c1\",\"ins_list\":\"SHFE.cu2512\",\"duration\":0,\"view_width\":3},"
                + "\"left_id\":1,\"right_id\":6,\"ready\":true}}");
        assertThatThrownBy(() -> manager.updateChart(session, "c2", json("{\"ready\":true}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c2");
        assertThatThrownBy(() -> manager.updateChart(session, "c1", json("{\"state\":{}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> manager.updateChart(session, "c1", json("{\"ready\":{\"x\":1}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scalar to object");
    }
}
