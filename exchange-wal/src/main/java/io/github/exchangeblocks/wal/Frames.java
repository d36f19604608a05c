package io.github.exchangeblocks.wal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import static io.github.exchangeblocks.wal.RecordDescriptor.CRC_OFFSET;
import static io.github.exchangeblocks.wal.RecordDescriptor.END_OF_SEGMENT;
import static io.github.exchangeblocks.wal.RecordDescriptor.HEADER_LENGTH;
import static io.github.exchangeblocks.wal.RecordDescriptor.RESERVED_OFFSET;
import static io.github.exchangeblocks.wal.RecordDescriptor.SEQUENCE_OFFSET;

/**
 * Record-level primitives shared by writer, reader, tailer and recovery: the ordered commit word, record
 * validation, and the searches recovery needs. Stateless; callers pass their own {@link CRC32C} and checksum view
 * so nothing is allocated per record.
 */
final class Frames {
    /** Result of {@link #check}: nothing written at this position yet. */
    static final int EMPTY = 0;
    /** Result of {@link #check}: the end-of-segment marker. */
    static final int SEALED = END_OF_SEGMENT;
    /** Result of {@link #check}: something is written but it is not a valid record with the expected sequence. */
    static final int BAD = -2;

    private static final VarHandle INT_VIEW = MethodHandles.byteBufferViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);

    private Frames() {
    }

    static int lengthAcquire(ByteBuffer buffer, int index) {
        return (int) INT_VIEW.getAcquire(buffer, index);
    }

    static void lengthRelease(ByteBuffer buffer, int index, int value) {
        INT_VIEW.setRelease(buffer, index, value);
    }

    static int crc(CRC32C crc, ByteBuffer crcView, int from, int to) {
        crc.reset();
        crcView.clear();
        crcView.position(from).limit(to);
        crc.update(crcView);
        return (int) crc.getValue();
    }

    /**
     * Classifies the record at {@code position}.
     *
     * @return the frame length if a valid record with {@code expectedSequence} is there, else {@link #EMPTY},
     *     {@link #SEALED} or {@link #BAD}
     */
    static int check(ByteBuffer buffer, ByteBuffer crcView, CRC32C crc, int position, long expectedSequence) {
        int frameLength = lengthAcquire(buffer, position);
        if (frameLength == EMPTY || frameLength == SEALED) {
            return frameLength;
        }
        if (frameLength < HEADER_LENGTH || frameLength > buffer.capacity() - position
                || buffer.getLong(position + SEQUENCE_OFFSET) != expectedSequence
                || buffer.getInt(position + RESERVED_OFFSET) != 0
                || !paddingIsZero(buffer, position, frameLength)
                || crc(crc, crcView, position + SEQUENCE_OFFSET, position + frameLength)
                        != buffer.getInt(position + CRC_OFFSET)) {
            return BAD;
        }
        return frameLength;
    }

    /** The 0-7 padding bytes after the frame are the high bytes of the record's last aligned word. */
    private static boolean paddingIsZero(ByteBuffer buffer, int position, int frameLength) {
        int aligned = RecordDescriptor.alignedLength(frameLength);
        int padding = aligned - frameLength;
        return padding == 0 || aligned > buffer.capacity() - position
                || (buffer.getLong(position + aligned - Long.BYTES) & (-1L << ((Long.BYTES - padding) * 8))) == 0;
    }

    /** Explains why {@link #check} did not accept the record at {@code position}; for error messages. */
    static String describe(ByteBuffer buffer, ByteBuffer crcView, CRC32C crc, int position, long expectedSequence) {
        int frameLength = buffer.getInt(position);
        if (frameLength == EMPTY) {
            return "frameLength=0: record never written";
        }
        if (frameLength < HEADER_LENGTH || frameLength > buffer.capacity() - position) {
            return "frameLength=" + frameLength + " must be in [" + HEADER_LENGTH + ", "
                    + (buffer.capacity() - position) + "]";
        }
        long sequence = buffer.getLong(position + SEQUENCE_OFFSET);
        if (sequence != expectedSequence) {
            return "sequence=" + sequence + " must be " + expectedSequence;
        }
        if (buffer.getInt(position + RESERVED_OFFSET) != 0) {
            return "reserved=" + buffer.getInt(position + RESERVED_OFFSET) + " must be 0";
        }
        if (!paddingIsZero(buffer, position, frameLength)) {
            return "padding after frameLength=" + frameLength + " must be zero";
        }
        return "crc=0x" + Integer.toHexString(buffer.getInt(position + CRC_OFFSET)) + " must equal computed 0x"
                + Integer.toHexString(crc(crc, crcView, position + SEQUENCE_OFFSET, position + frameLength));
    }

    /**
     * Looks for any valid record with a sequence {@code >= minSequence} at an aligned position after
     * {@code from}: proof that the bad or missing record at {@code from} is damage, not a torn tail.
     *
     * @return the offset of the first such record, or {@code -1}
     */
    static int findValidRecordAfter(ByteBuffer buffer, ByteBuffer crcView, CRC32C crc, int from, long minSequence) {
        return findValidRecordAfter(buffer, crcView, crc, from, buffer.capacity(), minSequence);
    }

    /**
     * As {@link #findValidRecordAfter(ByteBuffer, ByteBuffer, CRC32C, int, long)}, looking only at records that
     * start before {@code to}, so that a long search can be done in pieces.
     */
    static int findValidRecordAfter(ByteBuffer buffer, ByteBuffer crcView, CRC32C crc, int from, int to,
                                    long minSequence) {
        int last = Math.min(to - 1, buffer.capacity() - HEADER_LENGTH);
        for (int p = from + RecordDescriptor.ALIGNMENT; p <= last; p += RecordDescriptor.ALIGNMENT) {
            int frameLength = buffer.getInt(p);
            if (frameLength >= HEADER_LENGTH && frameLength <= buffer.capacity() - p) {
                long sequence = buffer.getLong(p + SEQUENCE_OFFSET);
                if (sequence >= minSequence
                        && check(buffer, crcView, crc, p, sequence) == frameLength) {
                    return p;
                }
            }
        }
        return -1;
    }

    static boolean isZero(ByteBuffer buffer, int from, int to) {
        for (int p = from; p < to; p += Long.BYTES) {
            if (buffer.getLong(p) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Zeroes {@code [from, to)} (8-byte aligned), writing only words that are not zero already. */
    static void zero(ByteBuffer buffer, int from, int to) {
        for (int p = from; p < to; p += Long.BYTES) {
            if (buffer.getLong(p) != 0) {
                buffer.putLong(p, 0L);
            }
        }
    }
}
