package io.github.exchangeblocks.examples.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three members in child JVMs on free loopback ports, for tests outside this package (the server on a replica):
 * the same members, leader lookup and logs as {@link ClusterFailoverIT}'s.
 */
public final class TestCluster implements AutoCloseable {
    private static final int MEMBERS = 3;
    private final Path base;
    private final int portBase;
    private final List<Process> members = new ArrayList<>();

    private TestCluster(Path base, int portBase) {
        this.base = base;
        this.portBase = portBase;
    }

    /**
     * Starts the members and waits for a leader.
     *
     * @param base the members' directories go under it
     * @return the running cluster
     * @throws InterruptedException if interrupted while waiting
     */
    public static TestCluster start(Path base) throws InterruptedException {
        return start(base, List.of());
    }

    /**
     * Starts the members with more JVM flags (e.g. {@code -Dexchange.cluster.ringCapacity=64}) and waits for a
     * leader.
     *
     * @param base       the members' directories go under it
     * @param extraFlags added to the failover test's flags
     * @return the running cluster
     * @throws InterruptedException if interrupted while waiting
     */
    public static TestCluster start(Path base, List<String> extraFlags) throws InterruptedException {
        TestCluster cluster = new TestCluster(base, ClusterPorts.freeBase(MEMBERS));
        List<String> flags = new ArrayList<>(List.of("-Xmx192m", "-XX:+UseSerialGC"));
        flags.addAll(extraFlags);
        for (int m = 0; m < MEMBERS; m++) {
            cluster.members.add(ClusterLauncher.startMember(m, MEMBERS, cluster.portBase, base, flags));
        }
        cluster.awaitLeader(Set.of(), 60_000);
        return cluster;
    }

    /** @return the members' ingress endpoints, for a client or a replica */
    public String ingressEndpoints() {
        return ClusterNodeConfig.ingressEndpoints("127.0.0.1", portBase, MEMBERS);
    }

    /**
     * @param excluded   members not to count (killed ones)
     * @param timeoutMs  how long to wait
     * @return the member that reports itself leader
     * @throws InterruptedException if interrupted while waiting
     */
    public int awaitLeader(Set<Integer> excluded, long timeoutMs) throws InterruptedException {
        return ClusterFailoverIT.awaitLeader(base, portBase, excluded, timeoutMs);
    }

    /**
     * Kills a member with SIGKILL and waits until it is gone.
     *
     * @param member the member id
     * @throws InterruptedException if interrupted while waiting
     */
    public void kill(int member) throws InterruptedException {
        members.get(member).destroyForcibly();
        assertThat(members.get(member).waitFor(10, TimeUnit.SECONDS)).as("member %d gone", member).isTrue();
    }

    /**
     * Waits until every member but {@code killed} (-1: none) applied {@code commands} commands and hashed its state
     * at its log position (the log is quiet), all at the same position.
     *
     * @param killed    the member not to wait for
     * @param commands  the commands each must have applied
     * @param timeoutMs how long to wait
     * @return the survivors' statuses
     * @throws InterruptedException if interrupted while waiting
     */
    public List<NodeStatus> awaitSurvivors(int killed, long commands, long timeoutMs) throws InterruptedException {
        return awaitSurvivorsWhere(killed, timeoutMs, "survivors at " + commands + " commands",
                statuses -> statuses.stream().allMatch(s -> s != null && s.commands() == commands
                        && s.stateHashAt() == s.logPosition() && s.logPosition() == statuses.get(0).logPosition()));
    }

    /**
     * Waits until every member but {@code killed} reports a snapshot taken since it started.
     *
     * @param killed    the member not to wait for
     * @param timeoutMs how long to wait
     * @return the survivors' statuses
     * @throws InterruptedException if interrupted while waiting
     */
    public List<NodeStatus> awaitSnapshots(int killed, long timeoutMs) throws InterruptedException {
        return awaitSurvivorsWhere(killed, timeoutMs, "a snapshot on every survivor",
                statuses -> statuses.stream().allMatch(s -> s != null && s.snapshotsTaken() > 0));
    }

    /** Polls the statuses of every member but {@code killed} until {@code condition} holds; fails at the timeout. */
    private List<NodeStatus> awaitSurvivorsWhere(int killed, long timeoutMs, String what,
                                                 Predicate<List<NodeStatus>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            List<NodeStatus> statuses = new ArrayList<>();
            for (int m = 0; m < MEMBERS; m++) {
                if (m != killed) {
                    statuses.add(NodeStatus.read(ClusterNodeConfig.loopback(m, MEMBERS, portBase, base)
                            .statusFile()));
                }
            }
            if (condition.test(statuses)) {
                return statuses;
            }
            assertThat(System.nanoTime()).as("%s: %s", what, statuses).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Prints the members' own output (for a failing test; the temporary directory is deleted after it). */
    public void printLogs() throws IOException {
        ClusterFailoverIT.printMemberLogs(base);
    }

    /** Kills every member and waits (up to 10 s each) for them. */
    @Override
    public void close() {
        for (Process member : members) {
            member.destroyForcibly();
        }
        try {
            for (Process member : members) {
                member.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
