package io.github.exchangeblocks.wal;

import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * A segment file created and mapped ahead of need by a {@link WalPretoucher}, under the temporary name
 * {@value #FILE_NAME} and without a header: the base sequence is only known when the writer rolls and adopts it
 * ({@link SegmentFiles#adopt}), which then writes the header and renames the file, so the roll is a swap. A crash
 * before the adoption leaves a temporary file that the next writer deletes on open.
 */
final class PreparedSegment {
    /** Name of the prepared file; one at a time per log, matched by the temporary-file clean-up on open. */
    static final String FILE_NAME = "next" + SegmentDescriptor.FILE_SUFFIX + SegmentFiles.TMP_SUFFIX;

    final Path path;
    final MappedByteBuffer buffer;

    PreparedSegment(Path path, MappedByteBuffer buffer) {
        this.path = path;
        this.buffer = buffer;
    }
}
