package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.exchangeblocks.api.Side;
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
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.channels.ChannelServers.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel protocol at {@code /ws} against the real server on a free loopback port with the JDK WebSocket
 * client: subscribe and unsubscribe with the request id echoed, ping, login, and every error with its code.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChannelProtocolIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    private ExchangeServer start(ChannelsConfig config) throws InterruptedException {
        ExchangeServer server = ChannelServers.start(dir, config);
        open.add(server);
        return server;
    }

    private ChannelTestClient client(ExchangeServer server) {
        ChannelTestClient client = ChannelTestClient.connect(server.address().getPort());
        open.add(client);
        return client;
    }

    private static void assertError(JsonNode reply, ChannelError error, String messagePart) {
        assertThat(reply.path("error").path("code").asInt()).as("code of %s", reply).isEqualTo(error.code());
        assertThat(reply.path("error").path("msg").asText()).contains(messagePart);
    }

    @Test
    void shouldEchoIdsAndAnswerSubscribeUnsubscribeAndPing() throws Exception {
        ExchangeServer server = start(ChannelsConfig.defaults());
        ChannelTestClient client = client(server);

        JsonNode subscribed = client.subscribe(BTC + "@depth", BTC + "@trades");
        assertThat(subscribed.get("op").asText()).isEqualTo("subscribe");
        assertThat(subscribed.get("result").asBoolean()).isTrue();
        assertThat(subscribed.get("channels")).hasSize(2);
        JsonNode snapshot = client.awaitChannel(BTC + "@depth", m -> "snapshot".equals(m.path("type").asText()));
        assertThat(snapshot.get("seq").asLong()).isEqualTo(1);
        assertThat(snapshot.get("symbol").asText()).isEqualTo(BTC);
        assertThat(snapshot.get("time").isIntegralNumber()).isTrue();

        client.send("{\"op\":\"ping\",\"id\":\"abc\"}");
        JsonNode pong = client.await("pong", m -> "abc".equals(m.path("id").asText()));
        assertThat(pong.get("op").asText()).isEqualTo("pong");

        JsonNode single = client.request("subscribe", "\"channel\":\"" + BTC + "@ticker\"");
        assertThat(single.get("channels").get(0).asText()).isEqualTo(BTC + "@ticker");

        JsonNode unsubscribed = client.unsubscribe(BTC + "@depth");
        assertThat(unsubscribed.get("result").asBoolean()).isTrue();
        int before = client.channel(BTC + "@depth").size();
        ChannelServers.order(server, "alice", "p1", Side.BUY, 10_000, 1);
        // A snapshot asked for after the order is built after it: the order's delta would have come before it.
        client.subscribe(BTC + "@depth5");
        JsonNode top = client.awaitChannel(BTC + "@depth5", m -> true);
        assertThat(top.get("bids").get(0).get(0).asText()).isEqualTo("1000.0");
        assertThat(client.channel(BTC + "@depth")).as("no depth after unsubscribe").hasSize(before);
        assertThat(client.gaps).isEmpty();
    }

    @Test
    void shouldRefuseBadRequestsWithCodesAndChangeNothing() throws Exception {
        ExchangeServer server = start(ChannelsConfig.defaults().withLimits(3, 1000));
        ChannelTestClient client = client(server);

        client.send("{not json");
        assertError(client.await("bad json", m -> m.has("error")), ChannelError.BAD_REQUEST, "not valid JSON");
        assertError(client.request("nosuch", ""), ChannelError.UNKNOWN_OP, "op 'nosuch' is unknown");
        client.send("{\"id\":77}");
        assertError(client.await("no op", m -> m.path("id").asInt() == 77), ChannelError.UNKNOWN_OP,
                "op must be a string");
        client.send("[1,2]");
        assertError(client.await("array", m -> m.path("error").path("msg").asText().contains("JSON object")),
                ChannelError.BAD_REQUEST, "must be a JSON object");
        assertError(client.subscribe("nodelimiter"), ChannelError.UNKNOWN_CHANNEL, "must be <symbol>@<kind>");
        assertError(client.subscribe(BTC + "@nosuch"), ChannelError.UNKNOWN_CHANNEL, "unknown kind 'nosuch'");
        assertError(client.subscribe("NOPE.X@depth"), ChannelError.UNKNOWN_SYMBOL, "symbol 'NOPE.X' is not listed");
        assertError(client.subscribe(BTC + "@kline_7m"), ChannelError.UNKNOWN_CHANNEL, "kept: 1m");
        assertError(client.subscribe(BTC + "@kline_60s"), ChannelError.UNKNOWN_CHANNEL, "as '1m'");
        assertError(client.subscribe("@depth"), ChannelError.UNKNOWN_CHANNEL, "needs a symbol");
        assertError(client.subscribe(BTC + "@order"), ChannelError.UNKNOWN_CHANNEL, "takes no symbol");
        assertError(client.subscribe("@order"), ChannelError.LOGIN_REQUIRED, "log in first");
        assertError(client.request("subscribe", "\"channels\":[]"), ChannelError.BAD_REQUEST, "non-empty array");
        assertError(client.request("subscribe", "\"channels\":[1]"), ChannelError.BAD_REQUEST,
                "channels[0] must be a string");
        assertError(client.subscribe(BTC + "@depth", BTC + "@depth"), ChannelError.BAD_REQUEST, "is repeated");
        assertError(client.unsubscribe(BTC + "@depth"), ChannelError.NOT_SUBSCRIBED, "is not subscribed");
        // One bad channel refuses the whole request: the good one before it is not subscribed either.
        assertError(client.subscribe(BTC + "@depth", BTC + "@bad"), ChannelError.UNKNOWN_CHANNEL, "@bad");
        assertThat(client.unsubscribe(BTC + "@depth").has("error")).isTrue();

        assertThat(client.subscribe(BTC + "@depth", BTC + "@trades").get("result").asBoolean()).isTrue();
        assertError(client.subscribe(BTC + "@depth"), ChannelError.ALREADY_SUBSCRIBED, "already subscribed");
        assertError(client.subscribe(BTC + "@ticker", BTC + "@markprice"), ChannelError.TOO_MANY_CHANNELS,
                "limit per connection is 3");
        assertThat(client.subscribe(BTC + "@ticker").get("result").asBoolean()).isTrue();

        client.sendBinary(new byte[] {1, 2});
        assertError(client.await("binary", m -> m.path("error").path("msg").asText().contains("binary")),
                ChannelError.BAD_REQUEST, "binary frames");

        assertError(client.login("alice", "wrong"), ChannelError.LOGIN_FAILED, "wrong");
        assertError(client.request("login", "\"user\":7,\"password\":\"x\""), ChannelError.LOGIN_FAILED,
                "user must be a non-empty string");
        assertError(client.request("login", "\"token\":\"t\""), ChannelError.LOGIN_FAILED,
                "token is unknown or expired");
        assertError(client.request("login", "\"user\":\"alice\""), ChannelError.LOGIN_FAILED,
                "password must be a string");
        assertError(client.request("login", "\"key\":\"k\""), ChannelError.LOGIN_FAILED,
                "login needs user and password (or another credential this server accepts)");
        assertThat(client.login("alice", "alice123").get("user").asText()).isEqualTo("alice");
        assertError(client.login("bob", "bob123"), ChannelError.ALREADY_LOGGED_IN, "already logged in as 'alice'");
        assertThat(client.isOpen()).isTrue();
        assertThat(client.gaps).isEmpty();
    }

    @Test
    void shouldCloseAfterTooManyMessagesInOneSecond() throws Exception {
        ExchangeServer server = start(ChannelsConfig.defaults());
        ChannelTestClient client = client(server);
        for (int i = 0; i < 21; i++) {
            client.send("{\"op\":\"ping\",\"id\":" + i + "}");
        }
        assertError(client.await("rate error", m -> m.has("error")), ChannelError.TOO_MANY_MESSAGES,
                "more than 20 messages in one second");
        assertThat(client.closed.get(10, TimeUnit.SECONDS)).startsWith("1008");
        assertThat(client.all().stream().filter(m -> "pong".equals(m.path("op").asText()))).hasSize(20);
    }

    @Test
    void shouldAcceptAnHttpApiTokenForItsOwnUser() throws Exception {
        ExchangeServer server = start(ChannelsConfig.defaults());
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.address().getPort() + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_name\":\"bob\",\"password\":\"bob123\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = new ObjectMapper().readTree(login.body()).get("token").asText();
        ChannelTestClient client = client(server);
        assertError(client.request("login", "\"token\":\"nope\""), ChannelError.LOGIN_FAILED, "token is unknown");
        assertError(client.request("login", "\"token\":\"" + token.substring(0, token.length() - 2) + "\""),
                ChannelError.LOGIN_FAILED, "token is unknown");
        assertThat(client.request("login", "\"token\":\"" + token + "\"").get("user").asText()).isEqualTo("bob");
        assertThat(client.subscribe("@balance").get("result").asBoolean()).isTrue();
        JsonNode balance = client.awaitChannel("@balance", m -> true);
        assertThat(balance.get("balance").asText()).isEqualTo("1000000.00");
    }

    @Test
    void shouldPingAndCloseSilentConnections() throws Exception {
        ExchangeServer server = start(ChannelsConfig.defaults().withHeartbeat(100, 800));
        ChannelTestClient answering = client(server);
        try (SilentSocket silent = SilentSocket.open(server.address().getPort())) {
            assertThat(silent.awaitClosed(10_000)).as("a client that never answers pings is closed").isTrue();
            assertThat(silent.sawPing()).isTrue();
        }
        // The JDK client answers pings with pongs: still open long after the idle timeout.
        Thread.sleep(1500);
        assertThat(answering.isOpen()).isTrue();
        assertThat(answering.request("ping", "").get("op").asText()).isEqualTo("pong");
    }

    @Test
    void shouldAnnounceShutdownBeforeACleanStop() throws Exception {
        ExchangeServer server = start(ChannelsConfig.defaults());
        ChannelTestClient client = client(server);
        client.subscribe(BTC + "@depth");
        server.close();
        JsonNode notice = client.await("shutdown notice", m -> "serverShutdown".equals(m.path("event").asText()));
        assertThat(notice.get("reason").asText()).isEqualTo("server shutting down");
        assertThat(client.closed.get(10, TimeUnit.SECONDS)).startsWith("1001");
    }
}
