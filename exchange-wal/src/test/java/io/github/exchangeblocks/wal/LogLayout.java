package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where each record of a log lies on disk, found by replaying it; for damage tests. */
final class LogLayout {
    /** One record: its segment file, frame start, unaligned frame end. */
    record Frame(long sequence, Path file, int start, int end) {
        int alignedEnd() {
            return start + RecordDescriptor.alignedLength(end - start);
        }
    }

    private LogLayout() {
    }

    static List<Frame> frames(Path directory) {
        long[] bases = SegmentFiles.list(directory);
        List<Frame> frames = new ArrayList<>();
        Wal.openReader(directory).replay(bases[0], r -> {
            long base = bases[0];
            for (long b : bases) {
                if (b <= r.sequence()) {
                    base = b;
                }
            }
            frames.add(new Frame(r.sequence(), SegmentFiles.path(directory, base),
                    r.payloadOffset() - RecordDescriptor.HEADER_LENGTH, r.payloadOffset() + r.payloadLength()));
        });
        return frames;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
