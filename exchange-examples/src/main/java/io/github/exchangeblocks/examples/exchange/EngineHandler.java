package io.github.exchangeblocks.examples.exchange;

import com.lmax.disruptor.EventHandler;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.wal.WalWriter;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;

import java.util.function.LongSupplier;

/**
 * The engine thread's work on the write-ahead-log path: stamp, journal, then give the journal's durable signal to
 * the {@link CommandApplier}, which applies and acknowledges (the cluster path drives the same applier from its
 * log). In GROUP mode, while commands stream in, the {@link JournalFlusher} forces the journal on its own thread
 * (woken every 256 ring entries, {@code GROUP_STEP}) and the engine goes on journaling; at the end of each ring
 * batch, at each wake-up and whenever {@link #MAX_BATCH} commands wait, the engine applies the commands the
 * journal has made durable, and when the ring holds nothing more it forces the rest itself (one force, no
 * hand-off, as a lightly loaded engine needs). In NONE and SYNC_EACH (where the append itself is as durable as
 * the mode promises) the engine journals a ring batch and then applies it, at most {@code GROUP_STEP} commands at a
 * time: the state, the listeners' {@link ExchangeListener#onBatchEnd()} (a DIFF publisher's flush) and the
 * applier's bookkeeping then work per batch instead of per command, and a command waits at most for the appends
 * of the 255 before it. Only the engine thread calls it, but
 * {@link #stopped()}, {@link #failure()} and {@link #appliedSequence()} may be read from any thread.
 */
final class EngineHandler implements EventHandler<CommandSlot> {
    /** The most commands that wait for the journal's durable signal; the engine waits for a force beyond it. */
    static final int MAX_BATCH = 16_384;
    /**
     * Inside a long ring batch the engine wakes the flusher and applies what is durable every this many commands,
     * so forces overlap the batch and acknowledgements flow during it.
     */
    private static final int GROUP_STEP = 256;

    private final ExchangeState state;
    private final WalWriter journal;
    private final CommandApplier applier;
    private final JournalFlusher flusher;
    private final LongSupplier claimedRingSequence;
    private final int snapshotInterval;
    private final SnapshotStore snapshots;
    private long sinceSnapshot;
    private final LongSupplier clockNs;
    private long lastTimestampNs;
    private volatile Throwable failure;
    private volatile boolean closed;

    /**
     * @param flusher             the journal's group commit in GROUP mode, or {@code null} when each append is as
     *                            durable as the mode promises
     * @param claimedRingSequence the ring's highest claimed sequence: when it is the one being handled, no command
     *                            is on its way
     */
    EngineHandler(ExchangeState state, WalWriter journal, CoreConfig config, SnapshotStore snapshots,
                  LongSupplier clockNs, long lastTimestampNs, ExchangeListener listener, JournalFlusher flusher,
                  LongSupplier claimedRingSequence) {
        this.state = state;
        this.journal = journal;
        this.flusher = flusher;
        this.claimedRingSequence = claimedRingSequence;
        this.snapshotInterval = config.snapshotInterval();
        this.snapshots = snapshots;
        this.clockNs = clockNs;
        this.lastTimestampNs = lastTimestampNs;
        this.applier = new CommandApplier(state, listener, MAX_BATCH, journal.lastSequence());
    }

    @Override
    public void onStart() {
        if (flusher != null) {
            flusher.engineThread(Thread.currentThread());
        }
    }

    @Override
    public void onEvent(CommandSlot slot, long ringSequence, boolean endOfBatch) {
        if (slot.query != null) {
            settle();
            slot.query.accept(state);
        } else if (failure != null || closed) {
            reply(slot.source, slot.correlationId, 0, RejectCode.EXCHANGE_STOPPED, "the engine has stopped");
        } else {
            journal(slot);
        }
        slot.clear();
        if (flusher == null) {
            if (endOfBatch || (ringSequence & (GROUP_STEP - 1)) == 0) {
                release();
            }
        } else if (applier.isFull()) {
            awaitDurable(applier.firstPendingSequence());
            release();
        } else if (endOfBatch && claimedRingSequence.getAsLong() == ringSequence) {
            if (applier.pending() > 0) {
                forceNow();
            }
            release();
        } else if ((ringSequence & (GROUP_STEP - 1)) == 0) {
            flusher.wake();
            release();
        } else if (endOfBatch) {
            release();
        }
        if (snapshotInterval > 0 && sinceSnapshot >= snapshotInterval && failure == null) {
            snapshot();
        }
        if (endOfBatch && failure == null && !closed) {
            try {
                journal.doWork(0);
            } catch (RuntimeException e) {
                stop(e);
            }
        }
    }

