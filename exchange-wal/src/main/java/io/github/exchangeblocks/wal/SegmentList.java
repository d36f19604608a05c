package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** The writer's ordered list of live segment base sequences, with retention and file-level forcing. */
final class SegmentList {
    private final Path directory;
    private long[] bases;
    private int count;

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
