/**
 * A segmented, append-only write-ahead log.
 *
 * <p>Entry point: {@link io.github.exchangeblocks.wal.Wal}. A single {@link io.github.exchangeblocks.wal.WalWriter}
 * appends records (zero-copy from a caller's buffer or claim/commit into the log's buffer) with one of three
 * {@link io.github.exchangeblocks.wal.DurabilityMode}s; {@link io.github.exchangeblocks.wal.WalReader} replays
 * from any sequence and {@link io.github.exchangeblocks.wal.WalTailer} follows a log that is being written. The
 * log owns no threads: a host thread may run a {@link io.github.exchangeblocks.wal.WalFlusher} (asynchronous group
 * commit) and a {@link io.github.exchangeblocks.wal.WalPretoucher} (takes the page faults of fresh segment pages
 * and prepares the next segment ahead of the writer), or the writer's own duty cycle does that work. On
 * open the log is verified end to end: a torn last record is truncated, any damage before the tail fails the
 * open with a {@link io.github.exchangeblocks.wal.WalCorruptionException} that names file, offset and sequence,
 * and the reader, the tailer and {@link io.github.exchangeblocks.wal.Wal#verify(java.nio.file.Path)} find the
 * end of the log by the same rule, so none of them stops silently at damage; {@link io.github.exchangeblocks.wal.Wal#repair(java.nio.file.Path)} truncates there on an operator's
 * decision. Binary layouts are documented in {@link io.github.exchangeblocks.wal.SegmentDescriptor} and
 * {@link io.github.exchangeblocks.wal.RecordDescriptor}.
 */
package io.github.exchangeblocks.wal;
