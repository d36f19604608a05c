package io.github.exchangeblocks.wal;

/**
 * Binary layout of one record inside a segment, format version {@value SegmentDescriptor#VERSION}. All integers
 * are little-endian; every record starts on an {@value #ALIGNMENT}-byte boundary.
 *
 * <pre>
 *   0              4              8                             16             20             24
 *   +--------------+--------------+-----------------------------+--------------+--------------+-----------
 *   | frame length | CRC-32C      | sequence                    | type         | reserved, 0  | payload ...
 *   +--------------+--------------+-----------------------------+--------------+--------------+-----------
 *   next record at align(frame length, 8)
 * </pre>
 *
 * <ul>
 *   <li>{@code frame length} = {@value #HEADER_LENGTH} + payload length, unaligned. It is the commit word: the
 *       writer stores it last with release ordering, after everything else, so a reader that sees a positive
 *       length (read with acquire ordering) sees the whole record. {@code 0} means "not written yet";
 *       {@value #END_OF_SEGMENT} marks the end of a segment whose remaining space was too small for the next
 *       record (the log continues in the next segment).</li>
 *   <li>{@code CRC-32C} covers bytes {@code [8, frame length)}: sequence, type, reserved word and payload. A
 *       damaged length word changes the covered range and so fails the check as well.</li>
 *   <li>{@code sequence} is the log-wide record number; the first record of a log is {@value #FIRST_SEQUENCE},
 *       and each record is its predecessor plus one, across segments.</li>
 *   <li>{@code type} is the host application's record type, opaque to the log.</li>
 *   <li>The 0-7 padding bytes between the frame end and the next aligned record are zero; readers check them,
 *       so damage there is detected as well.</li>
 * </ul>
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class RecordDescriptor {
    /** Length of the record header in bytes; the payload starts here. */
    public static final int HEADER_LENGTH = 24;
    /** Records start on multiples of this many bytes. */
    public static final int ALIGNMENT = 8;
    /** Offset of the frame length (the commit word). */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of the CRC-32C. */
    public static final int CRC_OFFSET = 4;
    /** Offset of the sequence; the checksum covers from here to the end of the frame. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Offset of the application record type. */
    public static final int TYPE_OFFSET = 16;
    /** Offset of the reserved word, always zero in version 1. */
    public static final int RESERVED_OFFSET = 20;
    /** The length word that marks the end of a segment. */
    public static final int END_OF_SEGMENT = -1;
    /** The sequence of the first record of a new log. */
    public static final long FIRST_SEQUENCE = 1;
    /** "No sequence": returned where no record exists. */
    public static final long NULL_SEQUENCE = 0;

    private RecordDescriptor() {
    }

    /**
     * Rounds a frame length up to the record alignment.
     *
     * @param frameLength a frame length in bytes, {@code >= 0}
     * @return the number of bytes the record occupies in the segment
     */
    public static int alignedLength(int frameLength) {
        return (frameLength + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
