package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;

/**
 * A reusable flyweight over one record of the log, handed to a {@link RecordHandler}. Only valid during the
 * handler call; the log repoints it at the next record afterwards.
 *
 * <p>Accessors read the mapped segment directly, without copying or allocating. Payload indexes are relative to
 * the start of the payload. Not thread-safe.
 */
public final class WalRecord {
    private ByteBuffer buffer;
    private int frameOffset;
    private int payloadLength;
    private long sequence;
    private int type;

    WalRecord() {
    }

    void wrap(ByteBuffer buffer, int frameOffset, int payloadLength, long sequence, int type) {
        this.buffer = buffer;
        this.frameOffset = frameOffset;
        this.payloadLength = payloadLength;
        this.sequence = sequence;
        this.type = type;
    }

    /**
     * The record's sequence.
     *
     * @return {@code >= 1}
     */
    public long sequence() {
        return sequence;
    }

    /**
     * The application record type given at append.
     *
     * @return any int
     */
    public int type() {
        return type;
    }

    /**
     * Length of the payload in bytes.
     *
     * @return {@code >= 0}
     */
    public int payloadLength() {
        return payloadLength;
    }

    /**
     * A little-endian view of the read-only segment mapping the record lives in; the payload is at
     * {@link #payloadOffset()}. Use absolute gets; changing the view's position, limit or byte order does not
     * affect the log.
     *
     * @return never {@code null} while the record is valid
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Absolute index of the first payload byte in {@link #buffer()}.
     *
     * @return index in bytes
     */
    public int payloadOffset() {
        return frameOffset + RecordDescriptor.HEADER_LENGTH;
    }

    /**
     * One payload byte.
     *
     * @param index index in the payload, {@code [0, payloadLength)}
     * @return the byte
     * @throws IndexOutOfBoundsException if the index is outside the payload
     */
    public byte getByte(int index) {
        checkIndex(index, 1);
        return buffer.get(payloadOffset() + index);
    }

    /**
     * A little-endian int of the payload.
     *
     * @param index index in the payload, {@code [0, payloadLength - 4]}
     * @return the value
     * @throws IndexOutOfBoundsException if the bytes are outside the payload
     */
    public int getInt(int index) {
        checkIndex(index, Integer.BYTES);
        return buffer.getInt(payloadOffset() + index);
    }

    /**
     * A little-endian long of the payload.
     *
     * @param index index in the payload, {@code [0, payloadLength - 8]}
     * @return the value
     * @throws IndexOutOfBoundsException if the bytes are outside the payload
     */
    public long getLong(int index) {
        checkIndex(index, Long.BYTES);
        return buffer.getLong(payloadOffset() + index);
    }

    /**
     * Copies payload bytes into an array.
     *
     * @param index     first payload byte to copy
     * @param dst       destination; not {@code null}
     * @param dstOffset first destination index
     * @param length    number of bytes
     * @throws IndexOutOfBoundsException if either range is out of bounds
     */
    public void getBytes(int index, byte[] dst, int dstOffset, int length) {
        checkIndex(index, length);
        buffer.get(payloadOffset() + index, dst, dstOffset, length);
    }

    /**
     * Copies the whole payload into a new array. Allocates: meant for tests and tools, not hot paths.
     *
     * @return a new array of {@link #payloadLength()} bytes
     */
    public byte[] payloadToArray() {
        byte[] copy = new byte[payloadLength];
        buffer.get(payloadOffset(), copy, 0, payloadLength);
        return copy;
    }

    private void checkIndex(int index, int length) {
        if (index < 0 || length < 0 || index > payloadLength - length) {
            throw new IndexOutOfBoundsException("index=" + index + " length=" + length
                    + " must lie inside payloadLength=" + payloadLength);
        }
    }
}
