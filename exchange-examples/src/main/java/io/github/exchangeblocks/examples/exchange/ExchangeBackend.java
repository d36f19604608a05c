package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a gateway needs from the exchange behind it: submit commands with a {@link CommandSource} for their
 * acknowledgement, and read the state on the thread that applies the commands, in order with the listener's events.
 * The single-machine {@link ExchangeCore} (its own journal) and the cluster's replica ({@code
 * examples.cluster.ClusterReplica}, a copy of the state that follows the committed cluster log) both are one.
 *
 * <p>Implementations are thread-safe: any thread may call these methods.
 */
public interface ExchangeBackend {

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

    /**
     * Runs a read of the state through {@link #query} and waits for it (tests and operators' tools; a gateway
     * does not wait).
     *
     * @param reader    runs once on the applying thread
     * @param timeoutMs how long to wait
     * @throws IllegalStateException if it could not be queued or did not run in time
     */
    default void await(Consumer<ExchangeState> reader, long timeoutMs) {
        CountDownLatch done = new CountDownLatch(1);
        RejectCode code = query(state -> {
            try {
                reader.accept(state);
            } finally {
                done.countDown();
            }
        });
        if (code != null) {
            throw new IllegalStateException("query not queued: " + code);
        }
        try {
            if (!done.await(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("query did not run within " + timeoutMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a query", e);
        }
    }
}
