package io.github.exchangeblocks.examples.cluster;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three members in child JVMs on loopback, a client in this JVM streaming orders (pipelined, a window of 256),
 * a snapshot, then SIGKILL of the leader while orders flow. Checks: a surviving member reports itself leader
 * within 3 s of the kill; the client gets every order acknowledged exactly once and accepted; every replica
 * applied exactly as many client commands as were sent (so no resend was applied twice, none was lost); after the
 * killed member is restarted it starts from its snapshot, catches up, and all three have the same log position
 * and state hash. The fast variant kills once; {@code -Pslow} streams more orders through two kills.
 */
class ClusterFailoverIT {
    private static final int MEMBERS = 3;
    private static final int WINDOW = 256;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldFailOverFastAndLoseOrRepeatNoAcknowledgedCommand() throws Exception {
        run(1_500, 1);
    }

    @Test
    @Tag("slow")
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void shouldSurviveRepeatedLeaderKillsUnderALongStream() throws Exception {
        run(20_000, 3);
    }

    private void run(int orders, int kills) throws Exception {
        Path base = dir.resolve("cluster");
        int portBase = ClusterPorts.freeBase(MEMBERS);
        List<Process> members = new ArrayList<>();
        Set<Integer> killed = new HashSet<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add(start(m, portBase, base));
        }
        try {
            awaitLeader(base, portBase, Set.of(), 60_000);
            Acks acks = new Acks();
            try (ExchangeClusterClient client = ExchangeClusterClient.connect(System.nanoTime(),
                    ClusterNodeConfig.ingressEndpoints("127.0.0.1", portBase, MEMBERS), dir.resolve("client"),
                    1_000)) {
                int sent = 0;
                for (int kill = 0; kill < kills; kill++) {
                    sent = stream(client, acks, sent, orders * (kill * 2 + 1) / (kills * 2));
                    client.requestSnapshot();
                    awaitAll(base, portBase, status -> status.snapshotsTaken() > 0, "a snapshot", 60_000);
                    sent = stream(client, acks, sent, orders * (kill * 2 + 2) / (kills * 2) - WINDOW);
                    int leader = awaitLeader(base, portBase, Set.of(), 10_000);
                    killed.add(leader);
                    long killedAt = System.nanoTime();
                    members.get(leader).destroyForcibly();
                    assertThat(members.get(leader).waitFor(10, TimeUnit.SECONDS)).isTrue();
                    int next = awaitLeader(base, portBase, Set.of(leader), 10_000);
                    long failoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                    System.out.println("kill " + (kill + 1) + ": member " + leader + " killed, member " + next
                            + " leads after " + failoverMs + " ms");
                    assertThat(failoverMs).as("new leader after SIGKILL of member %d", leader).isLessThan(3_000);
                    sent = stream(client, acks, sent, sent + WINDOW);
                    assertThat(acks.await(sent, 60_000)).as("orders sent after the kill acknowledged").isTrue();
                    assertThat(client.leaderMemberId()).as("the client follows the new leader").isEqualTo(next);
                    // Aeron refuses to reuse the directories of a member whose mark files were alive in the last
                    // 10 s (its liveness timeout): the killed member comes back after that, the others go on.
                    long restartAt = killedAt + TimeUnit.SECONDS.toNanos(11);
                    while (System.nanoTime() < restartAt) {
                        Thread.sleep(50);
                    }
                    members.set(leader, start(leader, portBase, base));
                }
                sent = stream(client, acks, sent, orders);
                assertThat(acks.await(orders, 120_000)).as("all %d orders acknowledged, %d are", orders,
                        acks.byId.size()).isTrue();
                assertThat(client.unacknowledged()).isZero();
            }
            for (long id = 0; id < orders; id++) {
                assertThat(acks.counts.get(id)).as("acknowledgements of order %d", id).isEqualTo(1);
                assertThat(acks.byId.get(id).code()).as("order %d: %s", id, acks.byId.get(id)).isNull();
            }
            List<NodeStatus> caughtUp = awaitAll(base, portBase, status -> status.commands() == orders
                    && status.stateHashAt() == status.logPosition(), "all " + orders + " orders applied", 120_000);
            Set<Long> positions = new HashSet<>();
            Set<Long> hashes = new HashSet<>();
            for (NodeStatus status : caughtUp) {
                positions.add(status.logPosition());
                hashes.add(status.stateHash());
                assertThat(status.commands()).as("member %d applied each order once", status.memberId())
                        .isEqualTo(orders);
            }
            assertThat(positions).as("log positions %s", caughtUp).hasSize(1);
            assertThat(hashes).as("state hashes %s", caughtUp).hasSize(1);
            for (int member : killed) {
                assertThat(caughtUp.get(member).snapshotLoadedAt()).as("killed member %d restarted from its snapshot",
                        member).isPositive();
            }
            System.out.println("replicas after catch-up: " + caughtUp);
        } catch (Throwable failure) {
            printMemberLogs(base);
            throw failure;
        } finally {
            for (Process member : members) {
                member.destroyForcibly();
            }
            for (Process member : members) {
                member.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Shows the members' own output under a failure (the temporary directory is deleted after the test). */
    static void printMemberLogs(Path base) throws java.io.IOException {
        for (int m = 0; m < MEMBERS; m++) {
            Path log = base.resolve("node-" + m).resolve("member.log");
            if (java.nio.file.Files.exists(log)) {
                List<String> lines = java.nio.file.Files.readAllLines(log);
                System.out.println("---- member " + m + " (last 80 lines)");
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
            }
        }
    }

    static Process start(int member, int portBase, Path base) {
        return ClusterLauncher.startMember(member, MEMBERS, portBase, base, List.of("-Xmx192m",
                "-XX:+UseSerialGC"));
    }

    /** Submits orders {@code from..to-1}, keeping at most {@link #WINDOW} unacknowledged; returns {@code to}. */
    private static int stream(ExchangeClusterClient client, Acks acks, int from, int to) throws InterruptedException {
        for (int i = from; i < to; i++) {
            while (client.unacknowledged() >= WINDOW) {
                Thread.sleep(1);
            }
            assertThat(client.submit(order(i), acks, i)).isNull();
        }
        return Math.max(from, to);
    }

    /** Alice buys and Bob sells one lot at the same price, in turn: every second order trades. */
    static ExchangeCommand order(int i) {
        boolean buy = i % 2 == 0;
        return new ExchangeCommand.InsertOrder(buy ? "alice" : "bob", "o" + i, Defaults.BITCOIN.instrumentId(),
                buy ? Side.BUY : Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 1_000, 1, 0);
    }

    /** Waits until a member other than {@code excluded} reports itself leader; returns it. */
    static int awaitLeader(Path base, int portBase, Set<Integer> excluded, long timeoutMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            for (int m = 0; m < MEMBERS; m++) {
                NodeStatus status = NodeStatus.read(ClusterNodeConfig.loopback(m, MEMBERS, portBase, base)
                        .statusFile());
                if (!excluded.contains(m) && status != null && status.role().equals("LEADER")) {
                    return m;
                }
            }
            assertThat(System.nanoTime()).as("a leader among members not in %s", excluded).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Waits until every member's status passes {@code check}; returns the statuses. */
    private static List<NodeStatus> awaitAll(Path base, int portBase, java.util.function.Predicate<NodeStatus> check,
                                             String what, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            List<NodeStatus> statuses = new ArrayList<>();
            for (int m = 0; m < MEMBERS; m++) {
                statuses.add(NodeStatus.read(ClusterNodeConfig.loopback(m, MEMBERS, portBase, base).statusFile()));
            }
            if (statuses.stream().allMatch(s -> s != null && check.test(s))) {
                return statuses;
            }
            assertThat(System.nanoTime()).as("%s on every member: %s", what, statuses).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
