package io.github.exchangeblocks.examples.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how one member of a cluster on one host runs. Member {@code i} uses the ports
 * {@code portBase + 10 * i + 1..5} (archive control, client ingress, consensus, log, catch-up) and the directories
 * {@code base/node-i/{aeron,archive,cluster}} with its status in {@code base/node-i/status.properties}.
 *
 * @param memberId               this member, {@code 0..memberCount-1}
 * @param memberCount            how many members the cluster has (1, or 3 to survive the loss of one)
 * @param host                   the address all members bind to and reach each other on, e.g. {@code 127.0.0.1}
 * @param portBase               the first port of the cluster's range, 1024..65000
 * @param base                   the directory all members' directories live under
 * @param leaderHeartbeatTimeout how long followers wait for the leader before they elect another
 * @param leaderHeartbeatInterval how often the leader proves it is alive when there is nothing to send
 * @param electionTimeout        how long one election step (canvass, vote) waits
 */
public record ClusterNodeConfig(int memberId, int memberCount, String host, int portBase, Path base,
                                Duration leaderHeartbeatTimeout, Duration leaderHeartbeatInterval,
                                Duration electionTimeout) {
    /** Ports each member takes from the range. */
    public static final int PORTS_PER_MEMBER = 10;
    static final int ARCHIVE_PORT = 1;
    static final int INGRESS_PORT = 2;
    static final int CONSENSUS_PORT = 3;
    static final int LOG_PORT = 4;
    static final int CATCHUP_PORT = 5;

    /** Validates every field. */
    public ClusterNodeConfig {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(base, "base must not be null");
        Objects.requireNonNull(leaderHeartbeatTimeout, "leaderHeartbeatTimeout must not be null");
        Objects.requireNonNull(leaderHeartbeatInterval, "leaderHeartbeatInterval must not be null");
        Objects.requireNonNull(electionTimeout, "electionTimeout must not be null");
        if (memberCount < 1 || memberCount > 9) {
            throw new IllegalArgumentException("memberCount=" + memberCount + " must be in 1..9");
        }
        if (memberId < 0 || memberId >= memberCount) {
            throw new IllegalArgumentException("memberId=" + memberId + " must be in 0.." + (memberCount - 1));
        }
        if (portBase < 1024 || portBase > 65000) {
            throw new IllegalArgumentException("portBase=" + portBase + " must be in 1024..65000");
        }
        if (leaderHeartbeatInterval.compareTo(leaderHeartbeatTimeout) >= 0 || leaderHeartbeatInterval.isNegative()
                || leaderHeartbeatInterval.isZero()) {
            throw new IllegalArgumentException("leaderHeartbeatInterval=" + leaderHeartbeatInterval
                    + " must be positive and below leaderHeartbeatTimeout=" + leaderHeartbeatTimeout);
        }
        if (electionTimeout.isNegative() || electionTimeout.isZero()) {
            throw new IllegalArgumentException("electionTimeout=" + electionTimeout + " must be positive");
        }
    }

    /**
     * A member on loopback tuned to fail over well within 3 s: a leader silent for 800 ms is replaced, an election
     * step waits at most 400 ms (a canvass with a member missing takes that long), the leader heartbeats every
     * 100 ms. Measured on a loaded 2-core machine: a new leader 1.7 to 2.5 s after a SIGKILL with 1 s / 500 ms.
     */
    public static ClusterNodeConfig loopback(int memberId, int memberCount, int portBase, Path base) {
        return new ClusterNodeConfig(memberId, memberCount, "127.0.0.1", portBase, base, Duration.ofMillis(800),
                Duration.ofMillis(100), Duration.ofMillis(400));
    }

    /** @return this member's directory */
    public Path directory() {
        return base.resolve("node-" + memberId);
    }

    /** @return this member's status file */
    public Path statusFile() {
        return directory().resolve("status.properties");
    }

    int port(int member, int offset) {
        return portBase + member * PORTS_PER_MEMBER + offset;
    }

    /** @return the cluster's members in Aeron's form: {@code id,ingress,consensus,log,catchup,archive|...} */
    String clusterMembers() {
        StringBuilder members = new StringBuilder();
        for (int m = 0; m < memberCount; m++) {
            members.append(m).append(',').append(host).append(':').append(port(m, INGRESS_PORT))
                    .append(',').append(host).append(':').append(port(m, CONSENSUS_PORT))
                    .append(',').append(host).append(':').append(port(m, LOG_PORT))
                    .append(',').append(host).append(':').append(port(m, CATCHUP_PORT))
                    .append(',').append(host).append(':').append(port(m, ARCHIVE_PORT)).append('|');
        }
        return members.toString();
    }

    /**
     * The members' client-facing endpoints, for a cluster client.
     *
     * @param host        the members' address
     * @param portBase    the cluster's port range
     * @param memberCount how many members
     * @return {@code 0=host:port,1=host:port,...}
     */
    public static String ingressEndpoints(String host, int portBase, int memberCount) {
        StringBuilder endpoints = new StringBuilder();
        for (int m = 0; m < memberCount; m++) {
            endpoints.append(m == 0 ? "" : ",").append(m).append('=').append(host).append(':')
                    .append(portBase + m * PORTS_PER_MEMBER + INGRESS_PORT);
        }
        return endpoints.toString();
    }
}
