package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive lock on a log directory held by its writer (or a repair): an OS file lock on {@value #FILE_NAME},
 * released on close or when the process dies, so a second writer, in this or another process, fails fast
 * instead of interleaving records.
 */
final class WriterLock implements AutoCloseable {
    static final String FILE_NAME = "writer.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static WriterLock acquire(Path directory) {
        Path path = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
        RuntimeException failure;
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new WriterLock(channel, lock);
            }
            failure = new IllegalStateException("the log in " + directory + " is open by another writer (" + path
                    + " is locked)");
        } catch (OverlappingFileLockException e) {
            failure = new IllegalStateException("the log in " + directory
                    + " is already open by a writer in this process", e);
        } catch (IOException e) {
            failure = new UncheckedIOException("cannot lock " + path, e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the writer lock", e);
        }
    }
}
