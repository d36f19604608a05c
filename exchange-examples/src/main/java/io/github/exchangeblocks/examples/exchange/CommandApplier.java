package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * The seam between the exchange state and whatever sequences its commands. A command log hands each command here
 * with its sequence and time, in log order ({@link #sequenced}); when the log says that everything it handed over
 * is durable it calls {@link #durable()}, which applies those commands to the {@link ExchangeState} in order and
 * releases their acknowledgements to their {@link CommandSource}s. If the log fails instead, {@link #refuse}
 * answers the pending commands without applying them.
 *
 * <p>Two logs drive it: the core's own write-ahead journal on one machine ({@link ExchangeCore}: durable once the
 * journal forced the batch, or appended in {@code NONE} mode), and an Aeron Cluster log replicated across machines
 * ({@code examples.cluster}: durable once a quorum holds the entry, which is when the cluster delivers it). This
 * class, the state and the listeners do not know which one they run on; the same commands with the same times give
 * the same state hash on both.
 *
 * <p>Not thread-safe: one thread (the engine thread, the clustered service's thread) calls everything;
 * {@link #appliedSequence()} may be read from any thread.
 */
public final class CommandApplier {
    private static final VarHandle APPLIED_SEQUENCE;

    static {
        try {
            APPLIED_SEQUENCE = MethodHandles.lookup().findVarHandle(CommandApplier.class, "appliedSequence",
                    long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ExchangeState state;
    private final ExchangeListener listener;
    private final ExchangeCommand[] commands;
    private final CommandSource[] sources;
    private final long[] correlations;
    private final long[] timestamps;
    private final long[] sequences;
    private int size;
    private volatile long appliedSequence;

    /**
     * @param state           the state the commands are applied to, not {@code null}
     * @param listener        told {@link ExchangeListener#onBatchEnd()} after each durable batch, not {@code null}
     * @param capacity        the most commands that may wait for one durable signal, at least 1
     * @param appliedSequence the sequence of the last command already in the state (0 for none)
     */
    public CommandApplier(ExchangeState state, ExchangeListener listener, int capacity, long appliedSequence) {
        this.state = Objects.requireNonNull(state, "state must not be null");
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity=" + capacity + " must be >= 1");
        }
        this.commands = new ExchangeCommand[capacity];
        this.sources = new CommandSource[capacity];
        this.correlations = new long[capacity];
        this.timestamps = new long[capacity];
        this.sequences = new long[capacity];
        this.appliedSequence = appliedSequence;
    }

    /**
     * A command the log has sequenced; it waits for {@link #durable()}.
     *
     * @param sequence      its place in the log, increasing
     * @param timestampNs   its time as the log stamped it, nanoseconds since the epoch
     * @param command       the command
     * @param source        where its acknowledgement goes, or {@code null} (replay, another gateway's command)
     * @param correlationId echoed to {@code source}
     * @throws IllegalStateException if {@link #isFull()}
     */
    public void sequenced(long sequence, long timestampNs, ExchangeCommand command, CommandSource source,
                          long correlationId) {
        if (size == commands.length) {
            throw new IllegalStateException(size + " commands already wait for the durable signal");
        }
        commands[size] = command;
        sources[size] = source;
        correlations[size] = correlationId;
        timestamps[size] = timestampNs;
        sequences[size] = sequence;
        size++;
    }

    /** @return whether no more commands may be sequenced before {@link #durable()} */
    public boolean isFull() {
        return size == commands.length;
    }

    /** @return how many commands wait for the durable signal */
    public int pending() {
        return size;
    }

    /**
     * The durable signal: every command handed to {@link #sequenced} so far is durable. Applies them in order,
     * acknowledges each to its source (with its sequence, and the reject's code and message if it was refused),
     * then calls {@link ExchangeListener#onBatchEnd()}. Does nothing when none waits.
     */
    public void durable() {
        durableUpTo(Long.MAX_VALUE);
    }

    /**
     * The durable signal of a log that syncs while commands are still being sequenced: the waiting commands up to
     * {@code durableSequence} are durable. Applies and acknowledges those, in order, as {@link #durable()} does,
     * then calls {@link ExchangeListener#onBatchEnd()}; the later ones keep waiting. Does nothing when none of them
     * is durable yet.
     *
     * @param durableSequence the log's highest durable sequence
     */
    public void durableUpTo(long durableSequence) {
        int count = 0;
        while (count < size && sequences[count] <= durableSequence) {
            RejectCode code = state.apply(timestamps[count], commands[count]);
            // Before the reply, so whoever the reply reaches reads an applied sequence that covers its command; a
            // release store, which on x86 is a plain store, not the full fence of a volatile write.
            APPLIED_SEQUENCE.setRelease(this, sequences[count]);
            reply(sources[count], correlations[count], sequences[count], code,
                    code == null ? "accepted" : state.resultMessage());
            count++;
        }
        if (count == 0) {
            return;
        }
        removeFirst(count);
        listener.onBatchEnd();
    }

    /** @return the sequence of the oldest waiting command; only when {@link #pending()} is not 0 */
    public long firstPendingSequence() {
        return sequences[0];
    }

    /** @return the sequence of the newest waiting command; only when {@link #pending()} is not 0 */
    public long lastPendingSequence() {
        return sequences[size - 1];
    }

    /**
     * The log failed: answers every waiting command with {@code code} and applies none.
     *
     * @param code    the reject code, not {@code null}
     * @param message why, naming the failure
     */
    public void refuse(RejectCode code, String message) {
        for (int i = 0; i < size; i++) {
            reply(sources[i], correlations[i], 0, code, message);
        }
        clear();
    }

    /** @return the sequence of the last command applied (or the one given at construction) */
    public long appliedSequence() {
        return appliedSequence;
    }

    /** @return the state the commands are applied to */
    public ExchangeState state() {
        return state;
    }

    private void clear() {
        removeFirst(size);
    }

    /** Drops the first {@code count} waiting commands, keeping the rest in order. */
    private void removeFirst(int count) {
        int rest = size - count;
        System.arraycopy(commands, count, commands, 0, rest);
        System.arraycopy(sources, count, sources, 0, rest);
        System.arraycopy(correlations, count, correlations, 0, rest);
        System.arraycopy(timestamps, count, timestamps, 0, rest);
        System.arraycopy(sequences, count, sequences, 0, rest);
        for (int i = rest; i < size; i++) {
            commands[i] = null;
            sources[i] = null;
        }
        size = rest;
    }

    private static void reply(CommandSource source, long correlationId, long sequence, RejectCode code,
                              CharSequence message) {
        if (source != null) {
            source.onResult(correlationId, sequence, code, message);
        }
    }
}
