package io.github.exchangeblocks.examples.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.CommandApplier;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The exchange core as an Aeron Cluster service: the cluster's replicated log sequences the commands and the
 * {@link CommandApplier} applies them, as it does behind the single-machine write-ahead journal.
 *
 * <ul>
 *   <li>Each log entry is a command of a gateway ({@link ClusterMessages}: client id, client sequence, the command
 *       in {@code CommandCodec} form). The cluster hands an entry to the service only once a quorum of members
 *       holds it, which is the applier's durable signal: the command is applied at once and its acknowledgement
 *       goes back to the gateway's session (only the leader's reaches it; followers' replies are dropped by the
 *       cluster).</li>
 *   <li>The entry's timestamp (the leader's cluster clock, not going backwards here) is the command's time.</li>
 *   <li>A command whose client sequence was applied before (a resend after a leader change) is skipped and
 *       answered {@link ClusterMessages#DUPLICATE}; one that skips sequences (earlier ones were lost with the old
 *       leader) is answered {@link ClusterMessages#OUT_OF_ORDER}; bytes that are not a command are answered with
 *       {@link RejectCode#EXCHANGE_INVALID_COMMAND} and change nothing.</li>
 *   <li>Snapshots ({@link ClusterSnapshot}) hold the exchange state, the idempotency table and the counters; a
 *       replica starts from the newest one and the log after it. A cluster with no snapshot starts from the
 *       bootstrap commands, applied on every replica at midnight UTC of the first trading day.</li>
  <li>Each applied command is numbered (the stream sequence, the count of applied commands) and streamed to the
 *       sessions that asked for it, with a replay ring of the most recent ones and state transfers for replicas
 *       that fell further behind ({@link CommandStream}, {@link StreamMessages}, used by {@link ClusterReplica}).
 *       Stream requests go through the log but change nothing in the state.</li>
 * </ul>
 *
 * Every method runs on the service container's thread, as the cluster calls it.
 */
public final class ExchangeClusteredService implements ClusteredService {
    private static final long STATUS_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long QUIET_BEFORE_HASH_NS = TimeUnit.MILLISECONDS.toNanos(200);
    /** How many recent commands a member keeps for replicas' replays unless told otherwise. */
    public static final int DEFAULT_RING_CAPACITY = 1 << 16;

    private final VenueSettings venue;
    private final int firstTradingDay;
    private final List<ExchangeCommand> bootstrap;
    private final ExchangeListener listener;
    private final Path statusFile;
    private final int ringCapacity;
    private final ClusterMessages messages = new ClusterMessages();
    private final ExpandableArrayBuffer reply = new ExpandableArrayBuffer(1100);
    private final CommandSource responder = this::acknowledge;
    private ClientSequences sequences = new ClientSequences();
    private Cluster cluster;
    private CommandApplier applier;
    private CommandStream stream;
    private Cluster.Role role = Cluster.Role.FOLLOWER;
    private ClientSession replyTo;
    private long lastTimeNs;
    private long commands;
    private long duplicates;
    private long snapshotLoadedAt = -1;
    private volatile long snapshotsTaken;
    private long nextStatusNs;
    private long statusWrittenFor = -1;
    private long lastSeenPosition = -1;
    private long quietSinceNs;
    private long stateHash;
    private long stateHashAt = -1;

    /**
     * @param venue           the venue's settings, not {@code null}
     * @param firstTradingDay the trading day a new exchange starts in, {@code yyyymmdd}
     * @param bootstrap       commands a new exchange starts with, each must be accepted
     * @param listener        receives the state's events on the service thread, on every replica, not {@code null}
     * @param statusFile      where to write a {@link NodeStatus} from idle moments (at most every 100 ms; the
     *                        state hash once the log has been quiet for 200 ms), or {@code null} for none
     */
    public ExchangeClusteredService(VenueSettings venue, int firstTradingDay, List<ExchangeCommand> bootstrap,
                                    ExchangeListener listener, Path statusFile) {
        this(venue, firstTradingDay, bootstrap, listener, statusFile, DEFAULT_RING_CAPACITY);
    }

    /**
     * As {@link #ExchangeClusteredService(VenueSettings, int, List, ExchangeListener, Path)}, with the size of the
     * replica stream's replay ring ({@link CommandStream}).
     *
     * @param ringCapacity how many recent applied commands each member keeps for replicas that missed some, >= 1;
     *                     a replica further behind gets a full state transfer
     */
    public ExchangeClusteredService(VenueSettings venue, int firstTradingDay, List<ExchangeCommand> bootstrap,
                                    ExchangeListener listener, Path statusFile, int ringCapacity) {
        if (ringCapacity < 1) {
            throw new IllegalArgumentException("ringCapacity=" + ringCapacity + " must be >= 1");
        }
        this.ringCapacity = ringCapacity;
        this.venue = Objects.requireNonNull(venue, "venue must not be null");
        this.firstTradingDay = firstTradingDay;
        this.bootstrap = List.copyOf(bootstrap);
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
        this.statusFile = statusFile;
    }

    @Override
    public void onStart(Cluster cluster, Image snapshotImage) {
        this.cluster = cluster;
        ExchangeState state;
        if (snapshotImage == null) {
            state = new ExchangeState(venue, firstTradingDay, listener);
            lastTimeNs = bootstrapTimeNs(firstTradingDay);
            for (ExchangeCommand command : bootstrap) {
                if (state.apply(lastTimeNs, command) != null) {
                    throw new IllegalArgumentException("bootstrap command " + command + " is refused: "
                            + state.resultMessage());
                }
            }
        } else {
            ClusterSnapshot snapshot = ClusterSnapshot.load(snapshotImage, cluster.idleStrategy());
            state = ExchangeState.restore(venue, snapshot.state(), listener);
            sequences = snapshot.sequences();
            commands = snapshot.commands();
            duplicates = snapshot.duplicates();
            lastTimeNs = snapshot.lastTimeNs();
            snapshotLoadedAt = cluster.logPosition();
        }
        applier = new CommandApplier(state, listener, 1, cluster.logPosition());
        stream = new CommandStream(cluster::closeClientSession, ringCapacity, commands);
        stream.leader(role == Cluster.Role.LEADER);
    }

    @Override
    public void onSessionOpen(ClientSession session, long timestamp) {
    }

    @Override
    public void onSessionClose(ClientSession session, long timestamp, CloseReason closeReason) {
        stream.onSessionClose(session.id());
    }

    @Override
    public void onSessionMessage(ClientSession session, long timestamp, DirectBuffer buffer, int offset, int length,
                                 Header header) {
        if (length < ClusterMessages.INGRESS_HEADER) {
            send(session, 0, 0, ClusterMessages.REFUSED, RejectCode.EXCHANGE_INVALID_COMMAND,
                    "message length=" + length + " must be >= " + ClusterMessages.INGRESS_HEADER);
            return;
        }
        long clientId = ClusterMessages.clientId(buffer, offset);
        long clientSequence = ClusterMessages.clientSequence(buffer, offset);
        if (StreamMessages.isRequest(buffer.getByte(offset + StreamMessages.KIND))) {
            String invalid = stream.onRequest(session, buffer, offset, length, applier.state(),
                    sequences.highest(clientId));
            if (invalid != null) {
                send(session, 0, 0, ClusterMessages.REFUSED, RejectCode.EXCHANGE_INVALID_COMMAND, invalid);
            }
            return;
        }
        ExchangeCommand command;
        try {
            command = messages.decodeCommand(buffer, offset, length);
        } catch (IndexOutOfBoundsException truncated) {
            send(session, clientSequence, 0, ClusterMessages.REFUSED, RejectCode.EXCHANGE_INVALID_COMMAND,
                    "command of length=" + length + " is truncated: " + truncated.getMessage());
            return;
        } catch (RuntimeException notACommand) {
            send(session, clientSequence, 0, ClusterMessages.REFUSED, RejectCode.EXCHANGE_INVALID_COMMAND,
                    "command is not valid: " + notACommand.getMessage());
            return;
        }
        byte admission = sequences.admit(clientId, clientSequence);
        if (admission == ClusterMessages.DUPLICATE) {
            duplicates++;
            send(session, clientSequence, 0, admission, null, "client sequence=" + clientSequence
                    + " was applied before (highest " + sequences.highest(clientId) + "); not applied again");
            return;
        }
        if (admission == ClusterMessages.OUT_OF_ORDER) {
            send(session, clientSequence, 0, admission, RejectCode.EXCHANGE_INVALID_COMMAND, "client sequence="
                    + clientSequence + " must be " + (sequences.highest(clientId) + 1) + "; not applied");
            return;
        }
        lastTimeNs = Math.max(lastTimeNs, cluster.timeUnit().toNanos(timestamp));
        commands++;
        replyTo = session;
        applier.sequenced(header.position(), lastTimeNs, command, responder, clientSequence);
        // The cluster delivers an entry to its services only once a quorum holds it: that is the durable signal.
        applier.durable();
        replyTo = null;
        stream.onApplied(commands, clientId, clientSequence, lastTimeNs, command);
    }

    private void acknowledge(long clientSequence, long logPosition, RejectCode code, CharSequence message) {
        send(replyTo, clientSequence, logPosition, code == null ? ClusterMessages.APPLIED : ClusterMessages.REFUSED,
                code, message);
    }

    private void send(ClientSession session, long clientSequence, long logPosition, byte outcome, RejectCode code,
                      CharSequence message) {
        if (role != Cluster.Role.LEADER) {
            return;
        }
        int length = ClusterMessages.encodeAck(reply, clientSequence, logPosition, outcome, code, message);
        // A back-pressured gateway is waited for briefly; an acknowledgement that still does not fit is dropped,
        // and the gateway, which resends what stays unacknowledged, gets it as DUPLICATE.
        for (int attempt = 0; attempt < 100; attempt++) {
            long result = session.offer(reply, 0, length);
            if (result >= 0 || result == Publication.NOT_CONNECTED || result == Publication.CLOSED
                    || result == Publication.MAX_POSITION_EXCEEDED) {
                return;
            }
            cluster.idleStrategy().idle();
        }
    }

    @Override
    public void onTimerEvent(long correlationId, long timestamp) {
    }

    @Override
    public void onTakeSnapshot(ExclusivePublication snapshotPublication) {
        new ClusterSnapshot(commands, duplicates, lastTimeNs, sequences, applier.state().writeSnapshot())
                .publish(snapshotPublication, cluster.idleStrategy());
        snapshotsTaken++;
        statusWrittenFor = -1;
    }

    @Override
    public void onRoleChange(Cluster.Role newRole) {
        role = newRole;
        statusWrittenFor = -1;
        if (stream != null) {
            stream.leader(newRole == Cluster.Role.LEADER);
        }
    }

    @Override
    public void onTerminate(Cluster cluster) {
        if (statusFile != null && applier != null) {
            hashState(cluster.logPosition());
            status().write(statusFile);
        }
    }

    /**
     * Writes the status file at most every 100 ms when something changed. The state hash walks the whole state
     * (about 100 ms for 70,000 orders), so it is taken only once the log has been quiet for 200 ms: while commands
     * flow, the status carries the last hash with the position it was taken at.
     */
    @Override
    public int doBackgroundWork(long nowNs) {
        if (statusFile == null || nowNs < nextStatusNs) {
            return 0;
        }
        nextStatusNs = nowNs + STATUS_INTERVAL_NS;
        long position = cluster.logPosition();
        if (position != lastSeenPosition) {
            lastSeenPosition = position;
            quietSinceNs = nowNs;
        }
        boolean hashed = nowNs - quietSinceNs >= QUIET_BEFORE_HASH_NS && hashState(position);
        if (position == statusWrittenFor && !hashed) {
            return 0;
        }
        status().write(statusFile);
        statusWrittenFor = position;
        return 1;
    }

    /** @return whether the hash was taken now (it was not already of this position) */
    private boolean hashState(long position) {
        if (stateHashAt == position) {
            return false;
        }
        stateHash = applier.state().stateHash();
        stateHashAt = position;
        return true;
    }

    /** @return this replica's status now, with the last state hash taken (service thread only) */
    NodeStatus status() {
        return new NodeStatus(cluster.memberId(), role.name(), cluster.logPosition(), commands, duplicates,
                stateHash, stateHashAt, snapshotLoadedAt, snapshotsTaken);
    }

    /** @return snapshots this replica wrote since it started (any thread) */
    long snapshotsTaken() {
        return snapshotsTaken;
    }

    /** @return the state (service thread only, or after the container closed) */
    ExchangeState state() {
        return applier.state();
    }

    static long bootstrapTimeNs(int tradingDay) {
        LocalDate day = LocalDate.parse(Integer.toString(tradingDay), DateTimeFormatter.BASIC_ISO_DATE);
        return TimeUnit.SECONDS.toNanos(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
    }
}
