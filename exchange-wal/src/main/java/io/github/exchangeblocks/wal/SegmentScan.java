package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static io.github.exchangeblocks.wal.Frames.BAD;

/**
 * The one rule by which every path that reads a log tells its end (clean or torn) from damage: the writer's
 * open and {@link Wal#verify} (through {@link LogScanner}), {@link WalReader}, {@link WalTailer}, and so
 * {@code snapshot.Recovery}. Nothing else decides where a log ends.
 *
 * <ul>
 *   <li><b>Segment level</b> ({@link #open}): the base sequence must continue the chain; the file must be
 *       between the header length and {@link WalConfig#MAX_SEGMENT_LENGTH} long and carry a valid header whose
 *       segment length is the file length. The <em>last</em> segment alone may fail this (empty, short, or a
 *       header that never reached the device, as a power loss can leave in {@link DurabilityMode#NONE}) and is
 *       then cut as a torn tail, but only when it holds no valid record at all: then nothing is lost by the
 *       cut. Any other failure is damage.</li>
 *   <li><b>Record level</b> ({@link #records}, {@link #end}): records follow each other with consecutive
 *       sequences until the end-of-segment marker, the end of the file, or a position that does not hold a
 *       valid record. From there on: if any valid record with a later sequence follows in the segment, the
 *       stop is damage (a zeroed length word, a zeroed header, a bad checksum, a length past the segment end
 *       all look like this); if the segment is not the last, the rest must be zero (a lost end-of-segment
 *       marker) or it is damage; in the last segment a zero rest is the clean end, anything else a torn
 *       tail.</li>
 * </ul>
 *
 * <p>Damage throws {@link WalCorruptionException} naming file, offset and expected sequence. Not thread-safe;
 * each reading object owns one instance.
 */
final class SegmentScan {
    /** Outcome of {@link #end}: the segment is finished (marker, full, or a zero rest before a later segment). */
    static final int SEALED = 1;
    /** Outcome of {@link #end}: the last segment ends cleanly; the rest is zero. */
    static final int CLEAN = 2;
    /** Outcome of {@link #end}: the last segment ends in a torn tail, non-zero bytes with nothing valid after. */
    static final int TORN = 3;

    private final CRC32C crc = new CRC32C();
    private int position;
    private long nextSequence;
    private String report = "";

    /** Position after the last valid record found by the last {@link #records} call. */
    int position() {
        return position;
    }

    /** Sequence the next record would have after the last {@link #records} call. */
    long nextSequence() {
        return nextSequence;
    }

    /** What the last call found cut or torn, for the operator; empty if it found nothing of the kind. */
    String report() {
        return report;
    }

    /**
     * Maps and checks one segment at the segment level.
     *
     * @param path             the segment file
     * @param base             the base sequence its name promises
     * @param expectedSequence the sequence the chain expects next
     * @param last             whether no later segment exists
     * @param writable         whether to map it read-write
     * @return the mapping, or {@code null} when the last segment is cut as a torn tail ({@link #report()} says
     *     why)
     * @throws WalCorruptionException if the segment is damaged
     */
    MappedByteBuffer open(Path path, long base, long expectedSequence, boolean last, boolean writable) {
        report = "";
        if (base != expectedSequence) {
            throw new WalCorruptionException(path, 0, expectedSequence, "baseSequence=" + base + " must be "
                    + expectedSequence + ": a segment is missing or the sequence has a gap");
        }
        long size = SegmentFiles.size(path);
        if (size > WalConfig.MAX_SEGMENT_LENGTH) {
            throw new WalCorruptionException(path, 0, base, "fileLength=" + size + " must be <= "
                    + WalConfig.MAX_SEGMENT_LENGTH);
        }
        if (size < SegmentDescriptor.HEADER_LENGTH) {
            String reason = "fileLength=" + size + " must be >= " + SegmentDescriptor.HEADER_LENGTH;
            if (last) {
                report = cutReport(path, base, reason);
                return null;
            }
            throw new WalCorruptionException(path, 0, base, reason + "; a later segment exists");
        }
        MappedByteBuffer buffer = SegmentFiles.map(path, writable);
        String headerError = SegmentDescriptor.validateHeader(buffer, base, size);
        if (headerError == null) {
            return buffer;
        }
        if (!last) {
            throw new WalCorruptionException(path, 0, base, headerError + "; a later segment exists");
        }
        int valid = Frames.findValidRecordAfter(buffer, buffer.duplicate(), crc,
                SegmentDescriptor.HEADER_LENGTH - RecordDescriptor.ALIGNMENT, base);
        if (valid >= 0) {
            throw new WalCorruptionException(path, 0, base, headerError + "; yet a valid record follows at offset "
                    + valid);
        }
        report = cutReport(path, base, headerError);
        return null;
    }

