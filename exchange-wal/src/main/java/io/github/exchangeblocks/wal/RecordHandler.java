package io.github.exchangeblocks.wal;

/**
 * Receives records during replay or tailing.
 *
 * <p>Called on the thread that drives the {@link WalReader} or {@link WalTailer}. The {@link WalRecord} is a
 * reused flyweight valid only during the call: copy what must outlive it.
 */
@FunctionalInterface
public interface RecordHandler {
    /**
     * One record, in sequence order.
     *
     * @param record flyweight over the record; never {@code null}, valid only during this call
     */
    void onRecord(WalRecord record);
}
