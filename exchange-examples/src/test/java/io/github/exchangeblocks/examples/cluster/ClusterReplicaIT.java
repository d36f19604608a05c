package io.github.exchangeblocks.examples.cluster;

import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three members in child JVMs; in this JVM a trading replica streams orders (pipelined, a window of 128) and a
 * following replica, connected mid-stream, only follows. The leader is killed with SIGKILL while orders flow.
 * Checks: every order is acknowledged exactly once, accepted; both replicas apply the stream up to the last
 * command and their state hashes equal the surviving members'; each order is in the follower's state exactly once;
 * the follower's listener saw the events of every order after its state transfer.
 */
class ClusterReplicaIT {
    private static final int ORDERS = 1_200;
    private static final int WINDOW = 128;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldKeepReplicasInStepWithTheCommittedLogThroughALeaderKill() throws Exception {
        TestCluster cluster = TestCluster.start(dir.resolve("cluster"));
        String endpoints = cluster.ingressEndpoints();
        VenueSettings venue = VenueSettings.builder().build();
        Set<Integer> followerSaw = ConcurrentHashMap.newKeySet();
        ExchangeListener followerListener = new ExchangeListener() {
            @Override
            public void onOrder(OrderRecord order) {
                followerSaw.add(Integer.parseInt(order.clientOrderId().substring(1)));
            }
        };
        try {
            int leader = cluster.awaitLeader(Set.of(), 60_000);
            Acks acks = new Acks();
            try (ClusterReplica trader = ClusterReplica.connect(System.nanoTime(), endpoints, dir.resolve("trader"),
                    venue, new ExchangeListener() {
                    }, 1_000)) {
                awaitApplied(trader, 0);
                stream(trader, acks, 0, ORDERS / 4);
                assertThat(acks.await(ORDERS / 8, 60_000)).isTrue();
                try (ClusterReplica follower = ClusterReplica.connect(System.nanoTime(), endpoints,
                        dir.resolve("follower"), venue, followerListener, 1_000)) {
                    long appliedAtFirstRead = read(follower, state -> follower.appliedSequence());
                    assertThat(appliedAtFirstRead)
                            .as("a read queued before the first state transfer runs once it is loaded")
                            .isNotNegative();
                    stream(trader, acks, ORDERS / 4, ORDERS / 2);
                    long appliedAtKill = follower.appliedSequence();
                    cluster.kill(leader);
                    stream(trader, acks, ORDERS / 2, ORDERS);
                    int next = cluster.awaitLeader(Set.of(leader), 10_000);
                    assertThat(acks.await(ORDERS, 60_000)).as("orders acknowledged: %d", acks.byId.size()).isTrue();
                    assertThat(trader.unacknowledged()).isZero();
                    assertThat(trader.leaderMemberId()).isEqualTo(next);
                    assertThat(follower.leaderMemberId()).isEqualTo(next);
                    System.out.println("member " + leader + " killed with the follower at sequence " + appliedAtKill
                            + " of " + ORDERS + "; member " + next + " leads");
                    awaitApplied(trader, ORDERS);
                    awaitApplied(follower, ORDERS);
                    assertThat(trader.appliedSequence()).as("the trader's stream sequence").isEqualTo(ORDERS);
                    assertThat(follower.appliedSequence()).as("the follower's stream sequence").isEqualTo(ORDERS);

                    List<NodeStatus> survivors = cluster.awaitSurvivors(leader, ORDERS, 60_000);
                    long traderHash = read(trader, ExchangeState::stateHash);
                    long followerHash = read(follower, ExchangeState::stateHash);
                    for (NodeStatus status : survivors) {
                        assertThat(traderHash).as("trading replica vs %s", status).isEqualTo(status.stateHash());
                        assertThat(followerHash).as("following replica vs %s", status)
                                .isEqualTo(status.stateHash());
                    }
                    Map<String, Integer> inFollower = read(follower, ClusterReplicaIT::clientOrderIds);
                    for (int i = 0; i < ORDERS; i++) {
                        assertThat(inFollower.get("o" + i)).as("order o%d in the follower's state", i).isEqualTo(1);
                    }
                    assertThat(inFollower).hasSize(ORDERS);
                    int firstSeen = followerSaw.stream().min(Integer::compare).orElseThrow();
                    assertThat(followerSaw).as("the follower's listener saw every order after its state transfer")
                            .hasSize(ORDERS - firstSeen);
                    assertThat(firstSeen).as("it loaded before order %d was sent", ORDERS / 4)
                            .isLessThanOrEqualTo(ORDERS / 4);
                }
            }
            for (long id = 0; id < ORDERS; id++) {
                assertThat(acks.counts.get(id)).as("acknowledgements of order %d", id).isEqualTo(1);
                assertThat(acks.byId.get(id).code()).as("order %d: %s", id, acks.byId.get(id)).isNull();
            }
        } catch (Throwable failure) {
            cluster.printLogs();
            throw failure;
        } finally {
            cluster.close();
        }
    }

    /** Reads the replica's state on its thread through {@code ExchangeBackend.await}. */
    private static <T> T read(ClusterReplica replica, Function<ExchangeState, T> reader) {
        AtomicReference<T> result = new AtomicReference<>();
        replica.await(state -> result.set(reader.apply(state)), 10_000);
        return result.get();
    }

    private static Map<String, Integer> clientOrderIds(ExchangeState state) {
        Map<String, Integer> counts = new HashMap<>();
        for (String user : List.of("alice", "bob")) {
            for (OrderRecord order : state.orders(user)) {
                counts.merge(order.clientOrderId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void stream(ClusterReplica replica, Acks acks, int from, int to) throws InterruptedException {
        for (int i = from; i < to; i++) {
            while (replica.unacknowledged() >= WINDOW) {
                Thread.sleep(1);
            }
            assertThat(replica.submit(ClusterFailoverIT.order(i), acks, i)).isNull();
        }
    }

    /** Waits until the replica applied at least {@code sequence} (0: loaded its first state transfer). */
    private static void awaitApplied(ClusterReplica replica, long sequence) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (replica.appliedSequence() < sequence) {
            assertThat(System.nanoTime()).as("replica applied %d of %d", replica.appliedSequence(), sequence)
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
