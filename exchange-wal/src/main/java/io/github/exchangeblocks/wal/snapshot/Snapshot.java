package io.github.exchangeblocks.wal.snapshot;

/**
 * A loaded, verified application snapshot.
 *
 * @param sequence the last log sequence the snapshot covers; replay continues at {@code sequence + 1}
 * @param data     the opaque application bytes (the array is owned by the caller after loading)
 */
public record Snapshot(long sequence, byte[] data) {
}
