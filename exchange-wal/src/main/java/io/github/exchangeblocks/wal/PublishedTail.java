package io.github.exchangeblocks.wal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.MappedByteBuffer;

/**
 * The writer's active segment and how far it has been written, published with release ordering for a
 * {@link WalFlusher} or {@link WalPretoucher} on another thread. One instance per segment; the writer replaces it
 * on roll and marks the last one closed when it closes. The writer stores the position before the sequence and
 * the flusher loads the sequence before the position, so a flusher that sees sequence {@code s} also sees a
 * position at or past the end of record {@code s}.
 */
final class PublishedTail {
    private static final VarHandle POSITION;
    private static final VarHandle SEQUENCE;
    private static final VarHandle CLOSED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            POSITION = lookup.findVarHandle(PublishedTail.class, "position", int.class);
            SEQUENCE = lookup.findVarHandle(PublishedTail.class, "sequence", long.class);
            CLOSED = lookup.findVarHandle(PublishedTail.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final MappedByteBuffer buffer;
    private int position;
    private long sequence;
    private boolean closed;

    PublishedTail(MappedByteBuffer buffer, int position, long sequence) {
        this.buffer = buffer;
        this.position = position;
        this.sequence = sequence;
    }

    void publish(int newPosition, long newSequence) {
        POSITION.setRelease(this, newPosition);
        SEQUENCE.setRelease(this, newSequence);
    }

    void close() {
        CLOSED.setRelease(this, true);
    }

    long sequenceAcquire() {
        return (long) SEQUENCE.getAcquire(this);
    }

    int positionAcquire() {
        return (int) POSITION.getAcquire(this);
    }

    boolean closedAcquire() {
        return (boolean) CLOSED.getAcquire(this);
    }
}
