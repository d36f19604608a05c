package io.github.exchangeblocks.wal;

import java.nio.file.Path;

/**
 * What {@link Wal#repair(Path)} did.
 *
 * @param repaired        {@code true} if damage was found and the log truncated there
 * @param file            the segment where the first damage was, or {@code null} if none
 * @param offset          byte offset of that damage in {@code file}, or {@code -1}
 * @param lastSequence    the last sequence left in the log after the repair
 * @param segmentsRemoved number of later segment files set aside (renamed with suffix {@code .removed})
 */
public record RepairResult(boolean repaired, Path file, long offset, long lastSequence, int segmentsRemoved) {
}
