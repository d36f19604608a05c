package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** File-system operations on segment files: listing, creating, mapping, directory fsync. Stateless. */
final class SegmentFiles {
    static final String TMP_SUFFIX = ".tmp";
    static final String REMOVED_SUFFIX = ".removed";

    private SegmentFiles() {
    }

    /** Base sequences of the segment files in {@code directory}, ascending. */
    static long[] list(Path directory) {
        long[] bases = new long[16];
        int count = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + SegmentDescriptor.FILE_SUFFIX)) {
            for (Path path : stream) {
                long base = SegmentDescriptor.parseFileName(path.getFileName().toString());
                if (base >= 0) {
                    if (count == bases.length) {
                        bases = Arrays.copyOf(bases, count * 2);
                    }
                    bases[count++] = base;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        long[] result = Arrays.copyOf(bases, count);
        Arrays.sort(result);
        return result;
    }

    static Path path(Path directory, long baseSequence) {
        return directory.resolve(SegmentDescriptor.fileName(baseSequence));
    }

    /** Deletes leftover temporary files of an interrupted segment creation. */
    static void deleteTemporaryFiles(Path directory) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory,
                "*" + SegmentDescriptor.FILE_SUFFIX + TMP_SUFFIX)) {
            for (Path path : stream) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temporary files in " + directory, e);
        }
    }

    /**
     * Creates a segment atomically: header and length into a temporary file, force, rename, directory fsync (the
     * two forces only when {@code durable}). The length is reserved with a single write at its end, so the file
     * is sparse until written.
     */
    static void create(Path directory, long baseSequence, int segmentLength, boolean durable) {
        Path target = path(directory, baseSequence);
        Path tmp = directory.resolve(target.getFileName() + TMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer header = ByteBuffer.allocate(SegmentDescriptor.HEADER_LENGTH);
                SegmentDescriptor.writeHeader(header, baseSequence, segmentLength);
                writeFully(channel, header, 0);
                writeFully(channel, ByteBuffer.allocate(1), segmentLength - 1L);
                if (durable) {
                    channel.force(true);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            if (durable) {
                fsyncDirectory(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create segment " + target, e);
        }
    }

    /**
     * Creates a header-less, sparse segment file of {@code segmentLength} bytes under
     * {@link PreparedSegment#FILE_NAME} (replacing a leftover one), forces it when {@code durable}, and maps it.
     */
    static PreparedSegment prepare(Path directory, int segmentLength, boolean durable) {
        Path path = directory.resolve(PreparedSegment.FILE_NAME);
        try {
            Files.deleteIfExists(path);
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writeFully(channel, ByteBuffer.allocate(1), segmentLength - 1L);
                if (durable) {
                    channel.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare segment " + path, e);
        }
        return new PreparedSegment(path, map(path, true));
    }

    /**
     * Turns a prepared file into the segment starting at {@code baseSequence}: writes the header through the
     * mapping (and forces it when {@code durable}), then renames the file to its segment name (and fsyncs the
     * directory when {@code durable}). A crash before the rename leaves only a temporary file; after it, a
     * segment with a complete header and no records.
     */
    static void adopt(Path directory, PreparedSegment prepared, long baseSequence, boolean durable) {
        MappedByteBuffer buffer = prepared.buffer;
        SegmentDescriptor.writeHeader(buffer, baseSequence, buffer.capacity());
        if (durable) {
            buffer.force(0, SegmentDescriptor.HEADER_LENGTH);
        }
        Path target = path(directory, baseSequence);
        try {
            Files.move(prepared.path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + prepared.path + " to " + target, e);
        }
        if (durable) {
            fsyncDirectory(directory);
        }
    }

    /** Deletes a prepared file nobody adopted. */
    static void discard(PreparedSegment prepared) {
        try {
            Files.deleteIfExists(prepared.path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + prepared.path, e);
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** Maps a whole file, little-endian. The mapping stays valid after the channel is closed. */
    static MappedByteBuffer map(Path path, boolean writable) {
        try (FileChannel channel = writable
                ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer buffer = channel.map(writable ? FileChannel.MapMode.READ_WRITE
                    : FileChannel.MapMode.READ_ONLY, 0, channel.size());
            buffer.order(ByteOrder.LITTLE_ENDIAN);
            return buffer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + path, e);
        }
    }

    static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + path, e);
        }
    }

    /** Makes creations, renames and deletions in {@code directory} durable (works on Linux and macOS). */
    static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync directory " + directory, e);
        }
    }

    static void createDirectories(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                Path parent = directory.toAbsolutePath().getParent();
                if (parent != null) {
                    fsyncDirectory(parent);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + directory, e);
        }
    }
}
