package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.patch.MergePatch;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.diff.snapshot.RtnDataListener;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.ForwardingListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher sends only what changed: after the first (whole) publish of an account, a position, a working order
 * and a quote, a fill's answer carries the members it moved and nothing else, and a client applying every answer
 * still holds exactly the snapshot (checked after every answer).
 */
class DiffPublisherDeltaTest {
    private static final long T0 = 1_765_000_000_000_000_000L;
    private static final String CU = Defaults.COPPER.instrumentId();

    private final DiffSnapshotManager manager = new DiffSnapshotManager();
    private final DiffPublisher publisher = new DiffPublisher(manager, 2, new ConcurrentHashMap<>(),
            new ArrayList<>());
    private ExchangeListener listening = new ExchangeListener() {
    };
    private final ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207,
            new ForwardingListener() {
                @Override
                protected ExchangeListener delegate() {
                    return listening;
                }
            });
    private final Replica alice = new Replica();
    private DiffSession session;
    private long time = T0;

    @BeforeEach
    void bootstrap() {
        for (ExchangeCommand command : Defaults.bootstrap(List.of(Defaults.COPPER), List.of("alice", "bob"),
                1_000_000_000L)) {
            assertThat(state.apply(time++, command)).isNull();
        }
        listening = publisher;
        publisher.publishAll(state);
        session = manager.openSession(alice);
        publisher.mirror("alice");
        manager.login(session, "alice");
        manager.subscribeQuotes(session, new io.github.exchangeblocks.diff.codec.SubscribeQuote(CU, List.of(CU)));
        session.peek();
    }

    private void apply(ExchangeCommand command) {
        assertThat(state.apply(time++, command)).isNull();
        publisher.onBatchEnd();
        session.peek();
    }

    private static ExchangeCommand order(String user, String id, Side side, TimeInForce tif, long price, long lots) {
        return new ExchangeCommand.InsertOrder(user, id, CU, side, Offset.OPEN, OrderType.LIMIT, tif, price, lots, 0);
    }

    @Test
    void shouldSendOnlyTheMembersAFillMoved() {
        apply(order("bob", "s1", Side.SELL, TimeInForce.GFD, 7_000, 5));
        apply(order("alice", "b1", Side.BUY, TimeInForce.GFD, 6_990, 1));
        apply(order("alice", "b2", Side.BUY, TimeInForce.IOC, 7_000, 1));
        int before = alice.answers.size();

        apply(order("alice", "b3", Side.BUY, TimeInForce.IOC, 7_000, 1));

        assertThat(alice.answers).hasSize(before + 1);
        JsonObject answer = alice.answers.get(before);
        JsonObject trade = answer.getObject("trade").getObject("alice");
        JsonObject account = trade.getObject("accounts").getObject("CNY");
        assertThat(account.containsKey("pre_balance")).as("unchanged account members are not sent: %s", account)
                .isFalse();
        assertThat(account.containsKey("deposit")).isFalse();
        assertThat(account.containsKey("user_id")).isFalse();
        assertThat(account.containsKey("commission")).as("the fill's commission is").isTrue();
        JsonObject position = trade.getObject("positions").getObject(CU);
        assertThat(position.containsKey("volume_long_today")).isTrue();
        assertThat(position.containsKey("volume_short")).as("the short side did not move: %s", position).isFalse();
        assertThat(position.containsKey("exchange_id")).isFalse();
        assertThat(trade.getObject("orders").getObject("b3").containsKey("direction"))
                .as("a new order is sent whole").isTrue();
        JsonObject quote = answer.getObject("quotes").getObject(CU);
        assertThat(quote.containsKey("volume")).isTrue();
        assertThat(quote.containsKey("price_tick")).as("fixed quote members are not sent again: %s", quote)
                .isFalse();
        assertThat(quote.containsKey("bid_price1")).as("the resting bid did not move").isFalse();

        apply(new ExchangeCommand.CancelOrder("alice", "b1"));
        JsonObject cancelled = alice.answers.get(alice.answers.size() - 1).getObject("trade").getObject("alice")
                .getObject("orders").getObject("b1");
        assertThat(cancelled.containsKey("status")).isTrue();
        assertThat(cancelled.containsKey("direction")).as("a working order's change is sent alone: %s", cancelled)
                .isFalse();
    }

    /** Applies every answer and checks it against the manager's snapshot of the session after each one. */
    private final class Replica implements RtnDataListener {
        final JsonObject copy = new JsonObject();
        final List<JsonObject> answers = new ArrayList<>();

        @Override
        public void onRtnData(DiffSession answered, List<JsonObject> patches) {
            JsonObject merged = new JsonObject();
            for (JsonObject patch : patches) {
                MergePatch.applyInPlace(copy, patch.deepCopy());
                MergePatch.applyInPlace(merged, patch.deepCopy());
            }
            answers.add(merged);
            JsonObject compared = copy.deepCopy();
            compared.remove("notify");
            assertThat(compared).isEqualTo(manager.entitledSnapshot(answered));
        }
    }
}
