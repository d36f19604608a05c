package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.engine.venue.VenueView;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.server.diff.UserStore;
import io.netty.buffer.ByteBuf;
import io.netty.channel.DefaultEventLoop;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's phase groups under random interleavings of orders, cancels, the clock moving through the groups'
 * windows (update ticks and engine batch ends) and new subscribers joining any group at any moment, on the real
 * exchange state and publisher with a model clock and model connections. After every step each subscriber's book,
 * rebuilt from its snapshot and its group's deltas, chains exactly and equals the engine's book at the update id it
 * reached, and its trades continue its snapshot tick by tick; at the end, once every group's window has come, every
 * subscriber holds the engine's book and every trade. A group is sent at most once per window of its own.
 */
class PhaseGroupProperties {
    private static final int GROUPS = 4;
    private static final long INTERVAL_MS = 100;
    private static final long WINDOW_NS = INTERVAL_MS * 1_000_000 / GROUPS;
    private static final String BTC = Defaults.BITCOIN.instrumentId();

    @Property(tries = 60)
    void everySubscriberRebuildsTheEnginesBookAndTradesWhateverItsGroup(
            @ForAll @Size(min = 1, max = 150) List<@IntRange(min = 0, max = 99_999) Integer> actions)
            throws Exception {
        Path dir = Files.createTempDirectory("phase-groups");
        DefaultEventLoop loop = new DefaultEventLoop();
        long[] now = {0};
        UserStore users = UserStore.openOrCreate(dir.resolve("users"), Map.of(), 1000);
        try (ChannelGateway gateway = new ChannelGateway(ChannelsConfig.defaults().withUpdateInterval(INTERVAL_MS)
                .withPhaseGroups(GROUPS), users, 2, () -> 1_765_000_000_000_000_000L + now[0], () -> now[0])) {
            Session session = new Session(gateway, loop, now);
            for (int group = 0; group < GROUPS; group++) {
                session.subscribe(group);
            }
            for (int action : actions) {
                session.apply(action);
                session.check();
            }
            for (int window = 0; window < GROUPS; window++) {
                session.nextWindow();
            }
            session.check();
            session.assertComplete();
        } finally {
            loop.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).sync();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The exchange state, the publisher, one I/O thread's shard and the model subscribers. */
    private static final class Session {
        private final ChannelGateway gateway;
        private final ChannelPublisher publisher;
        private final ExchangeState state;
        private final DefaultEventLoop loop;
        private final LoopShard shard;
        private final long[] now;
        private final int index;
        private final Map<Long, Map<String, Map<String, Long>>> books = new HashMap<>();
        private final List<ModelSubscriber> subscribers = new ArrayList<>();
        private final Deque<String[]> working = new ArrayDeque<>();
        private long time = 1_765_000_000_000_000_000L;
        private int orders;
        /** A subscribe is in progress: its group may be sent out of its window (what waited, before the snapshot). */
        private boolean subscribing;

        Session(ChannelGateway gateway, DefaultEventLoop loop, long[] now) {
            this.gateway = gateway;
            this.publisher = (ChannelPublisher) gateway.listener();
            this.loop = loop;
            this.now = now;
            this.state = new ExchangeState(VenueSettings.builder().build(), 20261207, publisher);
            publisher.attach(state);
            for (ExchangeCommand command : Defaults.bootstrap(List.of(Defaults.COPPER, Defaults.BITCOIN),
                    Defaults.DEMO_USERS, Defaults.DEMO_DEPOSIT)) {
                state.apply(time++, command);
            }
            publisher.onBatchEnd();
            this.index = state.venue().registry().indexOf(BTC);
            this.shard = gateway.shardOf(loop);
            record();
        }

        /** One step, from the digits of {@code action}: what, then its price, volume or group. */
        void apply(int action) throws Exception {
            int what = action % 10;
            int argument = action / 10;
            if (what <= 4) {
                Side side = what % 2 == 0 ? Side.BUY : Side.SELL;
                long price = 10_000 + argument % 21 - 10 + (side == Side.BUY ? -2 : 2);
                String user = argument % 2 == 0 ? "alice" : "bob";
                String id = "p" + orders++;
                engine(new ExchangeCommand.InsertOrder(user, id, BTC, side, Offset.AUTO, OrderType.LIMIT,
                        TimeInForce.GTC, price, 1 + argument / 21 % 5, 0));
                working.add(new String[] {user, id});
            } else if (what == 5 && !working.isEmpty()) {
                String[] order = working.poll();
                engine(new ExchangeCommand.CancelOrder(order[0], order[1]));
            } else if (what <= 7) {
                nextWindow();
            } else if (what == 8) {
                // Somewhere inside the current window, then a batch end there.
                now[0] += argument % WINDOW_NS;
                publisher.onBatchEnd();
                drain();
            } else {
                subscribe(argument % GROUPS);
            }
        }

        /** The clock moves to the next window's start and the update tick runs. */
        void nextWindow() throws Exception {
            now[0] = (now[0] / WINDOW_NS + 1) * WINDOW_NS;
            publisher.publishDue();
            drain();
        }

        void subscribe(int group) throws Exception {
            ModelSubscriber subscriber = new ModelSubscriber(group, () -> subscribing ? -1 : now[0] / WINDOW_NS);
            subscribers.add(subscriber);
            subscribing = true;
            for (ChannelKind kind : List.of(ChannelKind.DEPTH, ChannelKind.TRADES)) {
                ChannelName name = new ChannelName(BTC + "@" + kind.suffix(), kind, BTC, index, 0);
                Subscription subscription = new Subscription(subscriber, name, null, group);
                loop.submit(() -> shard.subscribe(subscription)).sync();
                gateway.interest(subscription.topic, 1);
                // As the engine thread answers a snapshot request: between batches, in order with the updates.
                shard.submitSnapshot(subscription, publisher.snapshot(subscription));
            }
            drain();
            subscribing = false;
        }

        private void engine(ExchangeCommand command) throws Exception {
            state.apply(time++, command);
            publisher.onBatchEnd();
            record();
            drain();
        }

        private void drain() throws Exception {
            loop.submit(() -> { }).sync();
        }

        private void record() {
            DepthSnapshot depth = state.venue().book(index).depth(new DepthSnapshot(10_000));
            var spec = state.venue().registry().get(index).spec();
            Map<String, Long> bids = new TreeMap<>();
            Map<String, Long> asks = new TreeMap<>();
            for (int i = 0; i < depth.bidLevels(); i++) {
                bids.put(MessageWriter.price(spec, depth.bidPrice(i)), depth.bidQuantity(i));
            }
            for (int i = 0; i < depth.askLevels(); i++) {
                asks.put(MessageWriter.price(spec, depth.askPrice(i)), depth.askQuantity(i));
            }
            books.put(state.venue().marketData(index).depth().lastUpdateId(), Map.of("bids", bids, "asks", asks));
        }

        void check() throws IOException {
            for (ModelSubscriber subscriber : subscribers) {
                subscriber.check(books);
            }
        }

        void assertComplete() {
            VenueView venue = state.venue();
            long lastUpdateId = venue.marketData(index).depth().lastUpdateId();
            long lastTick = venue.marketData(index).tape().lastTickId();
            for (ModelSubscriber subscriber : subscribers) {
                assertThat(subscriber.replica.lastUpdateId).as("group %d book up to date", subscriber.group)
                        .isEqualTo(lastUpdateId);
                assertThat(subscriber.nextTick - 1).as("group %d saw every trade", subscriber.group)
                        .isEqualTo(lastTick);
            }
        }
    }

    /** A connection in one group that applies what it is sent, as a client would. */
    private static final class ModelSubscriber implements Subscriber {
        final int group;
        final BookReplica replica = new BookReplica();
        /** The window now, -1 while a subscribe is in progress. */
        private final LongSupplier window;
        private final List<String> received = new ArrayList<>();
        private final List<Long> windows = new ArrayList<>();
        private int checked;
        private long nextTick = -1;
        private long lastDeltaWindow = -1;

        ModelSubscriber(int group, LongSupplier window) {
            this.group = group;
            this.window = window;
        }

        @Override
        public boolean behind() {
            return false;
        }

        @Override
        public void send(Subscription subscription, ByteBuf body) {
            received.add("{" + body.toString(StandardCharsets.UTF_8));
            windows.add(window.getAsLong());
        }

        @Override
        public void resyncNotice(Subscription subscription) {
            throw new AssertionError("never behind, never resynced");
        }

        @Override
        public void markLagging() {
            throw new AssertionError("never behind");
        }

        @Override
        public boolean requestSnapshot(Subscription subscription) {
            throw new AssertionError("the session asks the snapshots");
        }

        void check(Map<Long, Map<String, Map<String, Long>>> books) throws IOException {
            for (; checked < received.size(); checked++) {
                JsonNode message = ChannelTestClient.JSON.readTree(received.get(checked));
                long sentIn = windows.get(checked);
                if (sentIn >= 0 && !"snapshot".equals(message.get("type").asText())) {
                    assertThat(sentIn % GROUPS).as("group %d sent in window %d", group, sentIn).isEqualTo(group);
                }
                if ("delta".equals(message.get("type").asText()) && sentIn >= 0) {
                    assertThat(sentIn).as("group %d: one delta per window of its own", group)
                            .isGreaterThan(lastDeltaWindow);
                    lastDeltaWindow = sentIn;
                }
                if (message.get("channel").asText().endsWith("@depth")) {
                    replica.apply(message);
                    assertThat(replica.broken).as("group %d chain at %s", group, message).isNull();
                    Map<String, Map<String, Long>> engine = books.get(replica.lastUpdateId);
                    assertThat(engine).as("group %d: update id %d is one the engine had", group,
                            replica.lastUpdateId).isNotNull();
                    assertThat(replica.bids).as("group %d bids", group).isEqualTo(engine.get("bids"));
                    assertThat(replica.asks).as("group %d asks", group).isEqualTo(engine.get("asks"));
                } else if ("snapshot".equals(message.get("type").asText())) {
                    nextTick = message.get("lastTickId").asLong() + 1;
                } else {
                    assertThat(message.get("firstTickId").asLong()).as("group %d trades chain", group)
                            .isEqualTo(nextTick);
                    for (JsonNode trade : message.get("trades")) {
                        assertThat(trade.get("tick").asLong()).as("group %d tick order", group).isEqualTo(nextTick++);
                    }
                }
            }
        }
    }
}
