package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Entry point of the write-ahead log: opens writers, readers and tailers over a log directory, verifies and
 * repairs logs. A directory holds one log and must have at most one writer at a time.
 *
 * <p>Thread-safe (stateless).
 */
public final class Wal {
    private Wal() {
    }

    /**
     * Opens (creating if needed) the log in {@link WalConfig#directory()} for appending. Verifies every segment
     * by the rule every reader shares: truncates a torn tail (and deletes a last segment that is empty, short or
     * without a valid header and holds no valid record; {@link WalWriter#tornTailReport()} says what was cut),
     * and fails on any damage before the tail. Then forces what it recovered and fsyncs the directory, in every
     * durability mode, before reporting it durable.
     *
     * @param config the settings; not {@code null}
     * @return the single writer of the log
     * @throws WalCorruptionException        if the log is damaged before its tail
     * @throws java.io.UncheckedIOException if the file system fails
     */
    public static WalWriter openWriter(WalConfig config) {
        return new WalWriter(Objects.requireNonNull(config, "config"));
    }

    /**
     * Opens a reader for replaying the log in {@code directory}.
     *
     * @param directory the log directory; not {@code null}
     * @return a new reader
     */
    public static WalReader openReader(Path directory) {
        return new WalReader(directory);
    }

    /**
     * Opens a tailer that follows the log in {@code directory}, starting at {@code fromSequence}.
     *
     * @param directory    the log directory; not {@code null}
     * @param fromSequence first sequence to deliver, {@code >= 1} and {@code >=} the oldest retained record
     * @return a new tailer
     * @throws IllegalArgumentException if {@code fromSequence} is out of range
     */
    public static WalTailer openTailer(Path directory, long fromSequence) {
        return new WalTailer(directory, fromSequence);
    }

    /**
     * Verifies the whole log read-only, as {@link #openWriter(WalConfig)} would, without truncating anything: a
     * torn tail or a last segment the writer would cut ends the log here.
     * Meant for a log no writer is appending to (at start-up, or by an operator): a record appended during the
     * scan could be mistaken for damage after the tail.
     *
     * @param directory the log directory; not {@code null}
     * @return the last valid sequence, or {@code first - 1} for an empty log
     * @throws WalCorruptionException if the log is damaged before its tail
     */
    public static long verify(Path directory) {
        return LogScanner.scan(Objects.requireNonNull(directory, "directory"), false).nextSequence - 1;
    }

    /**
     * Operator action: truncates the log at its first damage. The damaged segment is zeroed from the damaged
     * offset on (or set aside if its header is bad or it breaks the sequence chain), and every later segment is
     * set aside by renaming it with the suffix {@code .removed}. Records after the damage are no longer part of
     * the log. Takes the writer lock, so it fails if a writer has the log open.
     *
     * @param directory the log directory; not {@code null}
     * @return what was done
     * @throws IllegalStateException if a writer has the log open
     */
    public static RepairResult repair(Path directory) {
        Objects.requireNonNull(directory, "directory");
        WriterLock lock = WriterLock.acquire(directory);
        try {
            return repairLocked(directory);
        } finally {
            lock.close();
        }
    }

    private static RepairResult repairLocked(Path directory) {
        WalCorruptionException first = null;
        int removed = 0;
        while (true) {
            try {
                long last = LogScanner.scan(directory, true).nextSequence - 1;
                return first == null ? new RepairResult(false, null, -1, last, 0)
                        : new RepairResult(true, first.file(), first.offset(), last, removed);
            } catch (WalCorruptionException e) {
                if (first == null) {
                    first = e;
                }
                long damagedBase = SegmentDescriptor.parseFileName(e.file().getFileName().toString());
                for (long base : SegmentFiles.list(directory)) {
                    boolean setAside = base > damagedBase
                            || (base == damagedBase && e.offset() < SegmentDescriptor.HEADER_LENGTH);
                    if (setAside) {
                        Path path = SegmentFiles.path(directory, base);
                        move(path, path.resolveSibling(path.getFileName() + SegmentFiles.REMOVED_SUFFIX));
                        removed++;
                    }
                }
                if (e.offset() >= SegmentDescriptor.HEADER_LENGTH) {
                    MappedByteBuffer buffer = SegmentFiles.map(e.file(), true);
                    Frames.zero(buffer, (int) e.offset(), buffer.capacity());
                    buffer.force();
                }
                SegmentFiles.fsyncDirectory(directory);
            }
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }
}
