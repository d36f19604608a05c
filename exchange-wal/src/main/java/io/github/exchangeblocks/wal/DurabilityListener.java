package io.github.exchangeblocks.wal;

/**
 * Told when records become durable (forced to the storage device).
 *
 * <p>Called on the writer thread, from inside {@code append}, {@code commit}, {@code doWork}, {@code flush} or
 * {@code close}, after the force returned; with {@link WalConfig#asyncGroupCommit()} also on the thread running
 * {@link WalFlusher#doWork()}, never concurrently. Must not call back into the writer.
 */
@FunctionalInterface
public interface DurabilityListener {
    /**
     * Every record with a sequence at or below {@code durableSequence} is now durable.
     *
     * @param durableSequence the highest durable sequence; strictly increasing across calls
     */
    void onDurable(long durableSequence);
}
