package io.github.exchangeblocks.examples.cluster;

import io.aeron.cluster.service.ClientSession;
import io.github.exchangeblocks.examples.exchange.CommandCodec;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.function.LongPredicate;

/**
 * The clustered service's side of the replica stream ({@link StreamMessages}): each applied command goes, encoded
 * once, to every session that asked for the stream with {@code SYNC}; the most recent ones stay in an
 * {@link AppliedCommandRing} for replays; state transfers are sent in chunks.
 *
 * <p>Nothing here waits: a message that does not fit a session's egress now is not retried. A live session that
 * cannot take a command leaves the stream and is sent {@code BEHIND}, or is closed if that does not fit either
 * (its client reconnects and asks again); a replay or a state transfer stops where the session's egress is full
 * and the client asks for the rest. Requests go through the log like commands, so a replay is in order with the
 * stream. Only the leader sends (followers keep the ring and the sessions' stream flags, so a new leader streams at
 * once) and only the leader writes state transfers. Not part of the replicated state: nothing here changes the
 * exchange's state or its snapshot. Not thread-safe (the service thread).
 */
final class CommandStream {
    /** State bytes per chunk: well within the max message length of the 1 MiB egress terms the members use. */
    static final int CHUNK_BYTES = 32 * 1024;
    private static final int CHUNK_HEADER_AND_BYTES = StreamMessages.CHUNK_HEADER + CHUNK_BYTES;

    private final LongPredicate closeSession;
    private final AppliedCommandRing ring;
    private final CommandCodec codec = new CommandCodec();
    private final Long2ObjectOpenHashMap<Subscriber> subscribers = new Long2ObjectOpenHashMap<>();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private byte[] scratch = new byte[CHUNK_HEADER_AND_BYTES];
    private final byte[] notice = new byte[StreamMessages.NOTICE_LENGTH];
    private boolean leader;

    /**
     * @param closeSession closes a client session by id ({@code Cluster::closeClientSession})
     * @param ringCapacity how many recent commands to keep for replays, at least 1
     * @param newest       the stream sequence of the last command already in the state
     */
    CommandStream(LongPredicate closeSession, int ringCapacity, long newest) {
        this.closeSession = closeSession;
        this.ring = new AppliedCommandRing(ringCapacity, newest);
    }

    /** @param leader whether this member leads now (only the leader's messages reach clients) */
    void leader(boolean leader) {
        this.leader = leader;
    }

    /**
     * A command was applied: keeps its stream message and sends it to every live session.
     *
     * @param sequence       its stream sequence, one more than the last
     * @param clientId       the gateway that sent it
     * @param clientSequence its number under that gateway
     * @param timeNs         its time (the log timestamp it was applied with)
     * @param command        the command
     */
    void onApplied(long sequence, long clientId, long clientSequence, long timeNs, ExchangeCommand command) {
        int length = encode(sequence, clientId, clientSequence, timeNs, command);
        ring.append(sequence, scratch, length);
        if (!leader || subscribers.isEmpty()) {
            return;
        }
        for (Subscriber subscriber : subscribers.values()) {
            if (subscriber.live && offer(subscriber.session, scratch, length) < 0) {
                subscriber.live = false;
                int noticeLength = StreamMessages.encodeBehind(notice, sequence - 1, sequence);
                if (offer(subscriber.session, notice, noticeLength) < 0) {
                    closeSession.test(subscriber.session.id());
                }
            }
        }
    }

    /**
     * Writes a command's {@link StreamMessages#COMMAND} message into {@link #encoded()}.
     *
     * @return its length
     */
    int encode(long sequence, long clientId, long clientSequence, long timeNs, ExchangeCommand command) {
        int commandLength = codec.encode(timeNs, command);
        int length = StreamMessages.COMMAND_HEADER + commandLength;
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        StreamMessages.encodeCommandHeader(scratch, sequence, clientId, clientSequence, CommandCodec.typeOf(command));
        System.arraycopy(codec.array(), 0, scratch, StreamMessages.COMMAND_HEADER, commandLength);
        return length;
    }

