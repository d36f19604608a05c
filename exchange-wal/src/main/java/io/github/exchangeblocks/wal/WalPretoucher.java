package io.github.exchangeblocks.wal;

import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * Keeps the pages ahead of the writer mapped and writable, so that the page faults of fresh segment pages (the
 * kernel allocating and zeroing page-cache memory and reserving the file's blocks) are taken here instead of
 * inside {@code append}, and prepares the next segment file before the writer needs it, so that a roll only
 * writes a header and renames a file. Enabled by {@link WalConfig#pretouchBytes()}; with
 * {@link WalConfig#asyncPretouch()} the host runs the instance from {@link WalWriter#pretoucher()} on its own
 * thread, otherwise {@link WalWriter#doWork(long)} runs it on the writer thread, between appends.
 *
 * <p>Each touch is an atomic add of zero ({@code getAndAdd(0)}) on the first 8-byte word of a 4 KiB page: a
 * write access, so the page is mapped writable, that never changes a byte. An atomic read-modify-write is
 * indivisible with respect to any store the writer makes to the same word at the same time, so the word holds
 * exactly what the writer wrote whichever comes first; records stay byte-identical even when the writer catches
 * up with the pretoucher. Pages already written are skipped: touching starts at the page after the writer's
 * published position.
 *
 * <p>When the window of {@code pretouchBytes} ahead of the writer reaches past the end of the active segment, the
 * next segment is created (sparse, under a temporary name, forced when the mode is durable), mapped and touched
 * from its start; the writer adopts it on its next roll. If creating it fails (a full disk, say), the roll
 * creates the segment itself as without pretouching, and reports the error if it fails again.
 *
 * <p>{@link #doWork()} must be called by one thread at a time; it touches at most {@value #PAGES_PER_CALL} pages
 * per call and allocates nothing, except for the objects of a prepared segment (once per segment). Calls after
 * {@link WalWriter#close()} do nothing.
 */
public final class WalPretoucher {
    /** Bytes between touches: the smallest page size of the platforms the log runs on. */
    public static final int PAGE_BYTES = 4096;
    /** Most pages touched by one {@link #doWork()} call, which bounds the time of one call. */
    public static final int PAGES_PER_CALL = 16;

    private static final VarHandle LONG_VIEW = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final WalWriter writer;
    private final Path directory;
    private final int segmentLength;
    private final boolean durable;
    private final int aheadBytes;
    private PublishedTail current;
    private int nextPage;
    private PreparedSegment pending;
    private int pendingNextPage;
    private PublishedTail failedFor;
    private volatile PreparedSegment ready;

    WalPretoucher(WalWriter writer, WalConfig config) {
        this.writer = writer;
        this.directory = config.directory();
        this.segmentLength = config.segmentLength();
        this.durable = config.durabilityMode() != DurabilityMode.NONE;
        this.aheadBytes = config.pretouchBytes();
    }

    /**
     * Touches up to {@value #PAGES_PER_CALL} not yet touched pages between the writer's position and
     * {@link WalConfig#pretouchBytes()} beyond it, preparing the next segment first when that window reaches
     * past the active one.
     *
     * @return the work done (pages touched, plus one for a segment prepared); 0 when the pretoucher is far enough
     *     ahead, so the caller may idle
     */
    public int doWork() {
        PublishedTail tail = writer.publishedTail();
        if (tail.closedAcquire()) {
            return 0;
        }
        if (tail != current) {
            current = tail;
            nextPage = 0;
            if (pending != null && pending.buffer == tail.buffer) {
                nextPage = pendingNextPage;
                pending = null;
            }
        }
        int position = tail.positionAcquire();
        int page = Math.max(nextPage, (position + PAGE_BYTES - 1) & -PAGE_BYTES);
        long windowEnd = (long) position + aheadBytes;
        int touched = touch(tail.buffer, page, windowEnd, PAGES_PER_CALL);
        nextPage = page + touched * PAGE_BYTES;
        int capacity = tail.buffer.capacity();
        if (touched == PAGES_PER_CALL || windowEnd <= capacity) {
            return touched;
        }
        int work = touched;
        if (pending == null) {
            if (failedFor == tail || !prepare()) {
                failedFor = tail;
                return work;
            }
            work++;
        }
        int more = touch(pending.buffer, pendingNextPage, windowEnd - capacity, PAGES_PER_CALL - touched);
        pendingNextPage += more * PAGE_BYTES;
        return work + more;
    }

    /** The segment prepared for the writer's next roll, or {@code null}; writer thread. */
    PreparedSegment ready() {
        return ready;
    }

    /** Called by the writer once it has adopted (renamed) {@link #ready()}; the file name is free again. */
    void adopted() {
        ready = null;
    }

    private boolean prepare() {
        PreparedSegment segment;
        try {
            segment = SegmentFiles.prepare(directory, segmentLength, durable);
        } catch (UncheckedIOException e) {
            return false;
        }
        pending = segment;
        pendingNextPage = 0;
        ready = segment;
        return true;
    }

    /**
     * Touches pages from {@code from} (page-aligned) while they start before {@code windowEnd} and their first word
     * fits the buffer, at most {@code maxPages}; safe against concurrent plain writes by another thread.
     *
     * @return the number of pages touched
     */
    static int touch(MappedByteBuffer buffer, int from, long windowEnd, int maxPages) {
        long end = Math.min(buffer.capacity() - Long.BYTES + 1L, windowEnd);
        int touched = 0;
        for (long page = from; page < end && touched < maxPages; page += PAGE_BYTES) {
            LONG_VIEW.getAndAdd(buffer, (int) page, 0L);
            touched++;
        }
        return touched;
    }
}
