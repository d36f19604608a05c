package io.github.exchangeblocks.wal;

import io.github.exchangeblocks.wal.snapshot.SnapshotStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One-off tool, run by hand, that wrote the golden files of format version 1 (segments and a snapshot) into a
 * new directory. It refuses to write into an existing directory: golden files are never regenerated. Usage:
 * {@code java -cp <test classpath> io.github.exchangeblocks.wal.GoldenFileGenerator <new directory>}.
 */
public final class GoldenFileGenerator {
    private GoldenFileGenerator() {
    }

    /**
     * Entry point.
     *
     * @param args the target directory, which must not exist yet
     * @throws IOException if the directory exists or cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        if (Files.exists(target)) {
            throw new IOException(target + " exists: golden files are never rewritten");
        }
        WalConfig config = WalConfig.builder(target).segmentLength(GoldenRecords.SEGMENT_LENGTH)
                .durabilityMode(DurabilityMode.SYNC_EACH).build();
        try (WalWriter writer = Wal.openWriter(config)) {
            for (long sequence = 1; sequence <= GoldenRecords.COUNT; sequence++) {
                byte[] payload = GoldenRecords.payload(sequence);
                writer.append(GoldenRecords.type(sequence), payload, 0, payload.length);
            }
        }
        byte[] snapshot = GoldenRecords.SNAPSHOT_TEXT.getBytes(StandardCharsets.US_ASCII);
        new SnapshotStore(target).write(GoldenRecords.SNAPSHOT_SEQUENCE, snapshot, 0, snapshot.length);
    }
}
