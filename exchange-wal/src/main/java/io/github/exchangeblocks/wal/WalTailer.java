package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Follows a log that is being written, in this or another process: each {@link #poll(RecordHandler, int)}
 * delivers the records committed since the last one, crossing into new segments as the writer rolls. Reads the
 * commit word with acquire ordering, so a record is delivered only once complete; every checksum is verified.
 *
 * <p>Not thread-safe: one thread polls. Allocates only when it maps the next segment. Obtain through
 * {@link Wal#openTailer(Path, long)}.
 */
public final class WalTailer {
    private final Path directory;
    private final long fromSequence;
    private final CRC32C crc = new CRC32C();
    private final WalRecord record = new WalRecord();
    private MappedByteBuffer buffer;
    private ByteBuffer crcView;
    private ByteBuffer recordView;
    private Path segmentPath;
    private int position;
    private long nextSequence;

    WalTailer(Path directory, long fromSequence) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.fromSequence = fromSequence;
        long[] bases = SegmentFiles.list(directory);
        if (fromSequence < RecordDescriptor.FIRST_SEQUENCE) {
            throw new IllegalArgumentException("fromSequence=" + fromSequence + " must be >= "
                    + RecordDescriptor.FIRST_SEQUENCE);
        }
        if (bases.length > 0 && fromSequence < bases[0]) {
            throw new IllegalArgumentException("fromSequence=" + fromSequence
                    + " must be >= the first retained sequence " + bases[0]);
        }
        long start = bases.length == 0 ? RecordDescriptor.FIRST_SEQUENCE : bases[0];
        for (long base : bases) {
            if (base <= fromSequence) {
                start = base;
            }
        }
        this.nextSequence = start;
    }

    /**
     * Delivers up to {@code limit} newly committed records with sequences {@code >= fromSequence}.
     *
     * @param handler receives each record; not {@code null}
     * @param limit   most records to deliver in this call, {@code >= 1}
     * @return number of records delivered; {@code 0} if none are available yet
     * @throws WalCorruptionException if a committed record fails its checksum or sequence
     * @throws IllegalStateException  if the next segment is gone while later ones exist (deleted by retention
     *     before this tailer read it)
     */
    public int poll(RecordHandler handler, int limit) {
        int delivered = 0;
        while (delivered < limit) {
            if (buffer == null && !mapSegment()) {
                return delivered;
            }
            if (position >= buffer.capacity()) {
                buffer = null;
                continue;
            }
            int frameLength = Frames.lengthAcquire(buffer, position);
            if (frameLength == Frames.EMPTY) {
                return delivered;
            }
            if (frameLength == Frames.SEALED) {
                buffer = null;
                continue;
            }
            int result = Frames.check(buffer, crcView, crc, position, nextSequence);
            if (result <= 0) {
                throw new WalCorruptionException(segmentPath, position, nextSequence,
                        Frames.describe(buffer, crcView, crc, position, nextSequence));
            }
            if (nextSequence >= fromSequence) {
                record.wrap(recordView, position, result - RecordDescriptor.HEADER_LENGTH, nextSequence,
                        buffer.getInt(position + RecordDescriptor.TYPE_OFFSET));
                handler.onRecord(record);
                delivered++;
            }
            position += RecordDescriptor.alignedLength(result);
            nextSequence++;
        }
        return delivered;
    }

    /**
     * The sequence of the next record this tailer will look at.
     *
     * @return a sequence {@code >= 1}
     */
    public long nextSequence() {
        return nextSequence;
    }

    private boolean mapSegment() {
        Path path = SegmentFiles.path(directory, nextSequence);
        if (!Files.exists(path)) {
            long[] bases = SegmentFiles.list(directory);
            if (bases.length == 0 || bases[bases.length - 1] <= nextSequence) {
                return false;
            }
            if (Files.exists(path)) {
                return false;
            }
            // segments are created in sequence order, so once a later one is listed, a missing one stays missing
            throw new IllegalStateException("no segment starts at sequence " + nextSequence + " in " + directory
                    + " but a later one does: retention deleted records before this tailer read them, or a"
                    + " segment is missing");
        }
        MappedByteBuffer segment = SegmentFiles.map(path, false);
        String headerError = SegmentDescriptor.validateHeader(segment, nextSequence, segment.capacity());
        if (headerError != null) {
            throw new WalCorruptionException(path, 0, nextSequence, headerError);
        }
        buffer = segment;
        crcView = segment.duplicate();
        recordView = segment.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        segmentPath = path;
        position = SegmentDescriptor.HEADER_LENGTH;
        return true;
    }
}