    /** @return the array {@link #encode} wrote to, from index 0 (valid until the next call on this stream) */
    byte[] encoded() {
        return scratch;
    }

    /**
     * A {@code SYNC} or {@code STATE} request from a session.
     *
     * @param highestOfClient the highest client sequence applied for the request's client id
     * @return {@code null} if served, else why the request is invalid (nothing was changed)
     */
    String onRequest(ClientSession session, DirectBuffer buffer, int offset, int length, ExchangeState state,
                     long highestOfClient) {
        byte type = buffer.getByte(offset + StreamMessages.KIND);
        int needed = type == StreamMessages.SYNC ? StreamMessages.SYNC_LENGTH : StreamMessages.STATE_LENGTH;
        if (length < needed) {
            return "request type=" + type + " of length=" + length + " must be " + needed + " bytes long";
        }
        long first = buffer.getLong(offset + 17, ByteOrder.LITTLE_ENDIAN);
        Subscriber subscriber = subscribers.get(session.id());
        if (subscriber == null) {
            subscriber = new Subscriber(session);
            subscribers.put(session.id(), subscriber);
        }
        subscriber.session = session;
        if (type == StreamMessages.SYNC) {
            sync(subscriber, first, state, highestOfClient);
            return null;
        }
        long from = buffer.getLong(offset + 25, ByteOrder.LITTLE_ENDIAN);
        if (first < 0 || from < 0) {
            return "state sequence=" + first + " and offset=" + from + " must be >= 0";
        }
        subscriber.live = false;
        transfer(subscriber, first, from, state, highestOfClient);
        return null;
    }

    /** A session closed: it leaves the stream. */
    void onSessionClose(long sessionId) {
        subscribers.remove(sessionId);
    }

    private void sync(Subscriber subscriber, long after, ExchangeState state, long highestOfClient) {
        subscriber.live = false;
        if (!ring.covers(after)) {
            transfer(subscriber, 0, 0, state, highestOfClient);
            return;
        }
        if (!leader) {
            subscriber.live = true;
            return;
        }
        for (long sequence = after + 1; sequence <= ring.newest(); sequence++) {
            if (offer(subscriber.session, ring.message(sequence), ring.length(sequence)) < 0) {
                return;
            }
        }
        subscriber.live = true;
        int length = StreamMessages.encodeSynced(scratch, ring.newest());
        offer(subscriber.session, scratch, length);
    }

    /** Sends a state transfer from {@code offset} (a new one unless the session's held one is asked for). */
    private void transfer(Subscriber subscriber, long stateSequence, long offset, ExchangeState state,
                          long highestOfClient) {
        if (!leader) {
            subscriber.transfer = null;
            return;
        }
        long from = offset;
        if (stateSequence == 0 || subscriber.transfer == null || subscriber.transferSequence != stateSequence
                || from > subscriber.transfer.length) {
            subscriber.transfer = state.writeSnapshot();
            subscriber.transferSequence = ring.newest();
            subscriber.transferHighest = highestOfClient;
            from = 0;
        }
        byte[] bytes = subscriber.transfer;
        do {
            int chunk = (int) Math.min(CHUNK_BYTES, bytes.length - from);
            StreamMessages.encodeChunkHeader(scratch, subscriber.transferSequence, bytes.length, from,
                    subscriber.transferHighest);
            System.arraycopy(bytes, (int) from, scratch, StreamMessages.CHUNK_HEADER, chunk);
            if (offer(subscriber.session, scratch, StreamMessages.CHUNK_HEADER + chunk) < 0) {
                return;
            }
            from += chunk;
        } while (from < bytes.length);
        subscriber.transfer = null;
    }

    private long offer(ClientSession session, byte[] message, int length) {
        view.wrap(message, 0, length);
        return session.offer(view, 0, length);
    }

    /** A session that asked for the stream. */
    private static final class Subscriber {
        ClientSession session;
        boolean live;
        byte[] transfer;
        long transferSequence;
        long transferHighest;

        Subscriber(ClientSession session) {
            this.session = session;
        }
    }
}
