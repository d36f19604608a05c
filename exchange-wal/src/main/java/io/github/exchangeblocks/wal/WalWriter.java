package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32C;

import static io.github.exchangeblocks.wal.RecordDescriptor.HEADER_LENGTH;

/**
 * The single writer of a log. Appends records into memory-mapped, preallocated segments: the payload is copied
 * once, from the caller's array or buffer straight into the mapping (or written there directly through
 * {@link #claim(int, int)}), the checksum computed, and the frame length stored last with release ordering so
 * that tailers and post-crash readers never see half a record. Steady-state appends allocate nothing; rolling
 * to a new segment creates a file (or adopts one a {@link WalPretoucher} prepared). A rolled segment's mapping is
 * released when its buffer is garbage-collected: Java 17 offers no explicit unmap.
 *
 * <p>Durability follows {@link WalConfig#durabilityMode()}; {@link #durableSequence()} and the
 * {@link DurabilityListener} tell which records are on the device. The group-commit timer is driven by the host:
 * call {@link #doWork(long)} from the writer thread's duty cycle, or, with {@link WalConfig#asyncGroupCommit()}, run
 * {@link #flusher()} on a host thread so appends continue while the device syncs; the log owns no threads. With
 * {@link WalConfig#pretouchBytes()} a {@link WalPretoucher} takes the page faults of fresh segment pages ahead of
 * the writer, from {@code doWork} or, with {@link WalConfig#asyncPretouch()}, on a host thread running
 * {@link #pretoucher()}.
 *
 * <p>Holds an exclusive OS lock on the directory until {@link #close()}: a second writer, in any process, fails
 * to open. Not thread-safe: one thread appends, claims, commits and calls {@code doWork}; {@link #durableSequence()} may
 * be read from any thread. Obtain through {@link Wal#openWriter(WalConfig)}.
 */
public final class WalWriter implements AutoCloseable {
    private static final long NOT_PENDING = Long.MIN_VALUE;

    private final Path directory;
    private final int newSegmentLength;
    private final int maxPayloadLength;
    private final DurabilityMode mode;
    private final int groupCommitRecords;
    private final long groupCommitDelayNs;
    private final DurabilityListener listener;
    private final CRC32C crc = new CRC32C();
    private final RecordClaim claim = new RecordClaim();
    private final boolean truncatedTornTail;
    private final String tornTailReport;
    private final WriterLock lock;
    private final boolean asyncGroupCommit;
    private final WalFlusher flusher;
    private final WalPretoucher pretoucher;
    private final boolean asyncPretouch;
    private final boolean publishesTail;
    private volatile PublishedTail publishedTail;

    private final SegmentList segments;
    private MappedByteBuffer buffer;
    private ByteBuffer crcView;
    private ByteBuffer claimView;
    private int capacity;
    private int position;
    private int forcedPosition;
    private long nextSequence;
    private volatile long durableSequence;
    private long pendingSinceNs = NOT_PENDING;
    private int claimPosition = -1;
    private int claimType;
    private boolean closed;

