package io.github.exchangeblocks.wal;

/**
 * Asynchronous group commit: forces what the writer has appended so far from a host-owned thread, so the writer
 * keeps appending while the device syncs; each force makes everything appended before it durable, so groups
 * size themselves to the device's sync time. Enabled by {@link WalConfig#asyncGroupCommit()}; obtained from
 * {@link WalWriter#flusher()}.
 *
 * <p>{@link #doWork()} must be called by one thread at a time (the host's flusher thread), typically in a loop
 * that idles briefly when it returns 0. The {@link DurabilityListener} is then called on this thread (and on the
 * writer thread when the writer itself forces, on segment roll, {@code flush} or {@code close}), never
 * concurrently. Allocates nothing.
 */
public final class WalFlusher {
    private final WalWriter writer;
    private PublishedTail current;
    private int forcedPosition;

    WalFlusher(WalWriter writer) {
        this.writer = writer;
    }

    /**
     * Forces the records appended since the last call, if any, and advances the durable sequence.
     *
     * <p>The position is loaded after the sequence, so it may already be past records the sequence does not
     * count yet: a force can cover records whose sequence only a later call sees. That call advances the durable
     * sequence without forcing again, since the bytes are already forced.
     *
     * @return 1 if the durable sequence advanced (with or without a force), else 0
     */
    public int doWork() {
        PublishedTail tail = writer.publishedTail();
        if (tail != current) {
            current = tail;
            forcedPosition = SegmentDescriptor.HEADER_LENGTH;
        }
        long sequence = tail.sequenceAcquire();
        int position = tail.positionAcquire();
        if (sequence <= writer.durableSequence()) {
            return 0;
        }
        if (position > forcedPosition) {
            tail.buffer.force(forcedPosition, position - forcedPosition);
            forcedPosition = position;
        }
        writer.advanceDurable(sequence);
        return 1;
    }
}
