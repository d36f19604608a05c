package io.github.exchangeblocks.wal.snapshot;

import io.github.exchangeblocks.wal.RecordHandler;
import io.github.exchangeblocks.wal.Wal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Start-up recovery: the newest valid snapshot, then a replay of every log record after it. Run it before
 * opening the writer, or after {@link Wal#openWriter} has truncated a torn tail; it does not modify anything.
 *
 * <p>The whole log is verified first, with or without a snapshot, by the rule {@link Wal#verify(Path)} and the
 * writer's open apply: a log damaged before its tail throws before anything is handed to the callbacks, so a
 * host never applies a shortened history. A torn tail ends the replay where the writer's open will cut it.
 *
 * <p>Stateless; thread-safe.
 */
public final class Recovery {
    private Recovery() {
    }

    /**
     * Restores application state.
     *
     * @param snapshots  where snapshots live; not {@code null}
     * @param logDirectory the log directory; not {@code null}
     * @param onSnapshot given the newest valid snapshot first, if there is one; not {@code null}
     * @param onRecord   given every record after the snapshot, in order, on the calling thread; not {@code null}
     * @return the last sequence applied (the snapshot's, or the last replayed record's), or {@code 0} if none
     * @throws IllegalStateException if the log ends before the snapshot's sequence or no longer holds the records
     *     right after it
     * @throws io.github.exchangeblocks.wal.WalCorruptionException if the log is damaged before its tail
     */
    public static long recover(SnapshotStore snapshots, Path logDirectory, Consumer<Snapshot> onSnapshot,
                               RecordHandler onRecord) {
        Objects.requireNonNull(onSnapshot, "onSnapshot");
        Objects.requireNonNull(onRecord, "onRecord");
        Snapshot snapshot = Objects.requireNonNull(snapshots, "snapshots").loadLatest();
        long verifiedLast = Wal.verify(logDirectory);
        long from = 1;
        if (snapshot != null) {
            if (verifiedLast < snapshot.sequence()) {
                throw new IllegalStateException("snapshot covers sequence " + snapshot.sequence()
                        + " but the log in " + logDirectory + " ends at " + verifiedLast);
            }
            onSnapshot.accept(snapshot);
            from = snapshot.sequence() + 1;
        }
        try {
            long last = Wal.openReader(logDirectory).replay(from, onRecord);
            return snapshot != null && last < from ? snapshot.sequence() : Math.max(last, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the log in " + logDirectory + " no longer holds sequence " + from
                    + " needed after the snapshot: " + e.getMessage(), e);
        }
    }
}
