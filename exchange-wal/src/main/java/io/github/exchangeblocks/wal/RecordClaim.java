package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;

/**
 * A reusable flyweight over space claimed in the log's own buffer by {@link WalWriter#claim(int, int)}. The
 * caller writes the payload with absolute puts into {@link #buffer()} within
 * {@code [payloadOffset(), payloadOffset() + payloadLength())}, then calls {@link WalWriter#commit()} or
 * {@link WalWriter#abort()}. Valid only until that call. Not thread-safe: writer thread only.
 */
public final class RecordClaim {
    private ByteBuffer buffer;
    private int payloadOffset;
    private int payloadLength;
    private long sequence;

    RecordClaim() {
    }

    void wrap(ByteBuffer buffer, int payloadOffset, int payloadLength, long sequence) {
        this.buffer = buffer;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
        this.sequence = sequence;
    }

    /**
     * A little-endian view of the mapped segment to write the payload into, with absolute puts inside the
     * claimed range only; changing the view's position, limit or byte order does not affect the log.
     *
     * @return never {@code null} while the claim is open
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Absolute index in {@link #buffer()} of the first payload byte.
     *
     * @return index in bytes, 8-byte aligned
     */
    public int payloadOffset() {
        return payloadOffset;
    }

    /**
     * Number of payload bytes claimed.
     *
     * @return bytes, {@code >= 0}
     */
    public int payloadLength() {
        return payloadLength;
    }

    /**
     * The sequence the record will have once committed.
     *
     * @return {@code >= 1}
     */
    public long sequence() {
        return sequence;
    }
}
