package io.github.exchangeblocks.wal;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Follows a log that is being written, in this or another process: each {@link #poll(RecordHandler, int)}
 * delivers the records committed since the last one, crossing into new segments as the writer rolls. Reads the
 * commit word with acquire ordering, so a record is delivered only once complete; every checksum is verified.
 *
 * <p>Where a poll finds no valid record it applies the rule {@link Wal#verify(Path)} and the writer's open apply
 * (one shared implementation): damage before the tail throws {@link WalCorruptionException}; the live tail, or a
 * torn tail or cut last segment left by a crash, waits for the writer. Telling those apart needs the rest of the
 * segment read once: a finished segment is read at the first stop in it, the live one in pieces of
 * {@value #SCAN_BYTES_PER_POLL} bytes per poll that finds nothing new where the previous poll also stopped, so
 * damage in the live segment is reported at the latest after segment length / {@value #SCAN_BYTES_PER_POLL} + 1
 * such polls, no poll reads more than one piece, and a poll that delivers records reads none. Reading the
 * unwritten part of a sparse segment makes the kernel allocate (and read ahead) page-cache pages the writer
 * would fault in anyway; with a large readahead window the first piece of each segment takes milliseconds. The first stop in each segment lists the directory (and allocates for it).
 *
 * <p>Not thread-safe: one thread polls. Allocates only when it maps the next segment and at the first stop in
 * each segment. Obtain through
 * {@link Wal#openTailer(Path, long)}.
 */
public final class WalTailer {
    /** Bytes of the live segment a stopped poll searches for damage, at most. */
    static final int SCAN_BYTES_PER_POLL = 16 * 1024;
    private static final int STALL_RETRY = -1;
    private static final int STALL_UNCHECKED = 0;
    private static final int STALL_SCANNING = 1;
    private static final int STALL_DONE = 2;

    private final Path directory;
    private final long fromSequence;
    private final CRC32C crc = new CRC32C();
    private final SegmentScan scan = new SegmentScan();
    private final WalRecord record = new WalRecord();
    private MappedByteBuffer buffer;
    private ByteBuffer crcView;
    private ByteBuffer recordView;
    private Path segmentPath;
    private long segmentBase;
    private int stallState;
    private int scanCursor;
    private int lastStop = -1;
    private int position;
    private long nextSequence;

    WalTailer(Path directory, long fromSequence) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.fromSequence = fromSequence;
        long[] bases = SegmentFiles.list(directory);
        if (fromSequence < RecordDescriptor.FIRST_SEQUENCE) {
            throw new IllegalArgumentException("fromSequence=" + fromSequence + " must be >= "
                    + RecordDescriptor.FIRST_SEQUENCE);
        }
        if (bases.length > 0 && fromSequence < bases[0]) {
            throw new IllegalArgumentException("fromSequence=" + fromSequence
                    + " must be >= the first retained sequence " + bases[0]);
        }
        long start = bases.length == 0 ? RecordDescriptor.FIRST_SEQUENCE : bases[0];
        for (long base : bases) {
            if (base <= fromSequence) {
                start = base;
            }
        }
        this.nextSequence = start;
    }

    /**
     * Delivers up to {@code limit} newly committed records with sequences {@code >= fromSequence}.
     *
     * @param handler receives each record; not {@code null}
     * @param limit   most records to deliver in this call, {@code >= 1}
     * @return number of records delivered; {@code 0} if none are available yet (or the log ends in a torn tail
     *     that the writer's open will cut)
     * @throws WalCorruptionException if the log is damaged before its tail: a committed record fails its checksum
     *     or sequence while a valid record follows, a segment is unsealed while a later one exists, a header is
     *     bad
     * @throws IllegalStateException  if the next segment is gone while later ones exist (deleted by retention
     *     before this tailer read it)
     */
    public int poll(RecordHandler handler, int limit) {
        int delivered = 0;
        while (delivered < limit) {
            if (buffer == null && !mapSegment()) {
                return delivered;
            }
            if (position >= buffer.capacity()) {
                buffer = null;
                continue;
            }
            int frameLength = Frames.lengthAcquire(buffer, position);
            if (frameLength == Frames.SEALED) {
                buffer = null;
                continue;
            }
            int result = frameLength == Frames.EMPTY ? Frames.EMPTY
                    : Frames.check(buffer, crcView, crc, position, nextSequence);
            if (result <= 0) {
                int outcome = checkStall(frameLength, result);
                if (outcome == STALL_RETRY) {
                    continue;
                }
                if (outcome == SegmentScan.SEALED) {
                    buffer = null;
                    continue;
                }
                return delivered;
            }
            if (nextSequence >= fromSequence) {
                record.wrap(recordView, position, result - RecordDescriptor.HEADER_LENGTH, nextSequence,
                        buffer.getInt(position + RecordDescriptor.TYPE_OFFSET));
                handler.onRecord(record);
                delivered++;
            }
            position += RecordDescriptor.alignedLength(result);
            nextSequence++;
        }
        return delivered;
    }

    /**
     * The sequence of the next record this tailer will look at.
     *
     * @return a sequence {@code >= 1}
     */
    public long nextSequence() {
        return nextSequence;
    }

    /**
     * Applies the log's end rule ({@link SegmentScan}) where a poll stops. The first stop in a segment lists the
     * directory: if a later segment exists, the writer is done with this one and the whole rule applies at once
     * (damage throws as {@link Wal#verify} would; a lost end-of-segment marker before the later segment moves
     * on). In the last segment, the live one, the search for a valid record after the stop is done in pieces of
     * {@value #SCAN_BYTES_PER_POLL} bytes, one piece per poll that stops where the previous poll stopped (so a
     * poll that delivers records searches nothing), continuing where the previous piece ended, until the end of
     * the segment: a valid record found after the stop while the stop is still there is damage. A writer racing the check (committing the stop position while the rest is read) is told apart
     * by reading the stop position again, with acquire ordering, after the rest was read.
     *
     * @return {@link #STALL_RETRY} if the stop position changed meanwhile, {@link SegmentScan#SEALED} to move to
     *     the next segment, anything else to wait
     */
    private int checkStall(int frameLength, int result) {
        if (stallState == STALL_DONE) {
            return SegmentScan.CLEAN;
        }
        if (stallState == STALL_UNCHECKED) {
            if (!isLastSegment()) {
                return checkFinishedSegment(frameLength, result);
            }
            stallState = STALL_SCANNING;
            scanCursor = position;
        }
        if (position != lastStop) {
            // first stop here: the writer may be mid-burst, so search only if the next poll stops here again
            lastStop = position;
            return SegmentScan.CLEAN;
        }
        int from = Math.max(scanCursor, position);
        int to = (int) Math.min((long) from + SCAN_BYTES_PER_POLL, buffer.capacity());
        int valid = scan.findValidRecordAfter(buffer, crcView, from, to, nextSequence);
        VarHandle.acquireFence();
        if (Frames.lengthAcquire(buffer, position) != frameLength) {
            return STALL_RETRY;
        }
        if (valid >= 0) {
            throw scan.damage(segmentPath, buffer, crcView, position, nextSequence, valid);
        }
        scanCursor = to - RecordDescriptor.ALIGNMENT;
        if (to >= buffer.capacity()) {
            stallState = STALL_DONE;
        }
        return SegmentScan.CLEAN;
    }

    private int checkFinishedSegment(int frameLength, int result) {
        try {
            int end = scan.end(segmentPath, buffer, crcView, position, nextSequence, result, false);
            VarHandle.acquireFence();
            return Frames.lengthAcquire(buffer, position) != frameLength ? STALL_RETRY : end;
        } catch (WalCorruptionException e) {
            VarHandle.acquireFence();
            if (Frames.lengthAcquire(buffer, position) != frameLength) {
                return STALL_RETRY;
            }
            throw e;
        }
    }

    private boolean isLastSegment() {
        long[] bases = SegmentFiles.list(directory);
        return bases.length == 0 || bases[bases.length - 1] <= segmentBase;
    }

    private boolean mapSegment() {
        Path path = SegmentFiles.path(directory, nextSequence);
        if (!Files.exists(path)) {
            long[] bases = SegmentFiles.list(directory);
            if (bases.length == 0 || bases[bases.length - 1] <= nextSequence) {
                return false;
            }
            if (Files.exists(path)) {
                return false;
            }
            // segments are created in sequence order, so once a later one is listed, a missing one stays missing
            throw new IllegalStateException("no segment starts at sequence " + nextSequence + " in " + directory
                    + " but a later one does: retention deleted records before this tailer read them, or a"
                    + " segment is missing");
        }
        long[] bases = SegmentFiles.list(directory);
        boolean last = bases.length == 0 || bases[bases.length - 1] <= nextSequence;
        MappedByteBuffer segment = scan.open(path, nextSequence, nextSequence, last, false);
        if (segment == null) {
            // a last segment with no valid record and no valid header: the next writer cuts and recreates it
            return false;
        }
        buffer = segment;
        crcView = segment.duplicate();
        recordView = segment.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        segmentPath = path;
        segmentBase = nextSequence;
        position = SegmentDescriptor.HEADER_LENGTH;
        stallState = STALL_UNCHECKED;
        lastStop = -1;
        return true;
    }
}
