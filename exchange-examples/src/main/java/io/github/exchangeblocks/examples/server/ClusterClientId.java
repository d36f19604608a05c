package io.github.exchangeblocks.examples.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The cluster client id of one server run. The cluster remembers the last command sequence applied under each
 * client id, so a gateway must never reuse one: a restarted gateway numbering from 1 again under an old id would
 * have its first commands taken for resends and dropped.
 *
 * <p>An id is {@code gateway * 2^24 + run}: {@code gateway} is a random 31-bit number drawn once per data directory
 * (so two servers with data directories of their own do not collide), {@code run} counts the runs on that data
 * directory, 1 to 2^24 - 1. Both are kept in a small properties file, written to a temporary file, forced and moved
 * over the old one before the id is used: a crash never hands out the same id twice. Not thread-safe; one server
 * per data directory.
 */
final class ClusterClientId {
    static final int RUN_BITS = 24;
    private static final String GATEWAY = "gateway";
    private static final String RUN = "run";

    private ClusterClientId() {
    }

    /**
     * Takes the next id of the data directory.
     *
     * @param file the counter file, created with its directory on first use
     * @return a client id this file never returned before, {@code > 0}
     * @throws UncheckedIOException  if the file cannot be read or written
     * @throws IllegalStateException if the file is damaged or its runs are used up
     */
    static long next(Path file) {
        try {
            Properties counter = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    counter.load(in);
                }
            } else {
                counter.setProperty(GATEWAY, Integer.toString(new SecureRandom().nextInt(Integer.MAX_VALUE) + 1));
                counter.setProperty(RUN, "0");
            }
            long gateway = field(counter, file, GATEWAY, Integer.MAX_VALUE);
            long run = field(counter, file, RUN, (1L << RUN_BITS) - 2) + 1;
            counter.setProperty(RUN, Long.toString(run));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = Files.newBufferedWriter(temporary, StandardCharsets.ISO_8859_1)) {
                counter.store(out, "cluster client ids of this data directory: gateway * 2^24 + run");
            }
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return (gateway << RUN_BITS) + run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take a cluster client id from " + file, e);
        }
    }

    private static long field(Properties counter, Path file, String name, long max) {
        String text = counter.getProperty(name);
        long value;
        try {
            value = Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": " + name + "=" + text + " must be a number in 0.." + max);
        }
        if (value < 0 || value > max) {
            throw new IllegalStateException(file + ": " + name + "=" + value + " must be in 0.." + max
                    + (name.equals(RUN) ? " (this data directory's runs are used up: start on a new one)" : ""));
        }
        return value;
    }
}