    private static String cutReport(Path path, long base, String reason) {
        return "cut the last segment " + path + " (base sequence " + base + ") as a torn tail: " + reason
                + "; it holds no valid record and no segment follows it";
    }

    /**
     * Walks the records of a checked segment from its first record, handing those with a sequence
     * {@code >= deliverFrom} to {@code handler}, then classifies what follows the last valid one with
     * {@link #end}. Afterwards {@link #position()} and {@link #nextSequence()} tell where it stopped.
     *
     * @param handler receives records, or {@code null} to only check
     * @param record  the flyweight handed to {@code handler}; may be {@code null} when {@code handler} is
     * @return {@link #SEALED}, {@link #CLEAN} or {@link #TORN}
     * @throws WalCorruptionException if the segment is damaged
     */
    int records(Path path, MappedByteBuffer buffer, long sequence, boolean last, long deliverFrom,
                RecordHandler handler, WalRecord record) {
        ByteBuffer crcView = buffer.duplicate();
        ByteBuffer recordView = handler == null ? null : buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int capacity = buffer.capacity();
        int at = SegmentDescriptor.HEADER_LENGTH;
        long next = sequence;
        int result = Frames.EMPTY;
        while (at < capacity) {
            result = Frames.check(buffer, crcView, crc, at, next);
            if (result <= 0) {
                break;
            }
            if (handler != null && next >= deliverFrom) {
                record.wrap(recordView, at, result - RecordDescriptor.HEADER_LENGTH, next,
                        buffer.getInt(at + RecordDescriptor.TYPE_OFFSET));
                handler.onRecord(record);
            }
            at += RecordDescriptor.alignedLength(result);
            next++;
        }
        position = at;
        nextSequence = next;
        return end(path, buffer, crcView, at, next, result, last);
    }

    /**
     * Classifies what follows the last valid record of a segment, which stopped at {@code at} with
     * {@code result} from {@link Frames#check}.
     *
     * @return {@link #SEALED}, {@link #CLEAN} or {@link #TORN} (the last two only when {@code last})
     * @throws WalCorruptionException if what follows is damage
     */
    int end(Path path, ByteBuffer buffer, ByteBuffer crcView, int at, long sequence, int result, boolean last) {
        report = "";
        int capacity = buffer.capacity();
        if (at >= capacity || result == Frames.SEALED) {
            return SEALED;
        }
        int valid = Frames.findValidRecordAfter(buffer, crcView, crc, at, sequence);
        if (valid >= 0) {
            throw damage(path, buffer, crcView, at, sequence, valid);
        }
        boolean zero = Frames.isZero(buffer, at, capacity);
        if (!last) {
            if (result == BAD || !zero) {
                throw new WalCorruptionException(path, at, sequence,
                        Frames.describe(buffer, crcView, crc, at, sequence)
                                + "; the segment is not sealed but a later segment exists");
            }
            return SEALED;
        }
        if (zero) {
            return CLEAN;
        }
        report = "cut a torn tail of " + path + " from offset " + at + " (expected sequence " + sequence + ": "
                + Frames.describe(buffer, crcView, crc, at, sequence) + "); bytes up to offset "
                + nonZeroEnd(buffer, at, capacity) + " were not zero and no valid record follows";
        return TORN;
    }

    /**
     * Looks for a valid record with a sequence {@code >= sequence} starting after {@code at} and before
     * {@code to}: {@link #end}'s search in pieces, for a reader that cannot afford the whole rest of a segment at
     * once.
     *
     * @return its offset, or {@code -1}
     */
    int findValidRecordAfter(ByteBuffer buffer, ByteBuffer crcView, int at, int to, long sequence) {
        return Frames.findValidRecordAfter(buffer, crcView, crc, at, to, sequence);
    }

    /** The error for a stop at {@code at} followed by the valid record at {@code valid}. */
    WalCorruptionException damage(Path path, ByteBuffer buffer, ByteBuffer crcView, int at, long sequence,
                                  int valid) {
        return new WalCorruptionException(path, at, sequence, Frames.describe(buffer, crcView, crc, at, sequence)
                + "; yet a valid record follows at offset " + valid);
    }

    /** End of the last non-zero 8-byte word in {@code [from, to)}, both 8-byte aligned. */
    private static int nonZeroEnd(ByteBuffer buffer, int from, int to) {
        int end = from;
        for (int p = from; p < to; p += Long.BYTES) {
            if (buffer.getLong(p) != 0) {
                end = p + Long.BYTES;
            }
        }
        return end;
    }
}
