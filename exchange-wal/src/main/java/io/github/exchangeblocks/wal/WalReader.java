package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Replays a log from any sequence, verifying every record's checksum and sequence on the way. Damage before the
 * tail throws {@link WalCorruptionException}; a torn tail (bad bytes after the last good record with nothing
 * valid after them) ends the replay, as recovery would truncate it.
 *
 * <p>Each call to {@link #replay(long, RecordHandler)} sees the segments present when it starts. Segments are
 * mapped read-only. Not thread-safe; use one reader per thread. Obtain through {@link Wal#openReader(Path)}.
 */
public final class WalReader {
    private final Path directory;
    private final CRC32C crc = new CRC32C();
    private final WalRecord record = new WalRecord();

    WalReader(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Replays every record with a sequence {@code >= fromSequence}, in order.
     *
     * @param fromSequence first sequence to deliver, {@code >=} the log's first sequence
     * @param handler      receives each record; not {@code null}
     * @return the last sequence delivered, or {@code fromSequence - 1} if none
     * @throws IllegalArgumentException if {@code fromSequence} is before the oldest retained record
     * @throws WalCorruptionException   if the log is damaged before its tail
     */
    public long replay(long fromSequence, RecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        long[] bases = SegmentFiles.list(directory);
        long lastDelivered = fromSequence - 1;
        if (bases.length == 0) {
            return lastDelivered;
        }
        if (fromSequence < bases[0]) {
            throw new IllegalArgumentException("fromSequence=" + fromSequence + " must be >= the first retained sequence "
                    + bases[0]);
        }
        int index = bases.length - 1;
        while (bases[index] > fromSequence) {
            index--;
        }
        long sequence = bases[index];
        for (; index < bases.length; index++) {
            Path path = SegmentFiles.path(directory, bases[index]);
            if (bases[index] != sequence) {
                throw new WalCorruptionException(path, 0, sequence, "baseSequence=" + bases[index] + " must be "
                        + sequence + ": a segment is missing or the sequence has a gap");
            }
            MappedByteBuffer buffer = SegmentFiles.map(path, false);
            String headerError = SegmentDescriptor.validateHeader(buffer, bases[index], buffer.capacity());
            if (headerError != null) {
                throw new WalCorruptionException(path, 0, sequence, headerError);
            }
            ByteBuffer crcView = buffer.duplicate();
            ByteBuffer recordView = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int position = SegmentDescriptor.HEADER_LENGTH;
            int capacity = buffer.capacity();
            boolean last = index == bases.length - 1;
            while (position < capacity) {
                int result = Frames.check(buffer, crcView, crc, position, sequence);
                if (result > 0) {
                    if (sequence >= fromSequence) {
                        record.wrap(recordView, position, result - RecordDescriptor.HEADER_LENGTH, sequence,
                                buffer.getInt(position + RecordDescriptor.TYPE_OFFSET));
                        handler.onRecord(record);
                        lastDelivered = sequence;
                    }
                    position += RecordDescriptor.alignedLength(result);
                    sequence++;
                } else if (result == Frames.SEALED) {
                    break;
                } else {
                    if (last && result == Frames.EMPTY) {
                        return lastDelivered;
                    }
                    int valid = Frames.findValidRecordAfter(buffer, crcView, crc, position, sequence);
                    if (valid >= 0 || (!last && !Frames.isZero(buffer, position, capacity))) {
                        throw new WalCorruptionException(path, position, sequence,
                                Frames.describe(buffer, crcView, crc, position, sequence)
                                        + (valid >= 0 ? "; yet a valid record follows at offset " + valid
                                                : "; the segment is not sealed but a later segment exists"));
                    }
                    if (last) {
                        return lastDelivered;
                    }
                    break;
                }
            }
        }
        return lastDelivered;
    }
}
