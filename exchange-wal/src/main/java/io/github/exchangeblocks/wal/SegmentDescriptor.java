package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Binary layout of a segment file, format version {@value #VERSION}. All integers are little-endian.
 *
 * <p>A segment is a file of fixed, preallocated length named {@code <base sequence, 20 zero-padded digits>.wal},
 * so that the lexical order of names is the sequence order. It starts with a {@value #HEADER_LENGTH}-byte header
 * followed by records laid out as {@link RecordDescriptor} describes, each starting on an 8-byte boundary:
 *
 * <pre>
 *   0                   8         12        16                  24                  32
 *   +-------------------+---------+---------+-------------------+-------------------+
 *   | magic "EXBWAL01"  | version | hdr len | base sequence     | segment length    |
 *   +-------------------+---------+---------+-------------------+-------------------+
 *   32                                                          60        64
 *   +-----------------------------------------------------------+---------+
 *   | reserved, zero                                            | hdr CRC |
 *   +-----------------------------------------------------------+---------+
 *   64: first record ... records ... [end-of-segment marker] zero fill up to segment length
 * </pre>
 *
 * <ul>
 *   <li>{@code version} is {@value #VERSION}; readers reject versions they do not know.</li>
 *   <li>{@code hdr len} is {@value #HEADER_LENGTH}; records start there.</li>
 *   <li>{@code base sequence} is the sequence of the first record in the segment, equal to the file name.</li>
 *   <li>{@code segment length} is the file length in bytes, fixed when the file is created.</li>
 *   <li>{@code hdr CRC} is the CRC-32C of bytes {@code [0, 60)}.</li>
 * </ul>
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class SegmentDescriptor {
    /** The magic number: the ASCII bytes {@code EXBWAL01} read as a little-endian long. */
    public static final long MAGIC = 0x31304C4157425845L;
    /** The format version this code writes. */
    public static final int VERSION = 1;
    /** Length of the segment header in bytes; the first record starts here. */
    public static final int HEADER_LENGTH = 64;
    /** Offset of the magic number. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the format version. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the header length. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the base sequence. */
    public static final int BASE_SEQUENCE_OFFSET = 16;
    /** Offset of the segment length. */
    public static final int SEGMENT_LENGTH_OFFSET = 24;
    /** Offset of the header checksum, which covers bytes {@code [0, HEADER_CRC_OFFSET)}. */
    public static final int HEADER_CRC_OFFSET = 60;
    /** Suffix of segment file names. */
    public static final String FILE_SUFFIX = ".wal";
    /** Number of decimal digits of the base sequence in a file name. */
    public static final int NAME_DIGITS = 20;

    private SegmentDescriptor() {
    }

    /**
     * The file name of the segment whose first record has {@code baseSequence}.
     *
     * @param baseSequence sequence of the first record, {@code >= 1}
     * @return e.g. {@code 00000000000000000001.wal}; never {@code null}
     */
    public static String fileName(long baseSequence) {
        String digits = Long.toString(baseSequence);
        StringBuilder name = new StringBuilder(NAME_DIGITS + FILE_SUFFIX.length());
        for (int i = digits.length(); i < NAME_DIGITS; i++) {
            name.append('0');
        }
        return name.append(digits).append(FILE_SUFFIX).toString();
    }

    /**
     * Parses a segment file name back to its base sequence.
     *
     * @param fileName a file name, not a path; may be {@code null}
     * @return the base sequence, or {@code -1} if the name is not a segment name
     */
    public static long parseFileName(String fileName) {
        if (fileName == null || fileName.length() != NAME_DIGITS + FILE_SUFFIX.length()
                || !fileName.endsWith(FILE_SUFFIX)) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < NAME_DIGITS; i++) {
            char c = fileName.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Writes a complete header into {@code buffer} at index 0.
     *
     * @param buffer        destination of at least {@value #HEADER_LENGTH} bytes; its byte order is ignored
     * @param baseSequence  sequence of the first record
     * @param segmentLength file length in bytes
     */
    public static void writeHeader(ByteBuffer buffer, long baseSequence, long segmentLength) {
        ByteBuffer le = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < HEADER_LENGTH; i++) {
            le.put(i, (byte) 0);
        }
        le.putLong(MAGIC_OFFSET, MAGIC);
        le.putInt(VERSION_OFFSET, VERSION);
        le.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
        le.putLong(BASE_SEQUENCE_OFFSET, baseSequence);
        le.putLong(SEGMENT_LENGTH_OFFSET, segmentLength);
        le.putInt(HEADER_CRC_OFFSET, headerCrc(le));
    }

    /**
     * Computes the header checksum of the header at index 0 of {@code buffer}.
     *
     * @param buffer a buffer holding at least {@value #HEADER_CRC_OFFSET} header bytes
     * @return the CRC-32C of bytes {@code [0, HEADER_CRC_OFFSET)}
     */
    public static int headerCrc(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        ByteBuffer view = buffer.duplicate();
        view.limit(HEADER_CRC_OFFSET).position(0);
        crc.update(view);
        return (int) crc.getValue();
    }

    /**
     * Checks the header at index 0 of {@code buffer}.
     *
     * @param buffer         a little-endian buffer over the segment
     * @param baseSequence   the base sequence the file name promises
     * @param fileLength     the actual file length in bytes
     * @return {@code null} if the header is valid, else a message naming the field and the rule
     */
    public static String validateHeader(ByteBuffer buffer, long baseSequence, long fileLength) {
        if (fileLength < HEADER_LENGTH) {
            return "fileLength=" + fileLength + " must be >= " + HEADER_LENGTH;
        }
        long magic = buffer.getLong(MAGIC_OFFSET);
        if (magic != MAGIC) {
            return "magic=0x" + Long.toHexString(magic) + " must be 0x" + Long.toHexString(MAGIC);
        }
        int storedCrc = buffer.getInt(HEADER_CRC_OFFSET);
        int actualCrc = headerCrc(buffer);
        if (storedCrc != actualCrc) {
            return "headerCrc=0x" + Integer.toHexString(storedCrc) + " must equal computed 0x"
                    + Integer.toHexString(actualCrc);
        }
        int version = buffer.getInt(VERSION_OFFSET);
        if (version != VERSION) {
            return "version=" + version + " must be " + VERSION;
        }
        int headerLength = buffer.getInt(HEADER_LENGTH_OFFSET);
        if (headerLength != HEADER_LENGTH) {
            return "headerLength=" + headerLength + " must be " + HEADER_LENGTH;
        }
        long base = buffer.getLong(BASE_SEQUENCE_OFFSET);
        if (base != baseSequence) {
            return "baseSequence=" + base + " must equal the file name's " + baseSequence;
        }
        long segmentLength = buffer.getLong(SEGMENT_LENGTH_OFFSET);
        if (segmentLength != fileLength) {
            return "segmentLength=" + segmentLength + " must equal the file length " + fileLength;
        }
        return null;
    }
}
