package io.github.exchangeblocks.wal.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Binary layout of a snapshot file, format version {@value #VERSION}. All integers are little-endian. The file
 * is named {@code snapshot-<covered sequence, 20 zero-padded digits>.snap} and holds one opaque application
 * snapshot covering every log record up to and including {@code sequence}:
 *
 * <pre>
 *   0                   8         12        16                  24                  32
 *   +-------------------+---------+---------+-------------------+-------------------+
 *   | magic "EXBSNP01"  | version | hdr len | covered sequence  | payload length    |
 *   +-------------------+---------+---------+-------------------+-------------------+
 *   32        36                                      44        48
 *   +---------+---------------------------------------+---------+----------------------
 *   | pay CRC | reserved, zero                        | hdr CRC | payload (opaque bytes)
 *   +---------+---------------------------------------+---------+----------------------
 * </pre>
 *
 * <p>{@code pay CRC} is the CRC-32C of the payload; {@code hdr CRC} the CRC-32C of bytes {@code [0, 44)}. The
 * file length is exactly {@value #HEADER_LENGTH} plus the payload length. Stateless; thread-safe.
 */
public final class SnapshotDescriptor {
    /** The magic number: ASCII {@code EXBSNP01} as a little-endian long. */
    public static final long MAGIC = 0x3130504E53425845L;
    /** The format version this code writes. */
    public static final int VERSION = 1;
    /** Header length in bytes; the payload starts here. */
    public static final int HEADER_LENGTH = 48;
    /** Offset of the magic number. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 8;
    /** Offset of the header length. */
    public static final int HEADER_LENGTH_OFFSET = 12;
    /** Offset of the covered sequence. */
    public static final int SEQUENCE_OFFSET = 16;
    /** Offset of the payload length. */
    public static final int PAYLOAD_LENGTH_OFFSET = 24;
    /** Offset of the payload checksum. */
    public static final int PAYLOAD_CRC_OFFSET = 32;
    /** Offset of the header checksum, covering bytes {@code [0, HEADER_CRC_OFFSET)}. */
    public static final int HEADER_CRC_OFFSET = 44;
    /** File name prefix. */
    public static final String FILE_PREFIX = "snapshot-";
    /** File name suffix. */
    public static final String FILE_SUFFIX = ".snap";

    private SnapshotDescriptor() {
    }

    /**
     * The file name of the snapshot covering {@code sequence}.
     *
     * @param sequence covered sequence, {@code >= 0}
     * @return never {@code null}
     */
    public static String fileName(long sequence) {
        return FILE_PREFIX + String.format("%020d", sequence) + FILE_SUFFIX;
    }

    /**
     * Parses a snapshot file name.
     *
     * @param fileName a file name; may be {@code null}
     * @return the covered sequence, or {@code -1} if the name is not a snapshot name
     */
    public static long parseFileName(String fileName) {
        if (fileName == null || !fileName.startsWith(FILE_PREFIX) || !fileName.endsWith(FILE_SUFFIX)
                || fileName.length() != FILE_PREFIX.length() + 20 + FILE_SUFFIX.length()) {
            return -1;
        }
        long value = 0;
        for (int i = FILE_PREFIX.length(); i < FILE_PREFIX.length() + 20; i++) {
            char c = fileName.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Builds the header for a payload.
     *
     * @param sequence covered sequence
     * @param payload  the payload bytes, read from its position to its limit, not consumed
     * @return a new little-endian header buffer, flipped for writing
     */
    public static ByteBuffer header(long sequence, ByteBuffer payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(MAGIC_OFFSET, MAGIC);
        header.putInt(VERSION_OFFSET, VERSION);
        header.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
        header.putLong(SEQUENCE_OFFSET, sequence);
        header.putLong(PAYLOAD_LENGTH_OFFSET, payload.remaining());
        header.putInt(PAYLOAD_CRC_OFFSET, (int) crc.getValue());
        header.putInt(HEADER_CRC_OFFSET, crc(header, 0, HEADER_CRC_OFFSET));
        return header;
    }

    /**
     * Validates a whole snapshot file's bytes.
     *
     * @param file     the file content, little-endian
     * @param sequence the sequence its name promises
     * @return {@code null} if valid, else a message naming the field and the rule
     */
    public static String validate(ByteBuffer file, long sequence) {
        int length = file.capacity();
        if (length < HEADER_LENGTH) {
            return "fileLength=" + length + " must be >= " + HEADER_LENGTH;
        }
        if (file.getLong(MAGIC_OFFSET) != MAGIC) {
            return "magic=0x" + Long.toHexString(file.getLong(MAGIC_OFFSET)) + " must be 0x" + Long.toHexString(MAGIC);
        }
        if (file.getInt(HEADER_CRC_OFFSET) != crc(file, 0, HEADER_CRC_OFFSET)) {
            return "headerCrc does not match the header";
        }
        if (file.getInt(VERSION_OFFSET) != VERSION) {
            return "version=" + file.getInt(VERSION_OFFSET) + " must be " + VERSION;
        }
        if (file.getLong(SEQUENCE_OFFSET) != sequence) {
            return "sequence=" + file.getLong(SEQUENCE_OFFSET) + " must equal the file name's " + sequence;
        }
        long payloadLength = file.getLong(PAYLOAD_LENGTH_OFFSET);
        if (payloadLength != length - HEADER_LENGTH) {
            return "payloadLength=" + payloadLength + " must equal fileLength - " + HEADER_LENGTH + " = "
                    + (length - HEADER_LENGTH);
        }
        if (file.getInt(PAYLOAD_CRC_OFFSET) != crc(file, HEADER_LENGTH, length)) {
            return "payloadCrc does not match the payload";
        }
        return null;
    }

    private static int crc(ByteBuffer buffer, int from, int to) {
        CRC32C crc = new CRC32C();
        ByteBuffer view = buffer.duplicate();
        view.limit(to).position(from);
        crc.update(view);
        return (int) crc.getValue();
    }
}
