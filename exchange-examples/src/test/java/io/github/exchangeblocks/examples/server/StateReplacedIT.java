package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.examples.server.channels.ChannelGateway;
import io.github.exchangeblocks.examples.server.channels.ChannelTestClient;
import io.github.exchangeblocks.examples.server.diff.DiffGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.insert;
import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "state replaced" signal ({@code ExchangeListener.onStateReplaced}, sent by a cluster replica that reloaded a
 * whole state transfer) reaching the gateways of a running server: every DIFF session and every channel connection
 * is closed with WebSocket status 1012 and a reason saying why; clients that reconnect get the whole state again
 * and follow the events from then on. The signal is given on the engine thread, as the replica gives it, with the
 * core's own state as the new one.
 */
class StateReplacedIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    @Test
    void shouldCloseEverySessionWithTheReasonAndServeTheStateWholeToClientsThatReconnect() throws Exception {
        ExchangeServer server = ExchangeServer.start(ExchangeServerIT.config(dir));
        open.add(server);
        int port = server.address().getPort();
        DiffTestClient alice = diff(port, "alice", "alice123");
        alice.send(insert("alice", "a1", "BUY", "70000", 2));
        alice.await("a1 working", c -> "ALIVE".equals(c.text("trade", "alice", "orders", "a1", "status")));
        DiffTestClient bob = diff(port, "bob", "bob123");
        ChannelTestClient channel = channels(port);
        channel.subscribe("SHFE.cu2512@depth");
        DiffTestClient.eventually("both DIFF sessions counted", () -> server.gateway().connectionCount() == 2);

        server.core().await(state -> {
            server.gateway().listener().onStateReplaced(state);
            server.channels().listener().onStateReplaced(state);
        }, 10_000);

        assertThat(alice.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1012 " + DiffGateway.STATE_REPLACED);
        assertThat(bob.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1012 " + DiffGateway.STATE_REPLACED);
        assertThat(channel.closed.get(10, TimeUnit.SECONDS)).isEqualTo("1012 " + ChannelGateway.STATE_REPLACED);
        DiffTestClient.eventually("the closed sessions no longer counted", () ->
                server.gateway().connectionCount() == 0 && server.channels().connectionCount() == 0);

        DiffTestClient again = diff(port, "alice", "alice123");
        assertThat(again.text("trade", "alice", "orders", "a1", "status")).isEqualTo("ALIVE");
        assertThat(again.text("trade", "alice", "orders", "a1", "volume_left")).isEqualTo("2");
        DiffTestClient bobAgain = diff(port, "bob", "bob123");
        bobAgain.send(insert("bob", "b1", "SELL", "70000", 1));
        again.await("a1 partly filled after the replacement", c ->
                "1".equals(c.text("trade", "alice", "orders", "a1", "volume_left"))
                        && "1".equals(c.text("trade", "alice", "positions", "SHFE.cu2512", "volume_long")));
        assertThat(((io.github.exchangeblocks.diff.json.JsonObject) again.at("trade", "alice", "trades")).size())
                .isEqualTo(1);
        ExchangeServerIT.awaitSameAsServer(server, again, "alice");

        ChannelTestClient channelAgain = channels(port);
        channelAgain.subscribe("SHFE.cu2512@depth");
        assertThat(channelAgain.awaitChannel("SHFE.cu2512@depth", message -> true).toString())
                .as("the depth snapshot from the state after the replacement")
                .contains("\"snapshot\"").contains("70000");
    }

    private DiffTestClient diff(int port, String user, String password) {
        DiffTestClient client = DiffTestClient.connect(port);
        open.add(client);
        return loggedIn(client, user, password);
    }

    private ChannelTestClient channels(int port) {
        ChannelTestClient client = ChannelTestClient.connect(port);
        open.add(client);
        return client;
    }
}
