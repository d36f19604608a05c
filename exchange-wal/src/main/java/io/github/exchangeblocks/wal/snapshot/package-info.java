/**
 * Atomic, checksummed application snapshots tagged with the log sequence they cover, and recovery as
 * "newest valid snapshot plus replay of the log after it". Layout in
 * {@link io.github.exchangeblocks.wal.snapshot.SnapshotDescriptor}.
 */
package io.github.exchangeblocks.wal.snapshot;