    /** Stamps the command, which its submitter encoded into the slot, and appends it to the journal. */
    private void journal(CommandSlot slot) {
        if (slot.encodeError != null) {
            reply(slot.source, slot.correlationId, 0, RejectCode.EXCHANGE_INVALID_COMMAND, slot.encodeError);
            return;
        }
        long timestampNs = Math.max(clockNs.getAsLong(), lastTimestampNs);
        slot.codec.stamp(timestampNs);
        long sequence;
        try {
            sequence = journal.append(slot.type, slot.codec.array(), 0, slot.length);
        } catch (RuntimeException e) {
            stop(e);
            reply(slot.source, slot.correlationId, 0, RejectCode.EXCHANGE_STOPPED, "journal append failed: " + e);
            return;
        }
        lastTimestampNs = timestampNs;
        applier.sequenced(sequence, timestampNs, slot.command, slot.source, slot.correlationId);
    }

    /**
     * The journal's durable signal: applies and acknowledges the waiting commands the journal has made durable
     * (all of them when each append is durable); refuses them all if the journal failed.
     */
    private void release() {
        int waiting = applier.pending();
        if (waiting == 0) {
            return;
        }
        if (flusher != null && flusher.failure() != null) {
            stop(flusher.failure());
        }
        if (failure != null) {
            applier.refuse(RejectCode.EXCHANGE_STOPPED, "journal failed: " + failure);
            return;
        }
        applier.durableUpTo(flusher == null ? Long.MAX_VALUE : journal.durableSequence());
        sinceSnapshot += waiting - applier.pending();
    }

    /** GROUP mode: waits for the flusher to make the journal durable up to {@code sequence}, unless stopped. */
    private void awaitDurable(long sequence) {
        if (failure == null) {
            flusher.awaitDurable(sequence);
        }
    }

    /**
     * GROUP mode with nothing else to do: forces the journal on this thread, as handing the force to the flusher
     * and waiting for it would add two thread wake-ups to every waiting command's latency (a force the flusher has
     * in flight meanwhile is harmless: each force makes durable what was appended before it).
     */
    private void forceNow() {
        if (failure != null) {
            return;
        }
        try {
            journal.flush();
        } catch (RuntimeException e) {
            stop(e);
        }
    }

    /** Makes everything journaled durable and applies it. */
    private void settle() {
        if (flusher != null && applier.pending() > 0) {
            forceNow();
        }
        release();
    }

    /**
     * Writes a snapshot of the state as of {@link #appliedSequence()}, after forcing the journal so the snapshot is
     * never ahead of it. A failure stops the engine like a journal failure.
     */
    void snapshot() {
        settle();
        if (failure != null) {
            return;
        }
        try {
            journal.flush();
            byte[] bytes = state.writeSnapshot();
            snapshots.write(applier.appliedSequence(), bytes, 0, bytes.length);
            snapshots.retainNewest(3);
            sinceSnapshot = 0;
        } catch (RuntimeException e) {
            stop(e);
        }
    }

    private static void reply(CommandSource source, long correlationId, long sequence, RejectCode code,
                              CharSequence message) {
        if (source != null) {
            source.onResult(correlationId, sequence, code, message);
        }
    }

    private void stop(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    boolean stopped() {
        return failure != null || closed;
    }

    Throwable failure() {
        return failure;
    }

    long appliedSequence() {
        return applier.appliedSequence();
    }

    /** After the ring drained: stop the flusher, force and close the journal. Called by the closing thread. */
    void close() {
        closed = true;
        if (flusher != null) {
            flusher.close();
        }
        try {
            if (failure == null) {
                journal.flush();
            }
        } finally {
            journal.close();
        }
    }
}
