package io.github.exchangeblocks.wal.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Stores application snapshots in a directory (it may be the log directory). A snapshot is written atomically:
 * temporary file, fsync, rename, directory fsync, so a crash leaves either the old set of snapshots or the new
 * one, never a partial file under a snapshot name. Loading verifies both checksums and falls back to the next
 * older snapshot if the newest is damaged.
 *
 * <p>Not thread-safe; snapshots are taken and loaded by the host's writer thread or at start-up.
 */
public final class SnapshotStore {
    private static final String TMP_SUFFIX = ".tmp";

    private final Path directory;

    /**
     * Creates a store over {@code directory}, creating the directory if missing and deleting temporary files
     * left by a snapshot write that was interrupted.
     *
     * @param directory where snapshot files live; not {@code null}
     */
    public SnapshotStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                Path parent = directory.toAbsolutePath().getParent();
                if (parent != null) {
                    fsyncDirectory(parent);
                }
            }
            boolean deleted = false;
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory,
                    SnapshotDescriptor.FILE_PREFIX + "*" + SnapshotDescriptor.FILE_SUFFIX + TMP_SUFFIX)) {
                for (Path leftover : leftovers) {
                    deleted |= Files.deleteIfExists(leftover);
                }
            }
            if (deleted) {
                fsyncDirectory(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
    }

    /**
     * Writes a snapshot covering every log record up to {@code sequence}, durably and atomically. An existing
     * snapshot with the same sequence is replaced.
     *
     * @param sequence last log sequence the snapshot covers, {@code >= 0}
     * @param data     application bytes; not {@code null}
     * @param offset   first byte in {@code data}
     * @param length   number of bytes
     * @return the path of the snapshot file
     * @throws IllegalArgumentException if the sequence or the range is invalid
     */
    public Path write(long sequence, byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence=" + sequence + " must be >= 0");
        }
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("offset=" + offset + " length=" + length
                    + " must lie inside data of " + data.length + " bytes");
        }
        ByteBuffer payload = ByteBuffer.wrap(data, offset, length);
        ByteBuffer header = SnapshotDescriptor.header(sequence, payload);
        Path target = directory.resolve(SnapshotDescriptor.fileName(sequence));
        Path tmp = directory.resolve(target.getFileName() + TMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                while (header.hasRemaining()) {
                    channel.write(header);
                }
                while (payload.hasRemaining()) {
                    channel.write(payload);
                }
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + target, e);
        }
        return target;
    }

    /**
     * Covered sequences of the snapshot files present (valid or not), ascending.
     *
     * @return never {@code null}
     */
    public long[] sequences() {
        long[] found = new long[8];
        int count = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory,
                SnapshotDescriptor.FILE_PREFIX + "*" + SnapshotDescriptor.FILE_SUFFIX)) {
            for (Path path : stream) {
                long sequence = SnapshotDescriptor.parseFileName(path.getFileName().toString());
                if (sequence >= 0) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = sequence;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        long[] result = Arrays.copyOf(found, count);
        Arrays.sort(result);
        return result;
    }

    /**
     * Loads and verifies one snapshot.
     *
     * @param sequence the covered sequence naming the file
     * @return the snapshot, or {@code null} if it is missing or fails verification
     */
    public Snapshot load(long sequence) {
        Path path = directory.resolve(SnapshotDescriptor.fileName(sequence));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return null;
        }
        ByteBuffer file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (SnapshotDescriptor.validate(file, sequence) != null) {
            return null;
        }
        return new Snapshot(sequence, Arrays.copyOfRange(bytes, SnapshotDescriptor.HEADER_LENGTH, bytes.length));
    }

    /**
     * Loads the newest snapshot that passes verification, skipping damaged ones.
     *
     * @return the snapshot, or {@code null} if there is no valid snapshot
     */
    public Snapshot loadLatest() {
        long[] sequences = sequences();
        for (int i = sequences.length - 1; i >= 0; i--) {
            Snapshot snapshot = load(sequences[i]);
            if (snapshot != null) {
                return snapshot;
            }
        }
        return null;
    }

    /**
     * Deletes all but the newest {@code keep} snapshot files.
     *
     * @param keep how many of the newest snapshots to keep, {@code >= 1}
     * @return number of files deleted
     * @throws IllegalArgumentException if {@code keep < 1}
     */
    public int retainNewest(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep=" + keep + " must be >= 1");
        }
        long[] sequences = sequences();
        int deleted = 0;
        try {
            for (int i = 0; i < sequences.length - keep; i++) {
                Files.deleteIfExists(directory.resolve(SnapshotDescriptor.fileName(sequences[i])));
                deleted++;
            }
            if (deleted > 0) {
                fsyncDirectory(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old snapshots in " + directory, e);
        }
        return deleted;
    }

    /** Makes creations, renames and deletions in {@code directory} durable (works on Linux and macOS). */
    private static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
