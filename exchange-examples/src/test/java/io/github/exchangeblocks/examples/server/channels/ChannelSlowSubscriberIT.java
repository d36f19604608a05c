package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.OpenResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.exchangeblocks.examples.server.channels.ChannelServers.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow subscribers under a steady order flow: one that never reads is cut; one that stops reading for a while gets
 * a {@code resync} notice on its delta channels and then a fresh snapshot, and rebuilds the engine's book; a
 * reader that keeps up meanwhile sees every delta, chained, without a resync.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ChannelSlowSubscriberIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    @Test
    void shouldCutAStalledReaderAndResyncAPausedOneWhileOthersKeepUp() throws Exception {
        // Every engine batch sends its own delta (update interval 0), and each order is its own batch (the loop waits
        // for each to be applied before it sends the next: the engine applies whatever the ring holds as one batch):
        // the most bytes per order, so the paused reader passes the lag bound within a few rounds even on a busy
        // machine. The bound is 1 MiB (4x the default) so that the healthy reader, a JDK client taking thousands of
        // deltas a second on a loaded CI machine, never falls that far behind; the paused one passes it within one
        // 2 s pause.
        ExchangeServer server = ChannelServers.start(dir, ChannelsConfig.defaults()
                .withSendBuffer(8 << 10).withUpdateInterval(0).withLagBounds(1 << 20, 4 << 20, 5000));
        open.add(server);
        int port = server.address().getPort();
        ChannelTestClient healthy = ChannelTestClient.connect(port);
        open.add(healthy);
        ChannelTestClient paused = ChannelTestClient.connect(port);
        open.add(paused);
        SilentSocket stalled = SilentSocket.open(port);
        open.add(stalled);
        healthy.subscribe(BTC + "@depth", BTC + "@trades");
        paused.subscribe(BTC + "@depth", BTC + "@trades", BTC + "@depth5");
        stalled.sendText("{\"op\":\"subscribe\",\"channels\":[\"" + BTC + "@depth\",\"" + BTC + "@trades\"]}");
        healthy.awaitChannel(BTC + "@depth", m -> true);
        paused.awaitChannel(BTC + "@depth", m -> true);

        paused.pause();
        Random random = new Random(7);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int orders = 0;
        long pausedAt = System.nanoTime();
        while (paused.channel(BTC + "@depth").stream().noneMatch(m -> "resync".equals(m.path("type").asText()))
                || server.channels().cutCount() == 0) {
            assertThat(System.nanoTime()).as("a resync and a cut within 60 s").isLessThan(deadline);
            for (int i = 0; i < 50; i++) {
                long price = 10_000 + random.nextInt(200) - 100;
                submit(server, "alice", "s" + orders, Side.SELL, price, 1 + random.nextInt(3));
                ChannelServers.settle(server);
                submit(server, "bob", "b" + orders, Side.BUY, price + random.nextInt(3) - 1, 1 + random.nextInt(3));
                ChannelServers.settle(server);
                orders++;
            }
            // Paused 2 s at a time (well under the 5 s a stalled socket may last), then reading for 300 ms.
            if (System.nanoTime() - pausedAt > 2_000_000_000L) {
                paused.resume();
                Thread.sleep(300);
                paused.pause();
                pausedAt = System.nanoTime();
            }
        }
        paused.resume();
        ChannelServers.settle(server);
        long engineUpdateId = engineUpdateId(server);
        Map<String, Long> bids = new TreeMap<>();
        Map<String, Long> asks = new TreeMap<>();
        engineBook(server, bids, asks);

        assertThat(stalled.awaitClosed(10_000)).as("the stalled reader was closed").isTrue();
        for (ChannelTestClient client : List.of(healthy, paused)) {
            client.awaitChannel(BTC + "@depth", m -> m.path("u").asLong() >= engineUpdateId
                    || m.path("lastUpdateId").asLong() >= engineUpdateId);
            BookReplica replica = new BookReplica();
            for (JsonNode message : client.channel(BTC + "@depth")) {
                replica.apply(message);
            }
            assertThat(replica.broken).as("chain").isNull();
            assertThat(replica.bids).isEqualTo(bids);
            assertThat(replica.asks).isEqualTo(asks);
            assertThat(client.gaps).as("sequence gaps").isEmpty();
            assertThat(client.isOpen()).isTrue();
        }
        assertThat(healthy.channel(BTC + "@depth")).noneMatch(m -> "resync".equals(m.get("type").asText()));
        List<JsonNode> pausedDepth = paused.channel(BTC + "@depth");
        int resync = indexOfType(pausedDepth, "resync", 0);
        assertThat(indexOfType(pausedDepth, "snapshot", resync)).as("a snapshot after the resync").isPositive();
        // depth5 conflates instead: no resync, and the latest top 5 arrives once the reader catches up.
        // (A top-5 message goes out only when the top 5 changed, so the last one may be older than the last delta.)
        paused.awaitChannel(BTC + "@depth5", m -> levels(m.get("asks")).equals(best(asks, 5, false))
                && levels(m.get("bids")).equals(best(bids, 5, true)));
        List<JsonNode> top = paused.channel(BTC + "@depth5");
        assertThat(top).noneMatch(m -> "resync".equals(m.get("type").asText()));
        JsonNode latest = top.get(top.size() - 1);
        assertThat(levels(latest.get("asks"))).isEqualTo(best(asks, 5, false));
        assertThat(levels(latest.get("bids"))).isEqualTo(best(bids, 5, true));
        List<JsonNode> trades = healthy.channel(BTC + "@trades");
        long previous = trades.get(0).get("lastTickId").asLong();
        for (JsonNode message : trades.subList(1, trades.size())) {
            assertThat(message.get("firstTickId").asLong()).isEqualTo(previous + 1);
            previous = message.get("lastTickId").asLong();
        }
    }

    private static Map<String, Long> levels(JsonNode side) {
        Map<String, Long> levels = new TreeMap<>();
        for (JsonNode level : side) {
            levels.put(level.get(0).asText(), level.get(1).asLong());
        }
        return levels;
    }

    /** The best {@code n} levels of a side, by price (bids highest first, asks lowest first). */
    private static Map<String, Long> best(Map<String, Long> side, int n, boolean bids) {
        Map<String, Long> best = new TreeMap<>();
        side.entrySet().stream()
                .sorted((a, b) -> bids ? new java.math.BigDecimal(b.getKey()).compareTo(new java.math.BigDecimal(
                        a.getKey())) : new java.math.BigDecimal(a.getKey()).compareTo(new java.math.BigDecimal(
                        b.getKey())))
                .limit(n).forEach(e -> best.put(e.getKey(), e.getValue()));
        return best;
    }

    private static int indexOfType(List<JsonNode> messages, String type, int from) {
        for (int i = from; i < messages.size(); i++) {
            if (type.equals(messages.get(i).get("type").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static void submit(ExchangeServer server, String user, String id, Side side, long price, long volume)
            throws InterruptedException {
        // Sells rest, buys take what they can and go: the book changes on every order without growing forever.
        TimeInForce timeInForce = side == Side.SELL ? TimeInForce.GTC : TimeInForce.IOC;
        ExchangeCommand order = new ExchangeCommand.InsertOrder(user, id, BTC, side, Offset.AUTO, OrderType.LIMIT,
                timeInForce, price, volume, 0);
        while (server.core().submit(order, null, 0) == RejectCode.EXCHANGE_BUSY) {
            Thread.sleep(1);
        }
    }

    private static long engineUpdateId(ExchangeServer server) {
        AtomicLong id = new AtomicLong();
        server.core().await(state -> id.set(state.venue().marketData(state.venue().registry().indexOf(BTC)).depth()
                .lastUpdateId()), 10_000);
        return id.get();
    }

    private static void engineBook(ExchangeServer server, Map<String, Long> bids, Map<String, Long> asks) {
        server.core().await(state -> {
            int index = state.venue().registry().indexOf(BTC);
            var spec = state.venue().registry().get(index).spec();
            DepthSnapshot depth = state.venue().book(index).depth(new DepthSnapshot(10_000));
            for (int i = 0; i < depth.bidLevels(); i++) {
                bids.put(MessageWriter.price(spec, depth.bidPrice(i)), depth.bidQuantity(i));
            }
            for (int i = 0; i < depth.askLevels(); i++) {
                asks.put(MessageWriter.price(spec, depth.askPrice(i)), depth.askQuantity(i));
            }
        }, 10_000);
    }
}
