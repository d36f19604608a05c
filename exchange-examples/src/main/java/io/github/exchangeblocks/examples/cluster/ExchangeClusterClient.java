package io.github.exchangeblocks.examples.cluster;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.exceptions.AeronException;
import io.aeron.logbuffer.Header;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A gateway's connection to the clustered exchange, with the same submit contract as the single-machine core: a
 * command goes in with a {@link CommandSource} and a correlation id, and its acknowledgement comes back once the
 * cluster has committed and applied it.
 *
 * <p>Commands are numbered 1, 2, 3, ... under this client's id and kept until acknowledged. When the leader changes
 * (or the session has to be re-established, or the oldest command waits longer than the resend interval, or the
 * cluster reports a gap) the client resends everything unacknowledged from the oldest, in order; the cluster
 * applies each number once ({@link ClientSequences}), so a resend after failover is not applied twice. A resend
 * of a command that had been applied is acknowledged with code {@code null} and a message saying so: its original
 * result went to the old leader's session.
 *
 * <p>One thread of its own sends, polls and calls the sources; {@link #submit} may be called from any thread.
 * The client runs an embedded media driver in {@code aeronDirectory}.
 */
public final class ExchangeClusterClient implements AutoCloseable {
    private final long clientId;
    private final String ingressEndpoints;
    private final MediaDriver driver;
    private final CommandWindow window;
    private final IdleStrategy idle = ClusterNode.idleStrategy();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean snapshotRequested;
    private volatile int leaderMemberId = -1;
    private AeronCluster cluster;
    private long lastSendNs;

    private ExchangeClusterClient(long clientId, String ingressEndpoints, Path aeronDirectory,
                                  long resendAfterNs) {
        this.clientId = clientId;
        this.ingressEndpoints = ingressEndpoints;
        this.window = new CommandWindow(clientId, resendAfterNs);
        this.driver = ClusterClientTransport.launchDriver(aeronDirectory);
        this.thread = new Thread(this::run, "exchange-cluster-client-" + clientId);
    }

    /**
     * Connects to the cluster (waiting until a leader accepted the session) and starts the client's thread.
     *
     * @param clientId         this client's id; a new one for each run of a gateway, as the cluster remembers
     *                         the sequences applied under each id
     * @param ingressEndpoints the members' endpoints, see {@link ClusterNodeConfig#ingressEndpoints}
     * @param aeronDirectory   the embedded media driver's directory
     * @param resendAfterMs    how long the oldest unacknowledged command waits before everything is resent
     * @return the connected client
     * @throws AeronException        if no leader answered within Aeron's message timeout
     * @throws IllegalStateException if the JVM lacks Aeron's flags ({@link ClusterLauncher#JVM_FLAGS})
     */
    public static ExchangeClusterClient connect(long clientId, String ingressEndpoints, Path aeronDirectory,
                                                long resendAfterMs) {
        Objects.requireNonNull(ingressEndpoints, "ingressEndpoints must not be null");
        Objects.requireNonNull(aeronDirectory, "aeronDirectory must not be null");
        if (resendAfterMs <= 0) {
            throw new IllegalArgumentException("resendAfterMs=" + resendAfterMs + " must be > 0");
        }
        ClusterClientTransport.requireAeronFlags();
        ExchangeClusterClient client = new ExchangeClusterClient(clientId, ingressEndpoints, aeronDirectory,
                TimeUnit.MILLISECONDS.toNanos(resendAfterMs));
        try {
            client.cluster = ClusterClientTransport.connect(client.driver, ingressEndpoints, client.new Egress());
        } catch (RuntimeException e) {
            CloseHelper.quietClose(client.driver);
            throw e;
        }
        client.leaderMemberId = client.cluster.leaderMemberId();
        client.thread.start();
        return client;
    }

    /**
     * Queues a command for the cluster. Returns at once; the outcome reaches {@code source} on the client's thread.
     *
     * @param command       the command (validated by the cluster when it is applied)
     * @param source        where the acknowledgement goes, or {@code null}
     * @param correlationId echoed to {@code source}
     * @return {@code null} if queued; {@link RejectCode#EXCHANGE_INVALID_COMMAND} for a {@code null} command,
     *         {@link RejectCode#EXCHANGE_BUSY} if 65,536 commands wait for acknowledgement,
     *         {@link RejectCode#EXCHANGE_STOPPED} if the client is closed
     */
    public RejectCode submit(ExchangeCommand command, CommandSource source, long correlationId) {
        if (command == null) {
            return RejectCode.EXCHANGE_INVALID_COMMAND;
        }
        if (!running) {
            return RejectCode.EXCHANGE_STOPPED;
        }
        return window.submit(command, source, correlationId);
    }

    /** Asks the cluster to take a snapshot on every member (sent from the client's thread). */
    public void requestSnapshot() {
        snapshotRequested = true;
    }

    /** @return commands submitted and not yet acknowledged */
    public int unacknowledged() {
        return window.unacknowledged();
    }

    /** @return the leader this client talks to, as last told */
    public int leaderMemberId() {
        return leaderMemberId;
    }

    /** Stops the client's thread, closes the session and the media driver; unacknowledged commands stay so. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CloseHelper.quietClose(cluster);
        CloseHelper.quietClose(driver);
    }

    private void run() {
        while (running) {
            int work = 0;
            try {
                if (cluster.isClosed()) {
                    reconnect();
                }
                work += cluster.pollEgress();
                work += window.accept();
                work += send();
                if (snapshotRequested && cluster.sendAdminRequestToTakeASnapshot(System.nanoTime())) {
                    snapshotRequested = false;
                }
                if (System.nanoTime() - lastSendNs > TimeUnit.SECONDS.toNanos(1) && cluster.sendKeepAlive()) {
                    lastSendNs = System.nanoTime();
                }
            } catch (AeronException e) {
                System.err.println("exchange cluster client " + clientId + ": " + e);
                CloseHelper.quietClose(cluster);
            }
            idle.idle(work);
        }
    }

    private void reconnect() {
        try {
            cluster = ClusterClientTransport.connect(driver, ingressEndpoints, new Egress());
            leaderMemberId = cluster.leaderMemberId();
            window.resendAll();
        } catch (AeronException e) {
            System.err.println("exchange cluster client " + clientId + ": reconnecting: " + e);
        }
    }

    private int send() {
        long now = System.nanoTime();
        int sent = window.send(cluster, now);
        if (sent > 0) {
            lastSendNs = now;
        }
        return sent;
    }

    private void onAck(DirectBuffer buffer, int offset) {
        long sequence = ClusterMessages.ackSequence(buffer, offset);
        byte outcome = ClusterMessages.ackOutcome(buffer, offset);
        if (outcome == ClusterMessages.OUT_OF_ORDER) {
            window.resendAll();
            return;
        }
        CommandWindow.Pending pending = window.take(sequence);
        if (pending != null) {
            pending.answer(ClusterMessages.ackLogPosition(buffer, offset), ClusterMessages.ackCode(buffer, offset),
                    ClusterMessages.ackMessage(buffer, offset));
        }
    }

    private final class Egress implements EgressListener {
        @Override
        public void onMessage(long clusterSessionId, long timestamp, DirectBuffer buffer, int offset, int length,
                              Header header) {
            onAck(buffer, offset);
        }

        @Override
        public void onNewLeader(long clusterSessionId, long leadershipTermId, int leaderMemberId,
                                String ingressEndpoints) {
            ExchangeClusterClient.this.leaderMemberId = leaderMemberId;
            window.resendAll();
        }
    }
}
