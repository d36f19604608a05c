package io.github.exchangeblocks.examples.exchange;

import com.lmax.disruptor.EventHandler;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.WalWriter;
import io.github.exchangeblocks.wal.snapshot.SnapshotStore;

import java.util.function.LongSupplier;

/**
 * The engine thread's work: stamp, journal, then apply and acknowledge. In GROUP mode the commands of one ring batch
 * (at most {@link #MAX_BATCH}) are journaled, forced once, then applied; in NONE and SYNC_EACH (where the append
 * itself is as durable as the mode promises) each command is applied right after its append. Only the engine thread calls it, but {@link #stopped()}, {@link #failure()} and
 * {@link #appliedSequence()} may be read from any thread.
 */
final class EngineHandler implements EventHandler<CommandSlot> {
    static final int MAX_BATCH = 4096;

    private final ExchangeState state;
    private final WalWriter journal;
    private final boolean forcePerBatch;
    private final int snapshotInterval;
    private final SnapshotStore snapshots;
    private long sinceSnapshot;
    private final LongSupplier clockNs;
    private final ExchangeListener listener;
    private final CommandCodec codec = new CommandCodec();
    private final ExchangeCommand[] commands = new ExchangeCommand[MAX_BATCH];
    private final CommandSource[] sources = new CommandSource[MAX_BATCH];
    private final long[] correlations = new long[MAX_BATCH];
    private final long[] timestamps = new long[MAX_BATCH];
    private final long[] sequences = new long[MAX_BATCH];
    private int size;
    private long lastTimestampNs;
    private volatile long appliedSequence;
    private volatile Throwable failure;
    private volatile boolean closed;

    EngineHandler(ExchangeState state, WalWriter journal, CoreConfig config, SnapshotStore snapshots,
                  LongSupplier clockNs, long lastTimestampNs, ExchangeListener listener) {
        this.state = state;
        this.journal = journal;
        this.forcePerBatch = config.durability() == DurabilityMode.GROUP;
        this.snapshotInterval = config.snapshotInterval();
        this.snapshots = snapshots;
        this.clockNs = clockNs;
        this.lastTimestampNs = lastTimestampNs;
        this.listener = listener;
        this.appliedSequence = journal.lastSequence();
    }

    @Override
    public void onEvent(CommandSlot slot, long ringSequence, boolean endOfBatch) {
        if (slot.query != null) {
            commitBatch();
            slot.query.accept(state);
        } else if (failure != null || closed) {
            reply(slot.source, slot.correlationId, 0, RejectCode.EXCHANGE_STOPPED, "the engine has stopped");
        } else {
            journal(slot);
        }
        slot.clear();
        if (endOfBatch || size == MAX_BATCH || !forcePerBatch) {
            commitBatch();
        }
        if (endOfBatch && failure == null && !closed) {
            try {
                journal.doWork(0);
            } catch (RuntimeException e) {
                stop(e);
            }
        }
    }

    private void journal(CommandSlot slot) {
        long timestampNs = Math.max(clockNs.getAsLong(), lastTimestampNs);
        int length;
        try {
            length = codec.encode(timestampNs, slot.command);
        } catch (IllegalArgumentException tooLong) {
            reply(slot.source, slot.correlationId, 0, RejectCode.EXCHANGE_INVALID_COMMAND, tooLong.getMessage());
            return;
        }
        long sequence;
        try {
            sequence = journal.append(CommandCodec.typeOf(slot.command), codec.array(), 0, length);
        } catch (RuntimeException e) {
            stop(e);
            reply(slot.source, slot.correlationId, 0, RejectCode.EXCHANGE_STOPPED, "journal append failed: " + e);
            return;
        }
        lastTimestampNs = timestampNs;
        commands[size] = slot.command;
        sources[size] = slot.source;
        correlations[size] = slot.correlationId;
        timestamps[size] = timestampNs;
        sequences[size] = sequence;
        size++;
    }

    private void commitBatch() {
        if (size == 0) {
            return;
        }
        if (forcePerBatch && failure == null) {
            try {
                journal.flush();
            } catch (RuntimeException e) {
                stop(e);
            }
        }
        for (int i = 0; i < size; i++) {
            if (failure != null) {
                reply(sources[i], correlations[i], 0, RejectCode.EXCHANGE_STOPPED, "journal failed: " + failure);
            } else {
                RejectCode code = state.apply(timestamps[i], commands[i]);
                appliedSequence = sequences[i];
                reply(sources[i], correlations[i], sequences[i], code, code == null ? "accepted"
                        : state.resultMessage());
            }
            commands[i] = null;
            sources[i] = null;
        }
        sinceSnapshot += size;
        size = 0;
        listener.onBatchEnd();
        if (snapshotInterval > 0 && sinceSnapshot >= snapshotInterval && failure == null) {
            snapshot();
        }
    }

    /**
     * Writes a snapshot of the state as of {@link #appliedSequence()}, after forcing the journal so the snapshot is
     * never ahead of it. A failure stops the engine like a journal failure.
     */
    void snapshot() {
        commitBatch();
        if (failure != null) {
            return;
        }
        try {
            journal.flush();
            byte[] bytes = state.writeSnapshot();
            snapshots.write(appliedSequence, bytes, 0, bytes.length);
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
        return appliedSequence;
    }

    /** After the ring drained: force and close the journal. Called by the closing thread. */
    void close() {
        closed = true;
        try {
            if (failure == null) {
                journal.flush();
            }
        } finally {
            journal.close();
        }
    }
}
