package io.github.exchangeblocks.wal;

import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Replays a log from any sequence, verifying every record's checksum and sequence on the way, by the same rule
 * as {@link Wal#verify(Path)} and the writer's open. Damage before the tail (a record that fails its check while
 * a valid later record follows, a segment that is not sealed while a later one exists, a missing segment, a
 * bad header) throws {@link WalCorruptionException}, after the records before it have been delivered; a torn
 * tail (bad bytes after the last good record of the last segment with nothing valid after them, or a last
 * segment that is empty, short or header-less and holds no valid record) ends the replay, as the writer's open
 * would cut it. Segments before the one holding {@code fromSequence} are not read.
 *
 * <p>Each call to {@link #replay(long, RecordHandler)} sees the segments present when it starts. Segments are
 * mapped read-only and nothing is changed. Not thread-safe; use one reader per thread. Obtain through
 * {@link Wal#openReader(Path)}.
 */
public final class WalReader {
    private final Path directory;
    private final SegmentScan scan = new SegmentScan();
    private final WalRecord record = new WalRecord();

    WalReader(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Replays every record with a sequence {@code >= fromSequence}, in order.
     *
     * @param fromSequence first sequence to deliver, {@code >=} the log's first sequence
     * @param handler      receives each record, on the calling thread; not {@code null}
     * @return the last sequence delivered, or {@code fromSequence - 1} if none
     * @throws IllegalArgumentException if {@code fromSequence} is before the oldest retained record
     * @throws WalCorruptionException   if the log is damaged before its tail
     */
    public long replay(long fromSequence, RecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        long[] bases = SegmentFiles.list(directory);
        if (bases.length == 0) {
            return fromSequence - 1;
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
            boolean last = index == bases.length - 1;
            Path path = SegmentFiles.path(directory, bases[index]);
            MappedByteBuffer buffer = scan.open(path, bases[index], sequence, last, false);
            if (buffer == null) {
                break;
            }
            int end = scan.records(path, buffer, sequence, last, fromSequence, handler, record);
            sequence = scan.nextSequence();
            if (end != SegmentScan.SEALED) {
                break;
            }
        }
        return Math.max(fromSequence, sequence) - 1;
    }
}
