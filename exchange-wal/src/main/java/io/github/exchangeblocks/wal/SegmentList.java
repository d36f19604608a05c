package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The writer's ordered list of live segment base sequences, with segment creation, retention and file-level
 * durability: which rolled segments and directory entries still need forcing ({@link DurabilityMode#NONE} rolls
 * without forcing either). Writer thread only.
 */
final class SegmentList {
    private final Path directory;
    private long[] bases;
    private int count;
    private long oldestUnforcedBase = RecordDescriptor.NULL_SEQUENCE;
    private boolean directoryUnsynced;

    SegmentList(Path directory, long[] initial) {
        this.directory = directory;
        this.bases = Arrays.copyOf(initial, Math.max(16, initial.length + 1));
        this.count = initial.length;
    }

    int count() {
        return count;
    }

    long first() {
        return bases[0];
    }

    long last() {
        return bases[count - 1];
    }

    /**
     * Creates the segment starting at {@code base} (adopting {@code prepared} if not {@code null}), adds it and
     * maps it. When not {@code durable}, neither the file nor the directory entry is forced: the directory is
     * then fsynced by the next {@link #syncDirectory(boolean)}.
     */
    MappedByteBuffer start(long base, int segmentLength, PreparedSegment prepared, boolean durable) {
        MappedByteBuffer segment;
        if (prepared != null) {
            SegmentFiles.adopt(directory, prepared, base, durable);
            segment = prepared.buffer;
        } else {
            SegmentFiles.create(directory, base, segmentLength, durable);
            segment = SegmentFiles.map(SegmentFiles.path(directory, base), true);
        }
        directoryUnsynced |= !durable;
        add(base);
        return segment;
    }

    /** The last segment is being rolled away from with records only in the page cache. */
    void rolledUnforced() {
        if (oldestUnforcedBase == RecordDescriptor.NULL_SEQUENCE) {
            oldestUnforcedBase = last();
        }
    }

    /** Fsyncs the segments rolled away from unforced, if any (mmap writes are in their files' page cache). */
    void forceRolled() {
        if (oldestUnforcedBase != RecordDescriptor.NULL_SEQUENCE) {
            forceAllButLast(oldestUnforcedBase);
            oldestUnforcedBase = RecordDescriptor.NULL_SEQUENCE;
        }
    }

    /** Fsyncs the directory if a segment was created without it, or always when {@code always}. */
    void syncDirectory(boolean always) {
        if (always || directoryUnsynced) {
            SegmentFiles.fsyncDirectory(directory);
            directoryUnsynced = false;
        }
    }

    void add(long base) {
        if (count == bases.length) {
            bases = Arrays.copyOf(bases, count * 2);
        }
        bases[count++] = base;
    }

    /** Deletes the oldest segments whose records all have sequences {@code <= coveredSequence}; never the last. */
    int deleteCoveredBy(long coveredSequence) {
        int deleted = 0;
        while (deleted < count - 1 && bases[deleted + 1] - 1 <= coveredSequence) {
            Path path = SegmentFiles.path(directory, bases[deleted]);
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + path, e);
            }
            deleted++;
        }
        if (deleted > 0) {
            System.arraycopy(bases, deleted, bases, 0, count - deleted);
            count -= deleted;
            SegmentFiles.fsyncDirectory(directory);
        }
        return deleted;
    }

    /** Fsyncs every segment file but the last whose base is {@code >= fromBase} (mmap writes are in its cache). */
    void forceAllButLast(long fromBase) {
        for (int i = 0; i < count - 1; i++) {
            if (bases[i] >= fromBase) {
                Path path = SegmentFiles.path(directory, bases[i]);
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    channel.force(false);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot force " + path, e);
                }
            }
        }
    }
}
