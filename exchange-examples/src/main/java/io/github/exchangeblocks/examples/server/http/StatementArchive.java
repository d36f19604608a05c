package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.settlement.AccountStatement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps each settled day's statements in {@code <data-dir>/settlements/<yyyymmdd>.json} ({@link StatementFile}), so
 * the settlement history survives restarts. Files are written on one background thread (the engine thread only hands
 * the day over), to a temporary file forced to the device and then renamed. A day settled just before a crash may
 * miss its file: the settlement itself is in the journal, its statements are not re-published by replay.
 */
final class StatementArchive implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StatementArchive.class.getName());

    private final Path directory;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "http-api-statements");
        thread.setDaemon(true);
        return thread;
    });

    StatementArchive(Path directory) {
        this.directory = directory;
    }

    /** Reads every day's file, newest {@code maxDays}; a damaged file is logged and skipped. */
    TreeMap<Integer, List<AccountStatement>> load(int maxDays) {
        TreeMap<Integer, List<AccountStatement>> days = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return days;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "[0-9]*.json")) {
            for (Path file : files) {
                try {
                    List<AccountStatement> statements = StatementFile.read(Files.readAllBytes(file));
                    if (!statements.isEmpty()) {
                        days.put(statements.get(0).tradingDay(), statements);
                    }
                } catch (IllegalArgumentException e) {
                    LOG.log(System.Logger.Level.WARNING, "skipping the damaged statements file " + file, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the statements in " + directory, e);
        }
        while (days.size() > maxDays) {
            days.pollFirstEntry();
        }
        return days;
    }

    /** Queues the day's file; returns at once. */
    void save(int tradingDay, List<AccountStatement> statements) {
        List<AccountStatement> copy = List.copyOf(statements);
        writer.execute(() -> {
            try {
                write(tradingDay, copy);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot write the statements of " + tradingDay, e);
            }
        });
    }

    private void write(int tradingDay, List<AccountStatement> statements) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(tradingDay + ".json");
        Path temp = directory.resolve(tradingDay + ".json.tmp");
        Files.write(temp, StatementFile.write(tradingDay, statements), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "statements still being written at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
