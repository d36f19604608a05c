package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static io.github.exchangeblocks.wal.Frames.BAD;
import static io.github.exchangeblocks.wal.Frames.SEALED;

/**
 * Verifies a whole log end to end, as on open: segment chain, headers, every record's checksum and sequence.
 * A torn tail (bad or partial bytes after the last good record of the last segment, with no valid record after
 * them) is reported and, when {@code writable}, zeroed and forced; anything else throws
 * {@link WalCorruptionException}.
 */
final class LogScanner {
    /** What the scan found; the last segment's mapping is kept for the writer. */
    static final class State {
        long[] bases = new long[0];
        long nextSequence = RecordDescriptor.FIRST_SEQUENCE;
        MappedByteBuffer lastBuffer;
        int tailPosition;
        boolean lastSealed;
        boolean tornTail;
    }

    private LogScanner() {
    }

    static State scan(Path directory, boolean writable) {
        State state = new State();
        state.bases = SegmentFiles.list(directory);
        if (state.bases.length > 0) {
            state.nextSequence = state.bases[0];
        }
        CRC32C crc = new CRC32C();
        for (int i = 0; i < state.bases.length; i++) {
            scanSegment(directory, state, i, writable, crc);
        }
        return state;
    }

    private static void scanSegment(Path directory, State state, int index, boolean writable, CRC32C crc) {
        long base = state.bases[index];
        boolean last = index == state.bases.length - 1;
        Path path = SegmentFiles.path(directory, base);
        if (base != state.nextSequence) {
            throw new WalCorruptionException(path, 0, state.nextSequence, "baseSequence=" + base + " must be "
                    + state.nextSequence + ": a segment is missing or the sequence has a gap");
        }
        long size = SegmentFiles.size(path);
        if (size < SegmentDescriptor.HEADER_LENGTH || size > WalConfig.MAX_SEGMENT_LENGTH) {
            throw new WalCorruptionException(path, 0, base, "fileLength=" + size + " must be in ["
                    + SegmentDescriptor.HEADER_LENGTH + ", " + WalConfig.MAX_SEGMENT_LENGTH + "]");
        }
        MappedByteBuffer buffer = SegmentFiles.map(path, writable && last);
        String headerError = SegmentDescriptor.validateHeader(buffer, base, size);
        if (headerError != null) {
            throw new WalCorruptionException(path, 0, base, headerError);
        }
        ByteBuffer crcView = buffer.duplicate();
        int capacity = buffer.capacity();
        int position = SegmentDescriptor.HEADER_LENGTH;
        long sequence = base;
        int result = Frames.EMPTY;
        while (position < capacity) {
            result = Frames.check(buffer, crcView, crc, position, sequence);
            if (result <= 0) {
                break;
            }
            position += RecordDescriptor.alignedLength(result);
            sequence++;
        }
        boolean sealed = position >= capacity || result == SEALED;
        if (!sealed) {
            int valid = Frames.findValidRecordAfter(buffer, crcView, crc, position, sequence);
            if (valid >= 0) {
                throw new WalCorruptionException(path, position, sequence,
                        Frames.describe(buffer, crcView, crc, position, sequence)
                                + "; yet a valid record follows at offset " + valid);
            }
            boolean zero = Frames.isZero(buffer, position, capacity);
            if (!last) {
                if (result == BAD || !zero) {
                    throw new WalCorruptionException(path, position, sequence,
                            Frames.describe(buffer, crcView, crc, position, sequence)
                                    + "; the segment is not sealed but a later segment exists");
                }
                sealed = true;
            } else if (!zero) {
                state.tornTail = true;
                if (writable) {
                    Frames.zero(buffer, position, capacity);
                    buffer.force();
                }
            }
        }
        state.nextSequence = sequence;
        if (last) {
            state.lastBuffer = buffer;
            state.tailPosition = position;
            state.lastSealed = sealed;
        }
    }
}
