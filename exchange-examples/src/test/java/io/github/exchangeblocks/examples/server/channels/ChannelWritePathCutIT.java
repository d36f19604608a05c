package io.github.exchangeblocks.examples.server.channels;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.channels.ChannelServers.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader that never reads is cut on the write path: the I/O threads' tick (heartbeats, lag checks) is set to ten
 * minutes here, so only the checks made when the server writes to the connection (its socket took nothing for
 * {@code cutAfterMs}, or it stayed behind that long) can cut it within the test's time.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChannelWritePathCutIT {
    @TempDir
    Path dir;

    @Test
    void shouldCutAStalledReaderWithoutWaitingForTheTick() throws Exception {
        ChannelsConfig defaults = ChannelsConfig.defaults();
        ChannelsConfig config = new ChannelsConfig(defaults.maxChannels(), defaults.maxMessagesPerSecond(),
                defaults.pingIntervalMs(), defaults.idleTimeoutMs(), defaults.throttleMs(), 0, 256 << 10, 1 << 20,
                1000, 600_000, defaults.recentTrades(), defaults.authThreads(), 8 << 10,
                defaults.phaseGroups());
        try (ExchangeServer server = ChannelServers.start(dir, config);
             SilentSocket stalled = SilentSocket.open(server.address().getPort())) {
            stalled.sendText("{\"op\":\"subscribe\",\"channels\":[\"" + BTC + "@depth\",\"" + BTC + "@trades\",\""
                    + BTC + "@depth20\"]}");
            Random random = new Random(11);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int orders = 0;
            while (server.channels().cutCount() == 0) {
                assertThat(System.nanoTime()).as("cut within 60 s, no tick having run").isLessThan(deadline);
                for (int i = 0; i < 20; i++) {
                    long price = 10_000 + random.nextInt(200) - 100;
                    ChannelServers.order(server, "alice", "s" + orders, Side.SELL, price, 1 + random.nextInt(3));
                    ChannelServers.order(server, "bob", "b" + orders, Side.BUY, price + random.nextInt(3) - 1,
                            1 + random.nextInt(3));
                    orders++;
                }
                ChannelServers.settle(server);
                Thread.sleep(20);
            }

            assertThat(stalled.awaitClosed(10_000)).as("the stalled reader was closed").isTrue();
            assertThat(server.channels().cutCount()).isEqualTo(1);
        }
    }
}
