package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Verifies a whole log end to end, as on open, by the rule of {@link SegmentScan}: segment chain, headers, every
 * record's checksum and sequence. A torn tail is reported and, when {@code writable}, zeroed and forced; a last
 * segment cut as a torn tail (empty, short or header-less, holding no valid record) is reported and, when
 * {@code writable}, deleted with a directory fsync. Anything else throws {@link WalCorruptionException}.
 */
final class LogScanner {
    /** What the scan found; the last segment's mapping is kept for the writer. */
    static final class State {
        long[] bases = new long[0];
        long nextSequence = RecordDescriptor.FIRST_SEQUENCE;
        MappedByteBuffer lastBuffer;
        int tailPosition;
        boolean lastSealed;
        boolean tornTail;
        String report = "";
    }

    private LogScanner() {
    }

    static State scan(Path directory, boolean writable) {
        State state = new State();
        state.bases = SegmentFiles.list(directory);
        if (state.bases.length > 0) {
            state.nextSequence = state.bases[0];
        }
        SegmentScan scan = new SegmentScan();
        for (int i = 0; i < state.bases.length; i++) {
            long base = state.bases[i];
            boolean last = i == state.bases.length - 1;
            Path path = SegmentFiles.path(directory, base);
            MappedByteBuffer buffer = scan.open(path, base, state.nextSequence, last, writable && last);
            if (buffer == null) {
                cutLastSegment(directory, state, path, scan.report(), writable);
                break;
            }
            int end = scan.records(path, buffer, state.nextSequence, last, Long.MAX_VALUE, null, null);
            state.nextSequence = scan.nextSequence();
            if (end == SegmentScan.TORN) {
                state.tornTail = true;
                state.report = scan.report();
                if (writable) {
                    Frames.zero(buffer, scan.position(), buffer.capacity());
                    buffer.force();
                }
            }
            state.lastBuffer = buffer;
            state.tailPosition = scan.position();
            state.lastSealed = end == SegmentScan.SEALED;
        }
        return state;
    }

    /** The previous segment (if any) becomes the last one, finished: the writer starts a new one at the cut base. */
    private static void cutLastSegment(Path directory, State state, Path path, String report, boolean writable) {
        state.tornTail = true;
        state.report = report;
        state.bases = Arrays.copyOf(state.bases, state.bases.length - 1);
        state.lastSealed = true;
        if (writable) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + path, e);
            }
            SegmentFiles.fsyncDirectory(directory);
        }
    }
}
