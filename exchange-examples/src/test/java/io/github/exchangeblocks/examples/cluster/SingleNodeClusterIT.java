package io.github.exchangeblocks.examples.cluster;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeCore;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cluster member in this JVM with a real cluster client on loopback: commands are acknowledged with their log
 * position once committed and applied; the state's rejects come back with their codes; resends are not applied
 * twice; gaps and bytes that are not a command change nothing; the same commands give the same orders as on the
 * write-ahead-log core; a restarted member comes back from its cluster snapshot with the same state hash.
 */
class SingleNodeClusterIT {
    @TempDir
    Path dir;

    private static ExchangeCommand order(String user, String clientOrderId, Side side, long price, long volume) {
        return new ExchangeCommand.InsertOrder(user, clientOrderId, Defaults.COPPER.instrumentId(), side,
                Offset.AUTO, OrderType.LIMIT, TimeInForce.GTC, price, volume, 0);
    }

    private static final List<ExchangeCommand> SESSION = List.of(
            order("alice", "a1", Side.BUY, 7000, 2),
            order("bob", "b1", Side.SELL, 7000, 1),
            order("bob", "b1", Side.SELL, 7000, 1),
            order("carol", "c1", Side.SELL, 7000, 1),
            new ExchangeCommand.CancelOrder("alice", "a1"));
    private static final ExchangeCommand RAW_ORDER = order("alice", "r1", Side.BUY, 6000, 1);

