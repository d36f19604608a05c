package io.github.exchangeblocks.examples.cluster;

import java.util.concurrent.TimeUnit;

/**
 * A replica's side of the command stream ({@link StreamMessages}), without the transport: loads a state transfer,
 * then hands on the applied commands strictly in stream-sequence order, and asks for what it misses.
 *
 * <ul>
 *   <li>{@link Phase#LOADING}: chunks of a state transfer are put together in offset order; the whole state goes
 *       to {@link Target#load} and the replica asks for every command after its sequence.</li>
 *   <li>{@link Phase#SYNCING}: commands are applied as they come in order (repeats are skipped); {@code SYNCED}
 *       makes it live. A replay or a transfer that stops (the member's egress to this replica was full) is
 *       continued once the stream has been quiet for a moment after progress; a request left unanswered is
 *       repeated after the retry interval.</li>
 *   <li>{@link Phase#LIVE}: a command beyond the next (a gap) or {@code BEHIND} sends it back to syncing from the
 *       last applied sequence. A state transfer that starts (the ring no longer held what was asked for) replaces
 *       the state.</li>
 * </ul>
 *
 * A leader change asks again from where the replica stands. Not thread-safe (the replica's thread).
 */
final class ReplicaSync {
    /** Where the replica stands. */
    enum Phase {
        /** Waiting for (the rest of) a state transfer. */
        LOADING,
        /** Catching up on the commands after its sequence. */
        SYNCING,
        /** Applying the live stream. */
        LIVE
    }

    /** Sends requests to the cluster; each returns whether it was sent (a refused one is tried again later). */
    interface Requests {
        boolean sync(long after);

        boolean state(long stateSequence, long offset);
    }

    /** What the replica does with the stream. */
    interface Target {
        /**
         * A whole state transfer arrived.
         *
         * @param state                the state's snapshot bytes
         * @param sequence             the stream sequence of the last command in it
         * @param highestOwnSequence   the highest client sequence applied for this replica's client id in it
         */
        void load(byte[] state, long sequence, long highestOwnSequence);

        /**
         * The next command in sequence.
         *
         * @param message a {@link StreamMessages#COMMAND} message of {@code length} bytes, valid during the call
         */
        void apply(long sequence, byte[] message, int length);
    }

    private static final long QUIET_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Requests requests;
    private final Target target;
    private final long retryNs;
    private Phase phase = Phase.LOADING;
    private long applied = -1;
    private byte[] transfer;
    private long transferSequence;
    private int received;
    private boolean requestOwed = true;
    private boolean progressSinceRequest;
    private long lastRequestNs;
    private long lastMessageNs;

    /**
     * @param requests where requests go
     * @param target   where the state and the commands go
     * @param retryMs  how long a request may go unanswered before it is repeated, > 0
     */
    ReplicaSync(Requests requests, Target target, long retryMs) {
        if (retryMs <= 0) {
            throw new IllegalArgumentException("retryMs=" + retryMs + " must be > 0");
        }
        this.requests = requests;
        this.target = target;
        this.retryNs = TimeUnit.MILLISECONDS.toNanos(retryMs);
    }

    /** @return where the replica stands */
    Phase phase() {
        return phase;
    }

    /** @return the stream sequence of the last command applied, -1 before a state was loaded */
    long applied() {
        return applied;
    }

    /**
     * One stream message from the cluster.
     *
     * @param message its bytes from index 0, at least {@link StreamMessages#NOTICE_LENGTH} long
     * @param length  its length
     * @param nowNs   a monotonic time
     */
    void onMessage(byte[] message, int length, long nowNs) {
        lastMessageNs = nowNs;
        long first = StreamMessages.longAt(message, 0);
        switch (message[StreamMessages.KIND]) {
            case StreamMessages.COMMAND -> onCommand(first, message, length, nowNs);
            case StreamMessages.CHUNK -> onChunk(first, message, length, nowNs);
            case StreamMessages.SYNCED -> {
                if (phase == Phase.SYNCING && applied >= first) {
                    phase = Phase.LIVE;
                }
            }
            case StreamMessages.BEHIND -> {
                if (phase != Phase.LOADING) {
                    resync(nowNs);
                }
            }
            default -> throw new IllegalArgumentException("stream kind=" + message[StreamMessages.KIND]
                    + " must be in " + StreamMessages.COMMAND + ".." + StreamMessages.BEHIND);
        }
    }

    /** The cluster has a new leader (or the session was re-established): asks again from where the replica is. */
    void onNewLeader(long nowNs) {
        if (phase == Phase.LOADING) {
            transfer = null;
            received = 0;
            transferSequence = 0;
        } else {
            phase = Phase.SYNCING;
        }
        request(nowNs);
    }

    /**
     * Called when the egress has been drained: sends a request that could not be sent, continues a replay or a
     * transfer that went quiet after progress, repeats one that went unanswered.
     */
    void onIdle(long nowNs) {
        if (requestOwed) {
            request(nowNs);
        } else if (phase != Phase.LIVE) {
            boolean stalled = progressSinceRequest && nowNs - lastMessageNs >= QUIET_NS;
            if (stalled || nowNs - Math.max(lastRequestNs, lastMessageNs) >= retryNs) {
                request(nowNs);
            }
        }
    }

    private void onCommand(long sequence, byte[] message, int length, long nowNs) {
        if (phase == Phase.LOADING || sequence <= applied) {
            return;
        }
        if (sequence != applied + 1) {
            if (phase == Phase.LIVE) {
                resync(nowNs);
            }
            return;
        }
        target.apply(sequence, message, length);
        applied = sequence;
        progressSinceRequest = true;
    }

    private void onChunk(long stateSequence, byte[] message, int length, long nowNs) {
        long stateLength = StreamMessages.longAt(message, 8);
        long offset = StreamMessages.longAt(message, 17);
        if (offset == 0) {
            if (stateLength > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("state length=" + stateLength + " does not fit an array");
            }
            transfer = new byte[(int) stateLength];
            transferSequence = stateSequence;
            received = 0;
            phase = Phase.LOADING;
        } else if (transfer == null || stateSequence != transferSequence || offset != received) {
            return;
        }
        int chunk = length - StreamMessages.CHUNK_HEADER;
        if (chunk > transfer.length - received) {
            throw new IllegalArgumentException("chunk of " + chunk + " bytes at offset=" + offset
                    + " runs past the state length=" + transfer.length);
        }
        System.arraycopy(message, StreamMessages.CHUNK_HEADER, transfer, received, chunk);
        received += chunk;
        progressSinceRequest = true;
        if (received == transfer.length) {
            byte[] state = transfer;
            transfer = null;
            target.load(state, stateSequence, StreamMessages.longAt(message, 25));
            applied = stateSequence;
            resync(nowNs);
        }
    }

    private void resync(long nowNs) {
        phase = Phase.SYNCING;
        request(nowNs);
    }

    private void request(long nowNs) {
        boolean sent = phase == Phase.LOADING
                ? requests.state(transfer == null ? 0 : transferSequence, received)
                : requests.sync(applied);
        requestOwed = !sent;
        lastRequestNs = nowNs;
        progressSinceRequest = false;
    }
}
