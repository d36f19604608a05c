package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.cluster.ClusterNodeMain;
import io.github.exchangeblocks.examples.cluster.ExchangeClusterClient;
import io.github.exchangeblocks.examples.cluster.NodeStatus;
import io.github.exchangeblocks.examples.cluster.TestCluster;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.server.diff.DiffGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server whose replica falls out of the members' replay ring: the members keep only 64 commands for replicas
 * that missed some, the replica's thread is held (a read that waits, standing for a gateway that stalls) while a
 * plain cluster client streams 12,000 trading orders, so the members stop streaming to it and it comes back more
 * than 64 commands behind. It then reloads the whole state, and the server's DIFF session is closed with 1012
 * and the state-replaced reason. A client that reconnects sees the new state (its working order and the position
 * the stream built), and the server's state hash equals every member's.
 */
class ClusterServerResyncIT {
    /** Enough to fill what the members may queue for a replica that does not read (1 MiB terms, ~128 B each). */
    private static final int ORDERS = 12_000;
    private static final int WINDOW = 256;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldCloseDiffSessionsWithTheReasonWhenTheReplicaReloadsTheWholeState() throws Exception {
        TestCluster cluster = TestCluster.start(dir.resolve("cluster"),
                List.of("-D" + ClusterNodeMain.RING_CAPACITY_PROPERTY + "=64"));
        try (cluster; ExchangeServer server = ExchangeServer.builder(ExchangeServerIT.config(dir.resolve("server")))
                .cluster(cluster.ingressEndpoints()).start()) {
            int port = server.address().getPort();
            DiffTestClient alice = loggedIn(DiffTestClient.connect(port), "alice", "alice123");
            alice.send("{\"aid\":\"insert_order\",\"user_id\":\"alice\",\"order_id\":\"r1\",\"exchange_id\":"
                    + "\"BINANCE\",\"instrument_id\":\"BTCUSDT\",\"direction\":\"BUY\",\"offset\":\"OPEN\","
                    + "\"volume\":1,\"price_type\":\"LIMIT\",\"limit_price\":50,\"volume_condition\":\"ANY\","
                    + "\"time_condition\":\"GTC\"}");
            alice.await("r1 working", c -> "ALIVE".equals(c.text("trade", "alice", "orders", "r1", "status")));

            ExchangeBackend backend = server.backend();
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            assertThat(backend.query(state -> {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).isNull();
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicLong refusedOrRepeated = new AtomicLong();
            CommandSource counting = (correlationId, sequence, code, message) -> {
                if (code != null || !acknowledged.add(correlationId)) {
                    refusedOrRepeated.incrementAndGet();
                }
            };
            try (ExchangeClusterClient trader = ExchangeClusterClient.connect(System.nanoTime(),
                    cluster.ingressEndpoints(), dir.resolve("trader"), 1_000)) {
                for (int i = 0; i < ORDERS; i++) {
                    while (trader.unacknowledged() >= WINDOW) {
                        Thread.sleep(1);
                    }
                    assertThat(trader.submit(order(i), counting, i)).isNull();
                }
                DiffTestClient.eventually("every order acknowledged", () -> acknowledged.size() == ORDERS);
            } finally {
                release.countDown();
            }
            assertThat(refusedOrRepeated.get()).as("orders refused or acknowledged twice").isZero();

            assertThat(alice.closed.get(60, TimeUnit.SECONDS)).isEqualTo("1012 " + DiffGateway.STATE_REPLACED);
            long commands = ORDERS + 1;
            DiffTestClient.eventually("the replica at the last command", () -> backend.appliedSequence() == commands);
            List<NodeStatus> members = cluster.awaitSurvivors(-1, commands, 60_000);
            long[] hash = new long[1];
            backend.await(state -> hash[0] = state.stateHash(), 10_000);
            for (NodeStatus status : members) {
                assertThat(hash[0]).as("the server's state vs %s", status).isEqualTo(status.stateHash());
            }

            DiffTestClient again = loggedIn(DiffTestClient.connect(port), "alice", "alice123");
            assertThat(again.text("trade", "alice", "orders", "r1", "status")).isEqualTo("ALIVE");
            assertThat(again.text("trade", "alice", "positions", "BINANCE.BTCUSDT", "volume_long"))
                    .as("alice's position after the stream").isEqualTo(Integer.toString(ORDERS / 2));
            again.close();
        } catch (Throwable failure) {
            cluster.printLogs();
            throw failure;
        }
    }

    /** Alice buys and Bob sells one lot at 1,000 ticks, in turn: every second order trades. */
    private static ExchangeCommand order(int i) {
        boolean buy = i % 2 == 0;
        return new ExchangeCommand.InsertOrder(buy ? "alice" : "bob", "t" + i, Defaults.BITCOIN.instrumentId(),
                buy ? Side.BUY : Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 1_000, 1, 0);
    }
}
