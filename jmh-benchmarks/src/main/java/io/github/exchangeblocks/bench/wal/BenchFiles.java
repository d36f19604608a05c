package io.github.exchangeblocks.bench.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary benchmark directories: created under {@code java.io.tmpdir}, deleted with everything in them. */
final class BenchFiles {
    private BenchFiles() {
    }

    static Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Collects garbage, which unmaps the segments of logs that were closed and deleted (Java 17 has no other way
     * to unmap a {@code MappedByteBuffer}). Without it their dirty pages stay in the page cache, tied to deleted
     * files, until the kernel writes them back: iterations after the first few would pay for the write-back of
     * their predecessors' garbage (in one run here, NONE-mode throughput halved once about 2.3 GB were dirty, the
     * background write-back threshold of this machine). Called between iterations, outside the measurement, for every log benchmark alike.
     */
    static void releaseMappings() {
        System.gc();
    }

    static byte[] payload(int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        return payload;
    }
}
