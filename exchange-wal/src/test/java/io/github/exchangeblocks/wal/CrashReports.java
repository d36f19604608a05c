package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The report file a {@link CrashWriterMain} child writes and {@link CrashRecoveryIT} reads. The child appends each
 * line with one {@code write} to a file opened with {@code O_APPEND}: once that call returns the line is in the
 * page cache, so SIGKILL cannot take it back, and nothing depends on a pipe the parent must drain in time. The
 * parent reads only whole lines (a final line without its newline is ignored).
 *
 * <p>Lines: {@code S} (main entered, before the log is opened), {@code R <last> <durable>} (opened),
 * {@code D <sequence>} (records up to it survive a kill of the child), {@code E <message>} (a broken promise the
 * child saw).
 */
final class CrashReports implements AutoCloseable {
    private final FileChannel channel;

    CrashReports(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Appends one line; callable from any thread. */
    synchronized void line(String text) {
        ByteBuffer bytes = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** What one child reported, parsed from its whole lines. */
    record Round(boolean started, long openedLast, long maxDurable, List<String> errors) {
        boolean opened() {
            return openedLast >= 0;
        }

        String phase() {
            return opened() ? "append" : started ? "open" : "start-up";
        }
    }

    static Round read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean started = false;
        long openedLast = -1;
        long maxDurable = 0;
        List<String> errors = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, from, i - from, StandardCharsets.US_ASCII);
            from = i + 1;
            String[] fields = line.split(" ");
            switch (fields[0]) {
                case "S" -> started = true;
                case "R" -> {
                    openedLast = Long.parseLong(fields[1]);
                    maxDurable = Math.max(maxDurable, Long.parseLong(fields[2]));
                }
                case "D" -> maxDurable = Math.max(maxDurable, Long.parseLong(fields[1]));
                case "E" -> errors.add(line);
                default -> errors.add("unknown report line: " + line);
            }
        }
        return new Round(started, openedLast, maxDurable, errors);
    }
}