    WalWriter(WalConfig config) {
        this.directory = config.directory();
        this.newSegmentLength = config.segmentLength();
        this.maxPayloadLength = config.maxPayloadLength();
        this.mode = config.durabilityMode();
        this.groupCommitRecords = config.groupCommitRecords();
        this.groupCommitDelayNs = config.groupCommitDelayNs();
        this.listener = config.durabilityListener();
        this.asyncGroupCommit = config.asyncGroupCommit();
        this.flusher = asyncGroupCommit ? new WalFlusher(this) : null;
        this.pretoucher = config.pretouchBytes() > 0 ? new WalPretoucher(this, config) : null;
        this.asyncPretouch = config.asyncPretouch();
        this.publishesTail = asyncGroupCommit || pretoucher != null;
        SegmentFiles.createDirectories(directory);
        this.lock = WriterLock.acquire(directory);
        LogScanner.State state;
        try {
            SegmentFiles.deleteTemporaryFiles(directory);
            state = LogScanner.scan(directory, true);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        this.truncatedTornTail = state.tornTail;
        this.tornTailReport = state.report;
        this.segments = new SegmentList(directory, state.bases);
        this.nextSequence = state.nextSequence;
        this.durableSequence = nextSequence - 1;
        if (segments.count() == 0 || state.lastSealed) {
            if (state.lastBuffer != null) {
                state.lastBuffer.force();
            }
            // durable in every mode: the directory entry is fsynced below, so its header must be on the device
            startSegment(true);
        } else {
            state.lastBuffer.force();
            activate(state.lastBuffer, state.tailPosition);
        }
        // everything recovered is reported durable: a previous NONE-mode writer may have died with rolled
        // segments only in the page cache, and directory entries (and any file cut or deleted) unsynced
        segments.forceAllButLast(segments.first());
        segments.syncDirectory(true);
    }

    /**
     * Appends a record whose payload is copied from an array.
     *
     * @param type   application record type, stored as is
     * @param src    payload source; not {@code null}
     * @param offset first payload byte in {@code src}
     * @param length payload length in bytes, {@code [0, WalConfig#maxPayloadLength()]}
     * @return the record's sequence
     * @throws IllegalArgumentException if the range is invalid or too long
     * @throws IllegalStateException    if closed or a claim is open
     */
    public long append(int type, byte[] src, int offset, int length) {
        Objects.requireNonNull(src, "src");
        checkAppend(offset, length, src.length);
        int frameLength = HEADER_LENGTH + length;
        int at = reserve(frameLength);
        buffer.put(at + HEADER_LENGTH, src, offset, length);
        return publish(at, frameLength, type);
    }

    /**
     * Appends a record whose payload is copied from a buffer, by absolute index; the buffer's position and limit
     * are neither used nor changed.
     *
     * @param type   application record type, stored as is
     * @param src    payload source, heap or direct; not {@code null}
     * @param offset absolute index of the first payload byte in {@code src}
     * @param length payload length in bytes, {@code [0, WalConfig#maxPayloadLength()]}
     * @return the record's sequence
     * @throws IllegalArgumentException if the range is invalid or too long
     * @throws IllegalStateException    if closed or a claim is open
     */
    public long append(int type, ByteBuffer src, int offset, int length) {
        Objects.requireNonNull(src, "src");
        checkAppend(offset, length, src.capacity());
        int frameLength = HEADER_LENGTH + length;
        int at = reserve(frameLength);
        buffer.put(at + HEADER_LENGTH, src, offset, length);
        return publish(at, frameLength, type);
    }

    /**
     * Claims space for a record in the log's buffer; write the payload into the returned claim, then
     * {@link #commit()} or {@link #abort()}. Nothing is visible to readers before the commit.
     *
     * @param type          application record type
     * @param payloadLength payload length in bytes, {@code [0, WalConfig#maxPayloadLength()]}
     * @return the reused claim flyweight, valid until commit or abort
     * @throws IllegalArgumentException if the length is invalid
     * @throws IllegalStateException    if closed or a claim is already open
     */
    public RecordClaim claim(int type, int payloadLength) {
        checkAppend(0, payloadLength, payloadLength);
        int frameLength = HEADER_LENGTH + payloadLength;
        claimPosition = reserve(frameLength);
        claimType = type;
        claim.wrap(claimView, claimPosition + HEADER_LENGTH, payloadLength, nextSequence);
        return claim;
    }

    /**
     * Commits the open claim as a record.
     *
     * @return the record's sequence
     * @throws IllegalStateException if no claim is open
     */
    public long commit() {
        if (claimPosition < 0) {
            throw new IllegalStateException("commit() needs an open claim");
        }
        int at = claimPosition;
        claimPosition = -1;
        return publish(at, HEADER_LENGTH + claim.payloadLength(), claimType);
    }

    /**
     * Abandons the open claim; its space is zeroed and reused by the next record.
     *
     * @throws IllegalStateException if no claim is open
     */
    public void abort() {
        if (claimPosition < 0) {
            throw new IllegalStateException("abort() needs an open claim");
        }
        Frames.zero(buffer, claimPosition, claimPosition
                + RecordDescriptor.alignedLength(HEADER_LENGTH + claim.payloadLength()));
        claimPosition = -1;
    }

    /**
     * Duty-cycle hook of the writer thread. For {@link DurabilityMode#GROUP} (without asynchronous group commit):
     * the first call that sees pending records starts the group's clock at {@code nowNs}; a later call at or after
     * that plus {@link WalConfig#groupCommitDelayNs()} forces them. Call it as often as the latency bound needs (a
     * record becomes durable within the delay plus one call interval). Then, with {@link WalConfig#pretouchBytes()}
     * set and {@link WalConfig#asyncPretouch()} not, it pretouches up to {@value WalPretoucher#PAGES_PER_CALL}
     * pages ahead of the append position, so the next appends take no page faults. Does nothing when closed or
     * when neither applies.
     *
     * @param nowNs the host's monotonic clock, in nanoseconds (e.g. {@link System#nanoTime()})
     * @return the work done: 1 if a force was done, plus the number of pages pretouched; 0 if idle
     */
    public int doWork(long nowNs) {
        if (closed) {
            return 0;
        }
        int work = groupCommitWork(nowNs);
        if (pretoucher != null && !asyncPretouch) {
            work += pretoucher.doWork();
        }
        return work;
    }

    private int groupCommitWork(long nowNs) {
        if (mode != DurabilityMode.GROUP || asyncGroupCommit || durableSequence == nextSequence - 1) {
            return 0;
        }
        if (pendingSinceNs == NOT_PENDING) {
            pendingSinceNs = nowNs;
        }
        if (nowNs - pendingSinceNs >= groupCommitDelayNs) {
            force();
            return 1;
        }
        return 0;
    }

    /**
     * The flusher to run on a host thread when {@link WalConfig#asyncGroupCommit()} is set.
     *
     * @return the single flusher of this writer
     * @throws IllegalStateException if asynchronous group commit is not configured
     */
    public WalFlusher flusher() {
        if (flusher == null) {
            throw new IllegalStateException("flusher() needs asyncGroupCommit=true in the WalConfig");
        }
        return flusher;
    }

    /**
     * The pretoucher to run on a host thread when {@link WalConfig#asyncPretouch()} is set.
     *
     * @return the single pretoucher of this writer
     * @throws IllegalStateException if asynchronous pretouching is not configured
     */
    public WalPretoucher pretoucher() {
        if (!asyncPretouch) {
            throw new IllegalStateException("pretoucher() needs asyncPretouch=true in the WalConfig");
        }
        return pretoucher;
    }

    /** Forces every appended record to the device now, in any mode, and tells the listener. */
    public void flush() {
        checkOpen();
        force();
    }

    /**
     * Highest sequence known to be on the device; readable from any thread.
     *
     * @return a sequence, or {@link RecordDescriptor#NULL_SEQUENCE} if none
     */
    public long durableSequence() {
        return durableSequence;
    }

    /**
     * Sequence of the last appended record.
     *
     * @return a sequence, or {@code firstSequence() - 1} if the log is empty
     */
    public long lastSequence() {
        return nextSequence - 1;
    }

    /**
     * Sequence of the oldest record still in the log (retention removes older ones).
     *
     * @return a sequence {@code >= 1}
     */
    public long firstSequence() {
        return segments.first();
    }

    /**
     * Whether opening found and truncated a torn tail: bad bytes after the last good record, or a last segment
     * that was empty, short or without a valid header and held no valid record ({@link #tornTailReport()} says
     * which).
     *
     * @return {@code true} if bytes after the last good record were discarded on open
     */
    public boolean truncatedTornTail() {
        return truncatedTornTail;
    }

    /**
     * What opening cut as a torn tail, for the operator's log: the file, the offset and expected sequence where
     * the valid records end and why the rest was not a record, or the last segment removed because it was
     * empty, short or without a valid header and held no valid record.
     *
     * @return a message naming file, offset and sequence; empty (never {@code null}) if nothing was cut
     */
    public String tornTailReport() {
        return tornTailReport;
    }

    /**
     * Retention: deletes the oldest segments whose records all have sequences {@code <= coveredSequence}. Never
     * deletes the active segment, nor any segment holding a record after {@code coveredSequence}. Call it with
     * the sequence of a durable snapshot.
     *
     * @param coveredSequence sequence covered by a durable snapshot
     * @return number of segment files deleted
     */
    public int deleteSegmentsCoveredBy(long coveredSequence) {
        checkOpen();
        return segments.deleteCoveredBy(coveredSequence);
    }

    /** Forces pending records (unless the mode is {@link DurabilityMode#NONE}) and closes the writer. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                if (mode != DurabilityMode.NONE) {
                    force();
                }
            } finally {
                publishedTail.close();
                PreparedSegment prepared = pretoucher == null ? null : pretoucher.ready();
                try {
                    if (prepared != null) {
                        SegmentFiles.discard(prepared);
                    }
                } finally {
                    lock.close();
                }
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("writer for " + directory + " is closed");
        }
    }

    private void checkAppend(int offset, int length, int srcLength) {
        checkOpen();
        if (claimPosition >= 0) {
            throw new IllegalStateException("a claim is open: commit() or abort() it first");
        }
        if (length < 0 || length > maxPayloadLength) {
            throw new IllegalArgumentException("length=" + length + " must be in [0, " + maxPayloadLength + "]");
        }
        if (offset < 0 || offset > srcLength - length) {
            throw new IllegalArgumentException("offset=" + offset + " length=" + length
                    + " must lie inside the source of " + srcLength + " bytes");
        }
    }

    private int reserve(int frameLength) {
        if (position + RecordDescriptor.alignedLength(frameLength) > capacity) {
            roll();
        }
        return position;
    }

    private long publish(int at, int frameLength, int type) {
        long sequence = nextSequence;
        MappedByteBuffer b = buffer;
        b.putLong(at + RecordDescriptor.SEQUENCE_OFFSET, sequence);
        b.putInt(at + RecordDescriptor.TYPE_OFFSET, type);
        b.putInt(at + RecordDescriptor.RESERVED_OFFSET, 0);
        b.putInt(at + RecordDescriptor.CRC_OFFSET,
                Frames.crc(crc, crcView, at + RecordDescriptor.SEQUENCE_OFFSET, at + frameLength));
        Frames.lengthRelease(b, at, frameLength);
        position = at + RecordDescriptor.alignedLength(frameLength);
        nextSequence = sequence + 1;
        if (publishesTail) {
            publishedTail.publish(position, sequence);
        }
        if (!asyncGroupCommit && (mode == DurabilityMode.SYNC_EACH
                || (mode == DurabilityMode.GROUP && sequence - durableSequence >= groupCommitRecords))) {
            force();
        }
        return sequence;
    }

    private void force() {
        segments.forceRolled();
        if (position > forcedPosition) {
            buffer.force(forcedPosition, position - forcedPosition);
            forcedPosition = position;
        }
        segments.syncDirectory(false);
        pendingSinceNs = NOT_PENDING;
        long last = nextSequence - 1;
        if (last > durableSequence) {
            advanceDurable(last);
        }
    }

    PublishedTail publishedTail() {
        return publishedTail;
    }

    /** Raises the durable sequence and tells the listener; serialised between writer and flusher threads. */
    synchronized void advanceDurable(long sequence) {
        if (sequence > durableSequence) {
            durableSequence = sequence;
            listener.onDurable(sequence);
        }
    }

    private void roll() {
        if (position < capacity) {
            Frames.lengthRelease(buffer, position, RecordDescriptor.END_OF_SEGMENT);
            position += RecordDescriptor.ALIGNMENT;
        }
        if (mode != DurabilityMode.NONE) {
            force();
        } else if (position > forcedPosition) {
            segments.rolledUnforced();
        }
        startSegment(mode != DurabilityMode.NONE);
    }

    private void startSegment(boolean durable) {
        PreparedSegment prepared = pretoucher == null ? null : pretoucher.ready();
        MappedByteBuffer segment = segments.start(nextSequence, newSegmentLength, prepared, durable);
        if (prepared != null) {
            pretoucher.adopted();
        }
        activate(segment, SegmentDescriptor.HEADER_LENGTH);
        if (!durable) {
            forcedPosition = 0;
        }
    }

    private void activate(MappedByteBuffer segment, int tailPosition) {
        buffer = segment;
        crcView = segment.duplicate();
        claimView = segment.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        capacity = segment.capacity();
        position = tailPosition;
        forcedPosition = tailPosition;
        publishedTail = new PublishedTail(segment, tailPosition, nextSequence - 1);
    }
}
