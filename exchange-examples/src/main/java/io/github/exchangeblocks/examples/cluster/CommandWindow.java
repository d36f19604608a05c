package io.github.exchangeblocks.examples.cluster;

import io.aeron.cluster.client.AeronCluster;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A cluster client's commands in flight ({@link ExchangeClusterClient}, {@link ClusterReplica}): queued from any
 * thread, numbered under the client's id and encoded once on the client's thread, sent in order, sent again from
 * the oldest after a leader change or when the oldest waited too long, and taken out when they are answered. The
 * cluster applies each client sequence once and in order, so a resend is never applied twice.
 *
 * <p>{@link #submit} and {@link #unacknowledged} from any thread; everything else on the client's thread.
 */
final class CommandWindow {
    /** Commands that may wait for their answer at once. */
    static final int MAX_UNACKNOWLEDGED = 1 << 16;
    private static final int MAX_ACCEPTED_PER_CALL = 1024;

    private final long clientId;
    private final long resendAfterNs;
    private final ConcurrentLinkedQueue<Pending> submitted = new ConcurrentLinkedQueue<>();
    private final TreeMap<Long, Pending> unacknowledged = new TreeMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final ClusterMessages messages = new ClusterMessages();
    private final ExpandableArrayBuffer encoding = new ExpandableArrayBuffer(512);
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private long nextSequence = 1;
    private long nextToSend = 1;

    /**
     * @param clientId      the client id the commands are numbered under
     * @param resendAfterNs how long the oldest unanswered command waits before everything is sent again
     */
    CommandWindow(long clientId, long resendAfterNs) {
        this.clientId = clientId;
        this.resendAfterNs = resendAfterNs;
    }

    /**
     * Queues a command; any thread.
     *
     * @param command not {@code null}
     * @return {@code null} if queued, {@link RejectCode#EXCHANGE_BUSY} if {@link #MAX_UNACKNOWLEDGED} commands wait
     *         for their answer
     */
    RejectCode submit(ExchangeCommand command, CommandSource source, long correlationId) {
        if (outstanding.incrementAndGet() > MAX_UNACKNOWLEDGED) {
            outstanding.decrementAndGet();
            return RejectCode.EXCHANGE_BUSY;
        }
        submitted.add(new Pending(command, source, correlationId));
        return null;
    }

    /** @return commands submitted and not yet answered; any thread */
    int unacknowledged() {
        return outstanding.get();
    }

    /**
     * Numbers and encodes up to 1,024 queued commands; one too long for a message is answered at once with
     * {@link RejectCode#EXCHANGE_INVALID_COMMAND}.
     *
     * @return how many entered the window
     */
    int accept() {
        int accepted = 0;
        Pending pending;
        while (accepted < MAX_ACCEPTED_PER_CALL && (pending = submitted.poll()) != null) {
            int length;
            try {
                length = messages.encodeCommand(encoding, clientId, nextSequence, pending.command);
            } catch (IllegalArgumentException tooLong) {
                outstanding.decrementAndGet();
                pending.answer(0, RejectCode.EXCHANGE_INVALID_COMMAND, tooLong.getMessage());
                continue;
            }
            pending.bytes = new byte[length];
            encoding.getBytes(0, pending.bytes);
            unacknowledged.put(nextSequence++, pending);
            accepted++;
        }
        return accepted;
    }

    /**
     * Sends what was not sent yet, in order, until the session pushes back; goes back to the oldest first if it has
     * waited longer than the resend time.
     *
     * @return how many were sent
     */
    int send(AeronCluster cluster, long nowNs) {
        if (unacknowledged.isEmpty()) {
            return 0;
        }
        Pending oldest = unacknowledged.firstEntry().getValue();
        if (oldest.sentAtNs != 0 && nowNs - oldest.sentAtNs > resendAfterNs) {
            resendAll();
        }
        int sent = 0;
        for (Map.Entry<Long, Pending> entry : unacknowledged.tailMap(nextToSend, true).entrySet()) {
            Pending pending = entry.getValue();
            view.wrap(pending.bytes);
            if (cluster.offer(view, 0, pending.bytes.length) < 0) {
                break;
            }
            pending.sentAtNs = nowNs;
            nextToSend = entry.getKey() + 1;
            sent++;
        }
        return sent;
    }

    /** Sends everything unanswered again from the oldest (a new leader, or the cluster saw a gap). */
    void resendAll() {
        nextToSend = unacknowledged.isEmpty() ? nextSequence : unacknowledged.firstKey();
    }

    /**
     * Takes an answered command out of the window.
     *
     * @param sequence its client sequence
     * @return the command, or {@code null} if it was not waiting (answered before)
     */
    Pending take(long sequence) {
        Pending pending = unacknowledged.remove(sequence);
        if (pending != null) {
            outstanding.decrementAndGet();
        }
        return pending;
    }

    /** Takes out every waiting command up to {@code highest}, oldest first, and hands each to {@code answered}. */
    void takeUpTo(long highest, Consumer<Pending> answered) {
        Iterator<Map.Entry<Long, Pending>> waiting = unacknowledged.entrySet().iterator();
        while (waiting.hasNext()) {
            Map.Entry<Long, Pending> entry = waiting.next();
            if (entry.getKey() > highest) {
                break;
            }
            waiting.remove();
            outstanding.decrementAndGet();
            answered.accept(entry.getValue());
        }
    }

    /** A command waiting for its answer, with its encoded message for resends. */
    static final class Pending {
        final ExchangeCommand command;
        final CommandSource source;
        final long correlationId;
        byte[] bytes;
        long sentAtNs;

        Pending(ExchangeCommand command, CommandSource source, long correlationId) {
            this.command = command;
            this.source = source;
            this.correlationId = correlationId;
        }

        /** Tells the source, if any, how the command ended. */
        void answer(long sequence, RejectCode code, CharSequence message) {
            if (source != null) {
                source.onResult(correlationId, sequence, code, message);
            }
        }
    }
}
