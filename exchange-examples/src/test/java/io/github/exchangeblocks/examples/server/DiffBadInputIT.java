package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.wal.DurabilityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.insert;
import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input against the live server: each bad frame gets an error notify or a close with a reason, nothing is
 * applied (the state hash and the journal do not move), and other sessions go on. Also the login limits and a
 * client that does not read.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DiffBadInputIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    private ExchangeServer start(ServerConfig config) throws InterruptedException {
        ExchangeServer server = ExchangeServer.start(config);
        open.add(server);
        return server;
    }

    private DiffTestClient client(ExchangeServer server) {
        DiffTestClient client = DiffTestClient.connect(server);
        open.add(client);
        return client;
    }

    private static long[] hashAndSequence(ExchangeServer server) {
        long[] seen = new long[2];
        server.core().await(state -> seen[0] = state.stateHash(), 10_000);
        seen[1] = server.core().appliedSequence();
        return seen;
    }

    @Test
    void shouldNotifyAndApplyNothingWhenFramesAreMalformed() throws Exception {
        ExchangeServer server = start(ExchangeServerIT.config(dir));
        DiffTestClient bob = loggedIn(client(server), "bob", "bob123");
        DiffTestClient client = client(server);
        client.await("the public snapshot", c -> c.at("ins_list") != null);
        long[] before = hashAndSequence(server);

        String[][] cases = {
            {"{\"aid\":\"peek_message\"", "DIFF_MALFORMED_JSON"},
            {"[1,2]", "DIFF_NOT_AN_OBJECT"},
            {"{\"aid\":\"buy_everything\"}", "DIFF_UNKNOWN_AID"},
            {"{\"aid\":\"subscribe_quote\",\"ins_list\":5}", "DIFF_INVALID_FIELD"},
            {"{\"aid\":\"insert_order\",\"user_id\":\"bob\"}", "DIFF_MISSING_FIELD"},
            {insert("bob", "z1", "BUY", "70000", 1), "DIFF_NOT_LOGGED_IN"},
            {"{\"aid\":\"cancel_order\",\"user_id\":\"bob\",\"order_id\":\"z1\"}", "DIFF_NOT_LOGGED_IN"},
            {"{\"aid\":\"req_transfer\",\"future_account\":\"bob\",\"currency\":\"CNY\",\"amount\":5}",
                "DIFF_NOT_LOGGED_IN"},
            {"{\"aid\":\"set_chart\",\"chart_id\":\"c\",\"ins_list\":\"SHFE.cu2512\",\"duration\":7,"
                + "\"view_width\":10}", "DIFF_INVALID_FIELD"},
            {"{\"aid\":\"set_chart\",\"chart_id\":\"c\",\"ins_list\":\"SHFE.no\",\"duration\":0,"
                + "\"view_width\":10}", "UNKNOWN_INSTRUMENT"},
            {"{\"aid\":\"set_chart\",\"chart_id\":\"c\",\"ins_list\":\"SHFE.cu2512\",\"duration\":\"60s\","
                + "\"view_width\":10}", "DIFF_INVALID_FIELD"},
            {"{\"aid\":\"set_chart\",\"chart_id\":\"c\",\"ins_list\":\"SHFE.cu2512\",\"duration\":0,"
                + "\"view_width\":10001}", "DIFF_INVALID_FIELD"},
        };
        for (String[] bad : cases) {
            String code = Integer.toString(RejectCode.valueOf(bad[1]).code());
            int seen = client.notifies.size();
            client.send(bad[0]);
            client.await("the answer to " + bad[0], c -> c.notifies.size() > seen);
            assertThat(client.notifies.get(seen).get("code").toString()).as("code for %s", bad[0]).isEqualTo(code);
        }
        loggedIn(client, "alice", "alice123");
        client.send(insert("alice", "a1", "BUY", "70005", 1));
        client.await("an off-tick price refused", c -> c.notifies.stream().anyMatch(n -> n.toString()
                .contains("must be a multiple of price_tick=10")));
        client.send(insert("bob", "a1", "BUY", "70000", 1));
        client.await("another user refused", c -> c.hasNotifyCode(RejectCode.DIFF_WRONG_USER.code()));
        client.send(insert("alice", "_a1", "BUY", "70000", 1));
        client.await("an order id that would be a reserved key refused", c -> c.notifies.stream().anyMatch(n ->
                n.toString().contains("order_id=_a1 must not start with '_'")));
        client.send("{\"aid\":\"req_transfer\",\"future_account\":\"alice\",\"currency\":\"CNY\",\"amount\":0.001}");
        client.await("a sub-cent amount refused", c -> c.notifies.stream().anyMatch(n -> n.toString()
                .contains("amount=0.001")));
        assertThat(hashAndSequence(server)).containsExactly(before);
        assertThat(client.at("trade", "alice", "orders")).isNull();

        bob.send(insert("bob", "b1", "SELL", "71000", 1));
        bob.await("the other session goes on", c -> "ALIVE".equals(c.text("trade", "bob", "orders", "b1", "status")));
    }

    @Test
    void shouldCloseWithAReasonWhenFramesAreBinaryOrOversized() throws Exception {
        ExchangeServer server = start(ExchangeServerIT.config(dir));
        DiffTestClient bob = loggedIn(client(server), "bob", "bob123");
        DiffTestClient binary = client(server);
        binary.await("the public snapshot", c -> c.at("ins_list") != null);
        rawSocket(server, binary);
        DiffTestClient oversized = client(server);
        oversized.await("the public snapshot", c -> c.at("ins_list") != null);
        oversized.sendAndForget("{\"aid\":\"subscribe_quote\",\"ins_list\":\"" + "A.b,".repeat(20_000) + "\"}");
        assertThat(oversized.closed.get(10, TimeUnit.SECONDS)).startsWith("1009");
        bob.send(insert("bob", "b1", "SELL", "71000", 1));
        bob.await("the other session goes on", c -> "ALIVE".equals(c.text("trade", "bob", "orders", "b1", "status")));
    }

    /** Binary frames go through a second raw connection, as the test client only sends text. */
    private void rawSocket(ExchangeServer server, DiffTestClient unused) throws Exception {
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(
                "ws://127.0.0.1:" + server.address().getPort() + "/trade"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode + " " + reason);
                        return null;
                    }
                }).join();
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("1003 binary frames are not supported: send JSON text");
        socket.abort();
    }

    @Test
    void shouldLimitFailedLoginsPerConnectionAndPerUser() throws Exception {
        ExchangeServer server = start(ExchangeServerIT.config(dir));
        DiffTestClient first = client(server);
        for (int i = 1; i <= 2; i++) {
            first.login("alice", "guess" + i);
            int failures = i;
            first.await("failure " + i, c -> c.notifies.stream().filter(n -> n.toString().contains(
                    Integer.toString(RejectCode.DIFF_LOGIN_FAILED.code()))).count() == failures);
        }
        first.login("alice", "guess3");
        assertThat(first.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1008 too many failed logins on this connection");
        DiffTestClient second = client(server);
        for (int i = 1; i <= 2; i++) {
            second.login("alice", "again" + i);
            int failures = i;
            second.await("failure " + i, c -> c.notifies.stream().filter(n -> n.toString().contains(
                    Integer.toString(RejectCode.DIFF_LOGIN_FAILED.code()))).count() == failures);
        }
        second.login("alice", "alice123");
        second.await("alice locked out", c -> c.hasNotifyCode(RejectCode.DIFF_LOGIN_RATE_LIMITED.code()));
        assertThat(second.at("trade")).isNull();
        loggedIn(client(server), "bob", "bob123");
    }

    @Test
    void shouldCutAClientThatDoesNotReadWithoutStoppingOthers() throws Exception {
        ServerConfig small = new ServerConfig("127.0.0.1", 0, dir, DurabilityMode.GROUP, 64 * 1024, 64 * 1024, 1,
                10_000);
        ExchangeServer server = start(small);
        DiffTestClient bob = loggedIn(client(server), "bob", "bob123");
        SlowReader slow = new SlowReader();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(
                "ws://127.0.0.1:" + server.address().getPort() + "/trade"), slow).join();
        open.add(socket::abort);
        DiffTestClient.eventually("the slow reader's session", () -> server.gateway().connectionCount() == 2);
        String first = "A.b,".repeat(15_000);
        String second = "A.c,".repeat(15_000);
        int sent = 0;
        try {
            for (; sent < 600 && server.gateway().connectionCount() > 1; sent++) {
                socket.sendText("{\"aid\":\"subscribe_quote\",\"ins_list\":\"" + (sent % 2 == 0 ? first : second)
                        + "\"}", true).get(10, TimeUnit.SECONDS);
                socket.sendText("{\"aid\":\"peek_message\"}", true).get(10, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException cut) {
            assertThat(cut).hasRootCauseInstanceOf(java.io.IOException.class);
        }
        DiffTestClient.eventually("the slow reader cut", () -> server.gateway().connectionCount() == 1);
        assertThat(sent).isGreaterThan(0);
        bob.send(insert("bob", "b1", "SELL", "71000", 1));
        bob.await("the other session goes on", c -> "ALIVE".equals(c.text("trade", "bob", "orders", "b1", "status")));
    }

    /** Reads the first message and then nothing more: the JDK client stops reading the socket without demand. */
    private static final class SlowReader implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            return null;
        }
    }
}
