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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.exchangeblocks.examples.server.channels.ChannelServers.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Depth and trades with several phase groups ({@link ChannelsConfig#phaseGroups()}): clients in every group, some
 * subscribing while the order flow runs (between the groups' windows), each rebuild the engine's book from the
 * snapshot and their group's deltas, and after every message their book is the engine's book at that update id;
 * their trades are complete and in order; no sequence gaps.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChannelPhaseGroupsIT {
    private static final int GROUPS = 4;
    private static final String DEPTH = BTC + "@depth";
    private static final String TRADES = BTC + "@trades";

    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    @Test
    void shouldChainDepthAndTradesPerGroupWhenTheGroupsAreSentInTurn() throws Exception {
        ExchangeServer server = ChannelServers.start(dir, ChannelsConfig.defaults().withUpdateInterval(80)
                .withPhaseGroups(GROUPS));
        open.add(server);
        Map<Long, EngineBook> books = new HashMap<>();
        record(server, books);
        // Dealt round-robin: client i is in group i % GROUPS (these are the server's only connections).
        List<ChannelTestClient> clients = new ArrayList<>();
        for (int i = 0; i < 2 * GROUPS; i++) {
            clients.add(subscribed(server));
        }
        Random random = new Random(20261205);
        List<String> working = new ArrayList<>();
        AtomicLong trades = new AtomicLong();
        for (int command = 0; command < 240; command++) {
            if (command == 120) {
                for (int i = 0; i < GROUPS; i++) {
                    clients.add(subscribed(server));
                }
            }
            if (!working.isEmpty() && random.nextInt(4) == 0) {
                String[] owner = working.remove(random.nextInt(working.size())).split(":");
                server.core().submit(new ExchangeCommand.CancelOrder(owner[0], owner[1]), null, 0);
            } else {
                String user = random.nextBoolean() ? "alice" : "bob";
                String id = "o" + command;
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long price = 10_000 + random.nextInt(21) - 10 + (side == Side.BUY ? -2 : 2);
                ChannelServers.order(server, user, id, side, price, 1 + random.nextInt(5));
                working.add(user + ":" + id);
            }
            record(server, books);
            Thread.sleep(random.nextInt(6));
        }
        EngineBook last = EngineBook.read(server, BTC);
        server.core().await(state -> trades.set(state.venue().marketData(state.venue().registry().indexOf(BTC))
                .tape().lastTickId()), 10_000);
        assertThat(trades.get()).as("the flow traded").isPositive();

        List<List<Long>> groupChains = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            ChannelTestClient client = clients.get(i);
            client.awaitChannel(DEPTH, m -> m.path("u").asLong(m.path("lastUpdateId").asLong()) >= last.updateId());
            client.awaitChannel(TRADES, m -> m.path("lastTickId").asLong() >= trades.get());
            List<Long> chain = assertBookAfterEveryMessage(client, books, "client " + i);
            assertTradesCompleteAndInOrder(client, trades.get(), "client " + i);
            assertThat(client.gaps).as("client %d sequence gaps", i).isEmpty();
            if (i < GROUPS) {
                groupChains.add(chain);
            } else if (i < 2 * GROUPS) {
                assertThat(chain).as("client %d shares its group's stream from its snapshot on", i)
                        .isEqualTo(tail(groupChains.get(i % GROUPS), chain.get(0)));
            }
        }
        for (int group = 1; group < GROUPS; group++) {
            assertThat(groupChains.get(group)).as("group %d is sent in its own windows, not with group 0", group)
                    .isNotEqualTo(groupChains.get(0));
        }
        for (int late = 2 * GROUPS; late < clients.size(); late++) {
            long snapshotId = clients.get(late).awaitChannel(DEPTH, m -> "snapshot".equals(m.get("type").asText()))
                    .get("lastUpdateId").asLong();
            assertThat(groupChains.get(late % GROUPS)).as("client %d subscribed between windows: its group's chain"
                    + " passes through its snapshot", late).contains(snapshotId);
        }
    }

    private ChannelTestClient subscribed(ExchangeServer server) {
        ChannelTestClient client = ChannelTestClient.connect(server.address().getPort());
        open.add(client);
        assertThat(client.subscribe(DEPTH, TRADES).get("result").asBoolean()).isTrue();
        return client;
    }

    /** Notes the engine's book at its current update id (between commands: every id a message can end at). */
    private static void record(ExchangeServer server, Map<Long, EngineBook> books) {
        EngineBook book = EngineBook.read(server, BTC);
        books.put(book.updateId(), book);
    }

    /**
     * Applies the client's depth messages one by one; after each, the book must be the engine's at the message's
     * update id.
     *
     * @return the update ids the client's book stood at, snapshot first
     */
    private static List<Long> assertBookAfterEveryMessage(ChannelTestClient client, Map<Long, EngineBook> books,
                                                          String who) {
        BookReplica replica = new BookReplica();
        List<Long> chain = new ArrayList<>();
        for (JsonNode message : client.channel(DEPTH)) {
            replica.apply(message);
            assertThat(replica.broken).as("%s chain at %s", who, message).isNull();
            EngineBook engine = books.get(replica.lastUpdateId);
            assertThat(engine).as("%s: the engine had update id %d between commands", who, replica.lastUpdateId)
                    .isNotNull();
            assertThat(replica.bids).as("%s bids at %d", who, replica.lastUpdateId).isEqualTo(engine.bids());
            assertThat(replica.asks).as("%s asks at %d", who, replica.lastUpdateId).isEqualTo(engine.asks());
            chain.add(replica.lastUpdateId);
        }
        return chain;
    }

    private static void assertTradesCompleteAndInOrder(ChannelTestClient client, long lastTick, String who) {
        List<JsonNode> messages = client.channel(TRADES);
        assertThat(messages.get(0).get("type").asText()).isEqualTo("snapshot");
        long expected = messages.get(0).get("lastTickId").asLong() + 1;
        for (JsonNode message : messages.subList(1, messages.size())) {
            assertThat(message.get("firstTickId").asLong()).as("%s trades chain", who).isEqualTo(expected);
            for (JsonNode trade : message.get("trades")) {
                assertThat(trade.get("tick").asLong()).as("%s tick order", who).isEqualTo(expected++);
            }
            assertThat(message.get("lastTickId").asLong()).isEqualTo(expected - 1);
        }
        assertThat(expected - 1).as("%s saw every trade", who).isEqualTo(lastTick);
    }

    private static List<Long> tail(List<Long> chain, long from) {
        int start = chain.indexOf(from);
        assertThat(start).as("the group's chain passes through %d", from).isNotNegative();
        return chain.subList(start, chain.size());
    }
}
