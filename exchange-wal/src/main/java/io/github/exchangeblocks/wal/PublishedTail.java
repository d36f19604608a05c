package io.github.exchangeblocks.wal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.MappedByteBuffer;

/**
 * The writer's active segment and how far it has been written, published with release ordering for a
 * {@link WalFlusher} on another thread. One instance per segment; the writer replaces it on roll. The writer
 * stores the position before the sequence and the flusher loads the sequence before the position, so a
 * flusher that sees sequence {@code s} also sees a position at or past the end of record {@code s}.
 */
final class PublishedTail {
    private static final VarHandle POSITION;
    private static final VarHandle SEQUENCE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            POSITION = lookup.findVarHandle(PublishedTail.class, "position", int.class);
            SEQUENCE = lookup.findVarHandle(PublishedTail.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final MappedByteBuffer buffer;
    private int position;
    private long sequence;

    PublishedTail(MappedByteBuffer buffer, int position, long sequence) {
        this.buffer = buffer;
        this.position = position;
        this.sequence = sequence;
    }

    void publish(int newPosition, long newSequence) {
        POSITION.setRelease(this, newPosition);
        SEQUENCE.setRelease(this, newSequence);
    }

    long sequenceAcquire() {
        return (long) SEQUENCE.getAcquire(this);
    }

    int positionAcquire() {
        return (int) POSITION.getAcquire(this);
    }
}
