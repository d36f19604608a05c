package io.github.exchangeblocks.examples.cluster;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.exceptions.AeronException;
import io.aeron.logbuffer.Header;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.CommandApplier;
import io.github.exchangeblocks.examples.exchange.CommandCodec;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A gateway's local copy of the clustered exchange: a cluster client that keeps its own {@link ExchangeState} in
 * step with the committed log, so the gateway's publishers (DIFF, channels, HTTP views) sit on an
 * {@link ExchangeListener} here exactly as they sit on the single-machine core.
 *
 * <p>It loads a state transfer from the leader, then applies every command the cluster applied, in stream
 * sequence order, through a {@link CommandApplier} ({@link ReplicaSync} finds gaps and asks for the missing range;
 * a replica too far behind for the members' replay rings gets a new state transfer). After a leader change it asks
 * the new leader for everything after its last applied sequence, so it never applies a command twice or skips one.
 *
 * <p>Commands submitted here are numbered under this replica's client id and resent after a leader change, as
 * {@link ExchangeClusterClient} does. A command is acknowledged to its {@link CommandSource} when it comes back
 * in the stream and is applied here: it is then committed in the cluster (the durable-ack rule), and the result is
 * the one every member got, computed by the same state. The sequence given to the source is the stream sequence.
 * If the command was already inside a state transfer, it is acknowledged with code {@code null} and a message
 * saying so.
 *
 * <p>It is an {@link ExchangeBackend}, as the single-machine core is. One thread of its own polls, applies and calls
 * the listener, the sources and the reads; {@link #submit} and {@link #query} may be called from any thread. The
 * replica runs an embedded media driver in its directory. Its commands in flight are a {@link CommandWindow}, as the
 * plain client's are.
 */
public final class ClusterReplica implements ExchangeBackend, AutoCloseable {
    private final long clientId;
    private final String ingressEndpoints;
    private final VenueSettings venue;
    private final ExchangeListener listener;
    private final MediaDriver driver;
    private final ReplicaSync sync;
    private final CommandWindow window;
    private final ConcurrentLinkedQueue<Consumer<ExchangeState>> queries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingReads = new AtomicInteger();
    private final byte[] request = new byte[StreamMessages.STATE_LENGTH];
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final IdleStrategy idle = ClusterNode.idleStrategy();
    private final Thread thread;
    private byte[] inbox = new byte[StreamMessages.CHUNK_HEADER + CommandStream.CHUNK_BYTES];
    private volatile boolean running = true;
    private volatile boolean snapshotRequested;
    private volatile Throwable failure;
    private volatile long appliedSequence = -1;
    private volatile int leaderMemberId = -1;
    private AeronCluster cluster;
    private volatile CommandApplier applier;
    private long lastSendNs;

    private ClusterReplica(long clientId, String ingressEndpoints, Path directory, VenueSettings venue,
                           ExchangeListener listener, long resendAfterMs) {
        this.clientId = clientId;
        this.ingressEndpoints = ingressEndpoints;
        this.venue = venue;
        this.listener = listener;
        this.window = new CommandWindow(clientId, TimeUnit.MILLISECONDS.toNanos(resendAfterMs));
        this.sync = new ReplicaSync(new Requests(), new Target(), resendAfterMs);
        this.driver = ClusterClientTransport.launchDriver(directory);
        this.thread = new Thread(this::run, "exchange-cluster-replica-" + clientId);
    }

    /**
     * Connects to the cluster (waiting until a leader accepted the session) and starts the replica's thread, which
     * asks for the state at once.
     *
     * @param clientId         this replica's client id; a new one for each run, as the cluster remembers the
     *                         sequences applied under each id
     * @param ingressEndpoints the members' endpoints, see {@link ClusterNodeConfig#ingressEndpoints}
     * @param directory        the embedded media driver's directory
     * @param venue            the venue settings the members run with, not {@code null}
     * @param listener         gets the state's events on the replica's thread, not {@code null}; a state transfer
     *                         after the first (the replica fell too far behind) replaces the state without events
     *                         and is announced with {@link ExchangeListener#onStateReplaced}
     * @param resendAfterMs    how long a command or a stream request may go unanswered before it is sent again, > 0
     * @return the connected replica
     * @throws AeronException        if no leader answered within Aeron's message timeout
     * @throws IllegalStateException if the JVM lacks Aeron's flags ({@link ClusterLauncher#JVM_FLAGS})
     */
    public static ClusterReplica connect(long clientId, String ingressEndpoints, Path directory, VenueSettings venue,
                                         ExchangeListener listener, long resendAfterMs) {
        Objects.requireNonNull(ingressEndpoints, "ingressEndpoints must not be null");
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(venue, "venue must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        if (resendAfterMs <= 0) {
            throw new IllegalArgumentException("resendAfterMs=" + resendAfterMs + " must be > 0");
        }
        ClusterClientTransport.requireAeronFlags();
        ClusterReplica replica = new ClusterReplica(clientId, ingressEndpoints, directory, venue, listener,
                resendAfterMs);
        try {
            replica.cluster = ClusterClientTransport.connect(replica.driver, ingressEndpoints,
                    replica.new Egress());
        } catch (RuntimeException e) {
            CloseHelper.quietClose(replica.driver);
            throw e;
        }
        replica.leaderMemberId = replica.cluster.leaderMemberId();
        replica.thread.start();
        return replica;
    }

    /**
     * Queues a command for the cluster. Returns at once; the outcome reaches {@code source} on the replica's
     * thread once the command is applied here.
     *
     * @param command       the command (validated by the cluster when it is applied)
     * @param source        where the acknowledgement goes, or {@code null}
     * @param correlationId echoed to {@code source}
     * @return {@code null} if queued; {@link RejectCode#EXCHANGE_INVALID_COMMAND} for a {@code null} command,
     *         {@link RejectCode#EXCHANGE_BUSY} if 65,536 commands wait for acknowledgement,
     *         {@link RejectCode#EXCHANGE_STOPPED} if the replica is closed
     */
    @Override
    public RejectCode submit(ExchangeCommand command, CommandSource source, long correlationId) {
        if (command == null) {
            return RejectCode.EXCHANGE_INVALID_COMMAND;
        }
        if (!running) {
            return RejectCode.EXCHANGE_STOPPED;
        }
        return window.submit(command, source, correlationId);
    }

    /**
     * Runs a read of the replica's state on its thread, between applied commands (so in order with the listener's
     * events); a read queued before the first state transfer runs once it is loaded. Unlike the single-machine
     * core, commands submitted before the read are not necessarily applied yet: they are on their way through the
     * cluster. A read still queued when the replica closes does not run.
     *
     * @param reader runs once on the replica's thread; must not change the state or block
     * @return {@code null} if queued, {@link RejectCode#EXCHANGE_BUSY} if 65,536 reads wait,
     *         {@link RejectCode#EXCHANGE_STOPPED} if the replica is closed
     */
    @Override
    public RejectCode query(Consumer<ExchangeState> reader) {
        Objects.requireNonNull(reader, "reader must not be null");
        if (!running) {
            return RejectCode.EXCHANGE_STOPPED;
        }
        if (waitingReads.incrementAndGet() > CommandWindow.MAX_UNACKNOWLEDGED) {
            waitingReads.decrementAndGet();
            return RejectCode.EXCHANGE_BUSY;
        }
        queries.add(reader);
        return null;
    }

    /** @return the stream sequence of the last command applied here, -1 before the first state transfer */
    @Override
    public long appliedSequence() {
        return appliedSequence;
    }

    /** @return commands submitted and not yet acknowledged */
    public int unacknowledged() {
        return window.unacknowledged();
    }

    /** @return the venue settings given at {@link #connect} */
    @Override
    public VenueSettings venueSettings() {
        return venue;
    }

    /**
     * The replica's state: read it only on the replica's thread (listeners, {@link #query}, acknowledgements) or
     * after {@link #close()}. A state transfer replaces it ({@link ExchangeListener#onStateReplaced}).
     *
     * @return the state, {@code null} before the first state transfer was loaded
     */
    @Override
    public ExchangeState state() {
        CommandApplier current = applier;
        return current == null ? null : current.state();
    }

    /** @return commands submitted and not yet acknowledged (the replica's queue is its window of commands) */
    @Override
    public long queueDepth() {
        return window.unacknowledged();
    }

    /** @return 65,536, the most commands that may wait for acknowledgement */
    @Override
    public int queueCapacity() {
        return CommandWindow.MAX_UNACKNOWLEDGED;
    }

    /** @return what stopped the replica's thread (a listener or source that threw), or {@code null} */
    @Override
    public Throwable failure() {
        return failure;
    }

    /**
     * Asks the cluster to take a snapshot on every member (an admin request, sent from the replica's thread; the
     * members must run with {@link SnapshotAdminAuthorisation}, as {@link ClusterNode} does).
     *
     * @return {@code null} if it will be sent, {@link RejectCode#EXCHANGE_STOPPED} if the replica is closed
     */
    @Override
    public RejectCode requestSnapshot() {
        if (!running) {
            return RejectCode.EXCHANGE_STOPPED;
        }
        snapshotRequested = true;
        return null;
    }

    /** @return the leader this replica talks to, as last told */
    public int leaderMemberId() {
        return leaderMemberId;
    }

    /** Stops the thread, closes the session and the media driver; unacknowledged commands stay so. */
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
        try {
            poll();
        } catch (RuntimeException | Error e) {
            failure = e;
            running = false;
            System.err.println("exchange cluster replica " + clientId + ": stopped: " + e);
        }
    }

    private void poll() {
        while (running) {
            int work = 0;
            try {
                if (cluster.isClosed()) {
                    reconnect();
                }
                int polled = cluster.pollEgress();
                work += polled;
                if (polled == 0) {
                    sync.onIdle(System.nanoTime());
                }
                work += window.accept();
                work += send();
                work += runQueries();
                if (snapshotRequested && cluster.sendAdminRequestToTakeASnapshot(System.nanoTime())) {
                    snapshotRequested = false;
                }
                if (System.nanoTime() - lastSendNs > TimeUnit.SECONDS.toNanos(1) && cluster.sendKeepAlive()) {
                    lastSendNs = System.nanoTime();
                }
            } catch (AeronException e) {
                System.err.println("exchange cluster replica " + clientId + ": " + e);
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
            sync.onNewLeader(System.nanoTime());
        } catch (AeronException e) {
            System.err.println("exchange cluster replica " + clientId + ": reconnecting: " + e);
        }
    }

    private int runQueries() {
        if (applier == null) {
            return 0;
        }
        int ran = 0;
        Consumer<ExchangeState> query;
        while ((query = queries.poll()) != null) {
            waitingReads.decrementAndGet();
            query.accept(applier.state());
            ran++;
        }
        return ran;
    }

    private int send() {
        long now = System.nanoTime();
        int sent = window.send(cluster, now);
        if (sent > 0) {
            lastSendNs = now;
        }
        return sent;
    }

    /** An acknowledgement: the stream acknowledges what was applied; this handles what was not. */
    private void onAck(DirectBuffer buffer, int offset) {
        byte outcome = ClusterMessages.ackOutcome(buffer, offset);
        if (outcome == ClusterMessages.OUT_OF_ORDER) {
            window.resendAll();
        } else if (outcome == ClusterMessages.REFUSED && ClusterMessages.ackLogPosition(buffer, offset) == 0) {
            CommandWindow.Pending pending = window.take(ClusterMessages.ackSequence(buffer, offset));
            if (pending != null) {
                pending.answer(0, ClusterMessages.ackCode(buffer, offset), ClusterMessages.ackMessage(buffer, offset));
            }
        }
    }

    private boolean offerRequest(int length) {
        view.wrap(request, 0, length);
        return cluster.offer(view, 0, length) >= 0;
    }

    private final class Requests implements ReplicaSync.Requests {
        @Override
        public boolean sync(long after) {
            return offerRequest(StreamMessages.encodeSync(request, clientId, after));
        }

        @Override
        public boolean state(long stateSequence, long offset) {
            return offerRequest(StreamMessages.encodeState(request, clientId, stateSequence, offset));
        }
    }

    private final class Target implements ReplicaSync.Target {
        @Override
        public void load(byte[] state, long sequence, long highestOwnSequence) {
            boolean replacing = applier != null;
            applier = new CommandApplier(ExchangeState.restore(venue, state, listener), listener, 1, sequence);
            appliedSequence = sequence;
            if (replacing) {
                listener.onStateReplaced(applier.state());
            }
            window.takeUpTo(highestOwnSequence, pending -> pending.answer(sequence, null,
                    "applied before the state transfer at sequence=" + sequence + "; its result is in that state"));
        }

        @Override
        public void apply(long sequence, byte[] message, int length) {
            long sender = StreamMessages.longAt(message, 8);
            long clientSequence = StreamMessages.longAt(message, 17);
            CommandCodec.Journaled journaled = CommandCodec.decode(message[25] & 0xFF,
                    ByteBuffer.wrap(message, 0, length), StreamMessages.COMMAND_HEADER);
            CommandWindow.Pending own = sender == clientId ? window.take(clientSequence) : null;
            applier.sequenced(sequence, journaled.timestampNs(), journaled.command(),
                    own == null ? null : own.source, own == null ? 0 : own.correlationId);
            applier.durable();
            appliedSequence = sequence;
        }
    }

    private final class Egress implements EgressListener {
        @Override
        public void onMessage(long clusterSessionId, long timestamp, DirectBuffer buffer, int offset, int length,
                              Header header) {
            if (length <= StreamMessages.KIND || !StreamMessages.isStream(buffer.getByte(offset
                    + StreamMessages.KIND))) {
                onAck(buffer, offset);
                return;
            }
            if (inbox.length < length) {
                inbox = new byte[Math.max(length, inbox.length * 2)];
            }
            buffer.getBytes(offset, inbox, 0, length);
            try {
                sync.onMessage(inbox, length, System.nanoTime());
            } catch (IllegalArgumentException damaged) {
                // Not what a member sends: dropped, and the stream asked for again from where this replica is.
                System.err.println("exchange cluster replica " + clientId + ": " + damaged.getMessage());
                sync.onNewLeader(System.nanoTime());
            }
        }

        @Override
        public void onNewLeader(long clusterSessionId, long leadershipTermId, int leaderMemberId,
                                String ingressEndpoints) {
            ClusterReplica.this.leaderMemberId = leaderMemberId;
            window.resendAll();
            sync.onNewLeader(System.nanoTime());
        }
    }
}