    private static ExchangeClusteredService service(ClusterNodeConfig config) {
        CoreConfig defaults = Defaults.config(config.directory());
        return new ExchangeClusteredService(VenueSettings.builder().build(), defaults.firstTradingDay(),
                defaults.bootstrap(), new ExchangeListener() {
                }, config.statusFile());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @SuppressWarnings("try") // the member runs while the client talks to it
    void shouldApplyCommittedCommandsOnceAndRestartFromTheClusterSnapshot() throws Exception {
        ClusterNodeConfig config = ClusterNodeConfig.loopback(0, 1, ClusterPorts.freeBase(1), dir.resolve("cluster"));
        String endpoints = ClusterNodeConfig.ingressEndpoints("127.0.0.1", config.portBase(), 1);
        ExchangeClusteredService first = service(config);
        Acks acks = new Acks();
        try (ClusterNode node = ClusterNode.launch(config, first, null);
             ExchangeClusterClient client = ExchangeClusterClient.connect(7, endpoints, dir.resolve("client"),
                     2_000)) {
            for (int i = 0; i < SESSION.size(); i++) {
                assertThat(client.submit(SESSION.get(i), acks, i)).isNull();
            }
            assertThat(client.submit(null, acks, 99)).isEqualTo(RejectCode.EXCHANGE_INVALID_COMMAND);
            assertThat(acks.await(SESSION.size(), 30_000)).as("acknowledgements: %s", acks.byId).isTrue();
            assertThat(acks.byId.get(0L).code()).isNull();
            assertThat(acks.byId.get(0L).logPosition()).isPositive();
            assertThat(acks.byId.get(1L).logPosition()).isGreaterThan(acks.byId.get(0L).logPosition());
            assertThat(acks.byId.get(2L).code()).isEqualTo(RejectCode.EXCHANGE_DUPLICATE_CLIENT_ORDER_ID);
            assertThat(acks.byId.get(2L).message()).contains("b1");
            assertThat(acks.byId.get(3L).code()).isEqualTo(RejectCode.EXCHANGE_UNKNOWN_USER);
            assertThat(acks.byId.get(4L).code()).isNull();
            assertThat(client.unacknowledged()).isZero();

            long hashBeforeRawInput = awaitStatus(config, SESSION.size()).stateHash();
            try (RawSession raw = new RawSession(endpoints, dir.resolve("raw"))) {
                ClusterMessages messages = new ClusterMessages();
                ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
                int length = messages.encodeCommand(buffer, 8, 1, RAW_ORDER);
                byte[] first1 = bytes(buffer, length);
                assertThat(raw.send(first1).outcome()).isEqualTo(ClusterMessages.APPLIED);
                RawSession.Reply resend = raw.send(first1);
                assertThat(resend.outcome()).isEqualTo(ClusterMessages.DUPLICATE);
                assertThat(resend.message()).contains("sequence=1").contains("not applied again");
                length = messages.encodeCommand(buffer, 8, 3, order("alice", "r3", Side.BUY, 6000, 1));
                RawSession.Reply gap = raw.send(bytes(buffer, length));
                assertThat(gap.outcome()).isEqualTo(ClusterMessages.OUT_OF_ORDER);
                assertThat(gap.message()).contains("sequence=3 must be 2");
                RawSession.Reply tooShort = raw.send(new byte[] {1, 2, 3});
                assertThat(tooShort.code()).isEqualTo("EXCHANGE_INVALID_COMMAND");
                assertThat(tooShort.message()).contains("length=3 must be >= 17");
                length = messages.encodeCommand(buffer, 8, 2, order("alice", "r2", Side.BUY, 6000, 1));
                byte[] truncated = bytes(buffer, length - 5);
                RawSession.Reply cut = raw.send(truncated);
                assertThat(cut.outcome()).isEqualTo(ClusterMessages.REFUSED);
                assertThat(cut.code()).isEqualTo("EXCHANGE_INVALID_COMMAND");
                assertThat(cut.message()).contains("length=" + truncated.length + " is truncated");
                byte[] badType = bytes(buffer, length);
                badType[16] = 99;
                assertThat(raw.send(badType).message()).contains("type=99");
            }
            // The status file is written from idle moments: one written between the raw order and its resend
            // holds the order but not yet the duplicate, so wait for a status that has seen the resend too.
            NodeStatus afterRaw = awaitStatus(config, s -> s.commands() >= SESSION.size() + 1 && s.duplicates() > 0);
            assertThat(afterRaw.commands()).isEqualTo(SESSION.size() + 1);
            assertThat(afterRaw.duplicates()).isEqualTo(1);
            assertThat(afterRaw.stateHash()).isNotEqualTo(hashBeforeRawInput);

            client.requestSnapshot();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (first.snapshotsTaken() == 0) {
                assertThat(System.nanoTime()).as("snapshot taken in 30 s").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
        NodeStatus stopped = NodeStatus.read(config.statusFile());
        List<ExchangeCommand> applied = new ArrayList<>(SESSION);
        applied.add(RAW_ORDER);
        assertThat(ordersOf(first.state())).isEqualTo(ordersOf(walCoreAfter(applied, dir.resolve("wal"))));

        ExchangeClusteredService second = service(config);
        Acks later = new Acks();
        try (ClusterNode node = ClusterNode.launch(config, second, null);
             ExchangeClusterClient client = ExchangeClusterClient.connect(9, endpoints, dir.resolve("client"),
                     2_000)) {
            NodeStatus restarted = awaitStatus(config, stopped.commands());
            assertThat(restarted.snapshotLoadedAt()).isPositive();
            assertThat(restarted.stateHash()).isEqualTo(stopped.stateHash());
            assertThat(client.submit(order("bob", "b2", Side.SELL, 7000, 1), later, 1)).isNull();
            assertThat(later.await(1, 30_000)).isTrue();
            assertThat(later.byId.get(1L).code()).isNull();
            assertThat(later.byId.get(1L).logPosition()).isGreaterThan(restarted.snapshotLoadedAt());
        }
    }

    private static byte[] bytes(ExpandableArrayBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /** Waits until the member's status shows {@code commands} client commands applied and hashed. */
    private static NodeStatus awaitStatus(ClusterNodeConfig config, long commands) throws InterruptedException {
        return awaitStatus(config, s -> s.commands() >= commands);
    }

    /** Waits until the member's status is hashed at its log position and is what {@code wanted} asks for. */
    private static NodeStatus awaitStatus(ClusterNodeConfig config, Predicate<NodeStatus> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            NodeStatus status = NodeStatus.read(config.statusFile());
            if (status != null && status.stateHashAt() == status.logPosition() && wanted.test(status)) {
                return status;
            }
            assertThat(System.nanoTime()).as("the wanted status within 30 s, last %s", status).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The same commands through the single-machine core (write-ahead log). */
    private static ExchangeState walCoreAfter(List<ExchangeCommand> commands, Path data) throws Exception {
        Acks acks = new Acks();
        ExchangeCore core = ExchangeCore.start(Defaults.config(data), new ExchangeListener() {
        }, System::nanoTime);
        try {
            for (int i = 0; i < commands.size(); i++) {
                assertThat(core.submit(commands.get(i), acks, i)).isNull();
            }
            assertThat(acks.await(commands.size(), 30_000)).isTrue();
        } finally {
            core.close();
        }
        return core.state();
    }

    /** The users' orders and trades without their times, which differ between two runs. */
    private static List<String> ordersOf(ExchangeState state) {
        List<String> lines = new ArrayList<>();
        for (String user : Defaults.DEMO_USERS) {
            for (OrderRecord order : state.orders(user)) {
                lines.add(user + " " + order.clientOrderId() + " id=" + order.orderId() + " left="
                        + order.volumeLeft() + " alive=" + order.alive());
            }
            lines.add(user + " trades=" + state.trades(user).size());
        }
        return lines;
    }
}
