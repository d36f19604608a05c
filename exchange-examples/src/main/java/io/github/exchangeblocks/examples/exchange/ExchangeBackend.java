package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * What a gateway needs from the exchange behind it: submit commands with a {@link CommandSource} for their
 * acknowledgement, and read the state on the thread that applies the commands, in order with the listener's events.
 * The single-machine {@link ExchangeCore} (its own journal) and the cluster's replica ({@code
 * examples.cluster.ClusterReplica}, a copy of the state that follows the committed cluster log) both are one.
 *
 * <p>Implementations are thread-safe: any thread may call these methods, except {@link #state()}.
 */
public interface ExchangeBackend extends AutoCloseable {

    /**
     * Queues a command. Returns at once; its outcome reaches {@code source} on the applying thread once the command
     * is durable and applied.
     *
     * @param command       the command (validated when it is applied)
     * @param source        where the acknowledgement goes, or {@code null}
     * @param correlationId echoed to {@code source}
     * @return {@code null} if queued, else why not ({@link RejectCode#EXCHANGE_INVALID_COMMAND},
     *         {@link RejectCode#EXCHANGE_BUSY}, {@link RejectCode#EXCHANGE_STOPPED}); nothing was queued then
     */
    RejectCode submit(ExchangeCommand command, CommandSource source, long correlationId);

    /**
     * Runs a read of the state on the applying thread, between commands. The reader must not change the state and
     * must not block.
     *
     * @param reader runs once
     * @return {@code null} if queued, else {@link RejectCode#EXCHANGE_BUSY} or {@link RejectCode#EXCHANGE_STOPPED}
     */
    RejectCode query(Consumer<ExchangeState> reader);

    /** @return the sequence of the last command applied (the sequencer's numbering), from any thread */
    long appliedSequence();

    /** @return the venue settings the state runs with (money scale, liquidation policy, ...), from any thread */
    VenueSettings venueSettings();

    /**
     * The state. Read it only on the applying thread (listeners, {@link #query}, a {@link CommandSource}'s
     * acknowledgement) or after {@link #close()}.
     *
     * @return the state; a cluster replica's may be replaced by a state transfer (announced with
     *         {@link ExchangeListener#onStateReplaced}), so do not keep it across calls
     */
    ExchangeState state();

    /**
     * @return what waits to be applied (a moment's figure, from any thread): the core's commands and reads in its
     *         ring; a cluster replica's commands submitted and not yet acknowledged
     */
    long queueDepth();

    /** @return the most {@link #queueDepth()} can reach before {@link #submit} answers {@code EXCHANGE_BUSY} */
    int queueCapacity();

    /** @return why the backend stopped on its own (a journal failure, a replica's thread that died), or {@code null} */
    Throwable failure();

    /**
     * Asks for a snapshot of the state: the core writes one to its data directory after the commands queued
     * before; a cluster replica asks the cluster to take one on every member (an admin request).
     *
     * @return {@code null} if asked, else {@link RejectCode#EXCHANGE_BUSY} or {@link RejectCode#EXCHANGE_STOPPED}
     */
    RejectCode requestSnapshot();

    /** Stops: what was acknowledged stays; idempotent. */
    @Override
    void close();

    /**
     * Runs a read of the state through {@link #query} and waits for it (tests and operators' tools; a gateway
     * does not wait).
     *
     * <p>A full queue ({@link RejectCode#EXCHANGE_BUSY}) is retried every millisecond within the timeout: the caller
     * is waiting anyway, and a queue its own submissions just filled drains as the engine applies them.
     *
     * @param reader    runs once on the applying thread
     * @param timeoutMs how long to wait, queueing included
     * @throws IllegalStateException if the backend stopped, or the read was not queued or did not run in time
     */
    default void await(Consumer<ExchangeState> reader, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        CountDownLatch done = new CountDownLatch(1);
        Consumer<ExchangeState> query = state -> {
            try {
                reader.accept(state);
            } finally {
                done.countDown();
            }
        };
        RejectCode code;
        while ((code = query(query)) == RejectCode.EXCHANGE_BUSY && System.nanoTime() - deadline < 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting to queue a query");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (code != null) {
            throw new IllegalStateException("query not queued: " + code);
        }
        try {
            if (!done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("query did not run within " + timeoutMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a query", e);
        }
    }
}
