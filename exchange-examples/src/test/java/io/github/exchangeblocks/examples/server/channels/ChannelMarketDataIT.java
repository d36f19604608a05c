package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.OpenResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.channels.ChannelServers.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public and private channel against the real server with the JDK WebSocket client, and a client that
 * rebuilds the book from a snapshot and chained deltas while orders trade at random, checked against the
 * engine's book.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ChannelMarketDataIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    private ChannelTestClient client(ExchangeServer server) {
        ChannelTestClient client = ChannelTestClient.connect(server.address().getPort());
        open.add(client);
        return client;
    }

    private ExchangeServer start() throws InterruptedException {
        ExchangeServer server = ChannelServers.start(dir, ChannelsConfig.defaults());
        open.add(server);
        return server;
    }

    @Test
    void shouldPushEveryPublicChannelFromTheMarketDataBlocks() throws Exception {
        ExchangeServer server = start();
        ChannelTestClient client = client(server);
        String[] channels = {BTC + "@depth", BTC + "@depth5", BTC + "@depth10", BTC + "@depth20", BTC + "@trades",
            BTC + "@ticker", BTC + "@kline_1m", BTC + "@markprice"};
        assertThat(client.subscribe(channels).get("result").asBoolean()).isTrue();
        for (String channel : channels) {
            client.awaitChannel(channel, m -> m.get("seq").asLong() == 1);
        }

        ChannelServers.order(server, "alice", "a1", Side.SELL, 10_000, 2);
        ChannelServers.order(server, "bob", "b1", Side.BUY, 10_000, 1);

        JsonNode trades = client.awaitChannel(BTC + "@trades", m -> "trades".equals(m.get("type").asText()));
        assertThat(trades.get("firstTickId").asLong()).isEqualTo(1);
        assertThat(trades.get("lastTickId").asLong()).isEqualTo(1);
        assertThat(trades.get("trades").get(0).get("price").asText()).isEqualTo("1000.0");
        assertThat(trades.get("trades").get(0).get("qty").asLong()).isEqualTo(1);
        assertThat(trades.get("trades").get(0).get("side").asText()).isEqualTo("BUY");

        JsonNode ticker = client.awaitChannel(BTC + "@ticker", m -> m.get("volume").asLong() == 1);
        assertThat(ticker.get("last").asText()).isEqualTo("1000.0");
        assertThat(ticker.get("count").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(ticker.get("turnover").asText())).isEqualByComparingTo("1000");

        JsonNode kline = client.awaitChannel(BTC + "@kline_1m", m -> "kline".equals(m.get("type").asText()));
        JsonNode bar = kline.get("bars").get(kline.get("bars").size() - 1);
        assertThat(bar.get("close").asText()).isEqualTo("1000.0");
        assertThat(bar.get("volume").asLong()).isEqualTo(1);
        assertThat(kline.get("interval").asText()).isEqualTo("1m");
        assertThat(bar.get("end").asLong() - bar.get("start").asLong()).isEqualTo(59_999);

        JsonNode mark = client.awaitChannel(BTC + "@markprice", m -> "1000.0".equals(m.path("markPrice").asText()));
        assertThat(mark.get("estimatedSettlement").asText()).isEqualTo("1000.0");
        server.core().submit(new ExchangeCommand.MarkPrice(BTC, 10_010), null, 0);
        client.awaitChannel(BTC + "@markprice", m -> "1001.0".equals(m.path("markPrice").asText()));

        JsonNode top = client.awaitChannel(BTC + "@depth5", m -> m.get("asks").size() == 1
                && m.get("asks").get(0).get(1).asLong() == 1);
        assertThat(top.get("asks").get(0).get(0).asText()).isEqualTo("1000.0");
        JsonNode delta = client.awaitChannel(BTC + "@depth", m -> "delta".equals(m.get("type").asText()));
        assertThat(delta.get("U").asLong()).isEqualTo(1);
        assertThat(delta.get("asks").get(0).get(0).asText()).isEqualTo("1000.0");
        assertThat(client.gaps).isEmpty();
    }

    @Test
    void shouldPushPrivateChannelsOnlyToTheirUser() throws Exception {
        ExchangeServer server = start();
        ChannelTestClient alice = client(server);
        ChannelTestClient bob = client(server);
        assertThat(alice.login("alice", "alice123").get("result").asBoolean()).isTrue();
        assertThat(bob.login("bob", "bob123").get("result").asBoolean()).isTrue();
        String[] channels = {"@order", "@usertrades", "@balance", "@account", "@position"};
        alice.subscribe(channels);
        bob.subscribe(channels);
        for (String channel : channels) {
            alice.awaitChannel(channel, m -> "snapshot".equals(m.get("type").asText()));
            bob.awaitChannel(channel, m -> "snapshot".equals(m.get("type").asText()));
        }

        ChannelServers.order(server, "alice", "a1", Side.SELL, 10_000, 2);
        ChannelServers.order(server, "bob", "b1", Side.BUY, 10_000, 1);

        JsonNode fill = alice.awaitChannel("@usertrades", m -> "trade".equals(m.get("type").asText()));
        assertThat(fill.get("trade").get("clientOrderId").asText()).isEqualTo("a1");
        assertThat(fill.get("trade").get("maker").asBoolean()).isTrue();
        alice.awaitChannel("@order", m -> "a1".equals(m.path("order").path("clientOrderId").asText())
                && m.get("order").get("volumeLeft").asLong() == 1);
        alice.awaitChannel("@position", m -> m.path("position").path("shortToday").asLong() == 1);
        // The insert froze margin (balance unchanged); the fill charged commission.
        alice.awaitChannel("@balance", m -> "balance".equals(m.get("type").asText())
                && new BigDecimal(m.get("available").asText()).compareTo(new BigDecimal("1000000")) < 0);
        alice.awaitChannel("@balance", m -> "balance".equals(m.get("type").asText())
                && new BigDecimal(m.get("balance").asText()).compareTo(new BigDecimal("1000000")) < 0);
        alice.awaitChannel("@account", m -> "account".equals(m.get("type").asText())
                && new BigDecimal(m.get("margin").asText()).signum() > 0);
        bob.awaitChannel("@usertrades", m -> "b1".equals(m.path("trade").path("clientOrderId").asText()));
        bob.awaitChannel("@position", m -> m.path("position").path("longToday").asLong() == 1);
        ChannelServers.settle(server);
        bob.request("ping", "");
        alice.request("ping", "");

        for (JsonNode message : alice.all()) {
            assertThat(message.toString()).doesNotContain("\"b1\"");
        }
        for (JsonNode message : bob.all()) {
            assertThat(message.toString()).doesNotContain("\"a1\"");
        }
        assertThat(alice.gaps).isEmpty();
        assertThat(bob.gaps).isEmpty();
    }

    @Test
    void shouldRebuildTheEnginesBookFromASnapshotAndChainedDeltas() throws Exception {
        ExchangeServer server = start();
        ChannelTestClient early = client(server);
        early.subscribe(BTC + "@depth");
        Random random = new Random(20261205);
        ChannelTestClient late = null;
        List<String> working = new ArrayList<>();
        int orderId = 0;
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 60; i++) {
                if (!working.isEmpty() && random.nextInt(4) == 0) {
                    String[] owner = working.remove(random.nextInt(working.size())).split(":");
                    server.core().submit(new ExchangeCommand.CancelOrder(owner[0], owner[1]), null, 0);
                    continue;
                }
                String user = random.nextBoolean() ? "alice" : "bob";
                String id = "o" + orderId++;
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long price = 10_000 + random.nextInt(21) - 10 + (side == Side.BUY ? -3 : 3);
                ChannelServers.order(server, user, id, side, price, 1 + random.nextInt(5));
                working.add(user + ":" + id);
            }
            if (round == 2) {
                late = client(server);
                late.subscribe(BTC + "@depth");
            }
            EngineBook engine = EngineBook.read(server, BTC);
            assertReplica(early, engine);
            if (late != null) {
                assertReplica(late, engine);
            }
        }
        assertThat(early.gaps).isEmpty();
        assertThat(late.gaps).isEmpty();
    }

    @Test
    void shouldSendDepthAndTradesAtMostOncePerUpdateIntervalAndLoseNothing() throws Exception {
        ExchangeServer server = ChannelServers.start(dir, ChannelsConfig.defaults().withUpdateInterval(400));
        open.add(server);
        ChannelTestClient client = client(server);
        client.subscribe(BTC + "@depth", BTC + "@trades");
        client.awaitChannel(BTC + "@trades", m -> "snapshot".equals(m.get("type").asText()));
        client.awaitChannel(BTC + "@depth", m -> "snapshot".equals(m.get("type").asText()));
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            ChannelServers.order(server, "alice", "s" + i, Side.SELL, 10_000 + i % 4, 1);
            ChannelServers.order(server, "bob", "b" + i, Side.BUY, 10_003, 1);
            Thread.sleep(10);
        }
        assertReplica(client, EngineBook.read(server, BTC));
        client.awaitChannel(BTC + "@trades", m -> m.path("lastTickId").asLong() == 40);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        long intervals = elapsedMs / 400 + 2;
        List<JsonNode> deltas = client.channel(BTC + "@depth").stream()
                .filter(m -> "delta".equals(m.get("type").asText())).toList();
        List<JsonNode> trades = client.channel(BTC + "@trades").stream()
                .filter(m -> "trades".equals(m.get("type").asText())).toList();
        assertThat(deltas).as("depth deltas in %d ms", elapsedMs).hasSizeBetween(1, (int) intervals);
        assertThat(trades).as("trades messages in %d ms", elapsedMs).hasSizeBetween(1, (int) intervals);
        List<Long> ticks = new ArrayList<>();
        for (JsonNode message : trades) {
            assertThat(message.get("firstTickId").asLong()).isEqualTo(ticks.size() + 1);
            message.get("trades").forEach(trade -> ticks.add(trade.get("tick").asLong()));
            assertThat(message.get("lastTickId").asLong()).isEqualTo(ticks.size());
        }
        assertThat(ticks).hasSize(40).isSorted();
        assertThat(client.gaps).isEmpty();
    }

    private static void assertReplica(ChannelTestClient client, EngineBook engine) {
        client.awaitChannel(BTC + "@depth", m -> m.has("u") && m.get("u").asLong() >= engine.updateId()
                || m.has("lastUpdateId") && m.get("lastUpdateId").asLong() >= engine.updateId());
        BookReplica replica = new BookReplica();
        for (JsonNode message : client.channel(BTC + "@depth")) {
            replica.apply(message);
        }
        assertThat(replica.broken).as("chain").isNull();
        assertThat(replica.lastUpdateId).isEqualTo(engine.updateId());
        assertThat(replica.bids).as("bids").isEqualTo(engine.bids());
        assertThat(replica.asks).as("asks").isEqualTo(engine.asks());
    }
}
