package io.github.exchangeblocks.examples.server.channels;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.exchangeblocks.examples.server.channels.ChannelServers.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many connections at once, with the clients outside the JVM ({@code src/test/python/channel_clients.py} on
 * Debian's {@code python3-websockets}, so the server's and the clients' sockets do not share one process's file
 * limit): every connection subscribes to depth and trades, the core trades meanwhile, and every connection sees
 * every message of its channels in sequence with deltas chained. 200 connections by default; 10,000 with
 * {@code -Pslow}.
 */
class ChannelScaleIT {
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
            : "python3";
    private static final Pattern RESULT = Pattern.compile("RESULT connections=(\\d+) messages=(\\d+) gaps=(\\d+)"
            + " breaks=(\\d+) closed=(\\d+) with_deltas=(\\d+)");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldServeTwoHundredConnectionsWithoutGaps() throws Exception {
        run(200, 20, 4);
    }

    @Test
    @Tag("slow")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldServeTenThousandConnectionsWithoutGaps() throws Exception {
        run(10_000, 2, 15);
    }

    private void run(int connections, int ordersPerSecond, int seconds) throws Exception {
        Path probeOutput = dir.resolve("probe.out");
        Process probe = new ProcessBuilder(PYTHON, "-c", "import websockets").redirectErrorStream(true)
                .redirectOutput(probeOutput.toFile()).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as("%s cannot import websockets: install python3-websockets (.ci/run does)"
                + "; %s", PYTHON, Files.readString(probeOutput)).isZero();
        try (ExchangeServer server = ChannelServers.start(dir.resolve("data"), ChannelsConfig.defaults()
                .withSendBuffer(64 << 10))) {
            Process clients = new ProcessBuilder(List.of(PYTHON, Path.of("src", "test", "python",
                    "channel_clients.py").toString(), Integer.toString(server.address().getPort()),
                    Integer.toString(connections), Integer.toString(seconds), BTC + "@depth," + BTC + "@trades"))
                    .redirectError(dir.resolve("clients.err").toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String ready = out.readLine();
                assertThat(ready).as("clients: %s", Files.readString(dir.resolve("clients.err")))
                        .startsWith("READY " + connections + " ");
                System.out.println("channel scale: " + connections + " connections subscribed in "
                        + ready.split(" ")[2] + " s");
                trade(server, ordersPerSecond, seconds - 1);
                String result = out.readLine();
                assertThat(clients.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(result).as("clients: %s", Files.readString(dir.resolve("clients.err"))).isNotNull();
                System.out.println("channel scale: " + result);
                Matcher figures = RESULT.matcher(result);
                assertThat(figures.matches()).as(result).isTrue();
                assertThat(Integer.parseInt(figures.group(1))).isEqualTo(connections);
                assertThat(Long.parseLong(figures.group(3))).as("sequence gaps").isZero();
                assertThat(Long.parseLong(figures.group(4))).as("depth chain breaks").isZero();
                assertThat(Long.parseLong(figures.group(5))).as("connections the server closed").isZero();
                assertThat(Integer.parseInt(figures.group(6))).as("connections that got depth deltas")
                        .isEqualTo(connections);
            } finally {
                clients.destroyForcibly();
            }
        }
    }

    private static void trade(ExchangeServer server, int ordersPerSecond, int seconds) throws InterruptedException {
        Random random = new Random(11);
        int total = ordersPerSecond * seconds;
        for (int i = 0; i < total; i++) {
            boolean sell = (i & 1) == 0;
            RejectCode code = server.core().submit(new ExchangeCommand.InsertOrder(random.nextBoolean() ? "alice"
                    : "bob", "s" + i, BTC, sell ? Side.SELL : Side.BUY, Offset.AUTO, OrderType.LIMIT,
                    sell ? TimeInForce.GTC : TimeInForce.IOC, 10_000 + random.nextInt(10) - 5, 1, 0), null, 0);
            assertThat(code).isNull();
            Thread.sleep(1000 / ordersPerSecond);
        }
        ChannelServers.settle(server);
    }
}
