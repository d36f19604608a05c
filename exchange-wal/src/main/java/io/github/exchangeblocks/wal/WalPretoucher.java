package io.github.exchangeblocks.wal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Touches the pages of the active segment ahead of the writer, so that the page faults of a fresh, sparse
 * segment (the kernel allocating and zeroing page-cache memory, and reserving the file's blocks) are taken here
 * instead of inside {@code append}. Enabled by {@link WalConfig#pretouchBytes()}; with
 * {@link WalConfig#asyncPretouch()} the host runs the instance from {@link WalWriter#pretoucher()} on its own
 * thread, otherwise {@link WalWriter#doWork(long)} runs it on the writer thread, between appends.
 *
 * <p>Each touch is an atomic add of zero ({@code getAndAdd(0)}) on the first aligned 8-byte word of a 4 KiB page:
 * a write access, so the page is mapped writable, that never changes a byte. An atomic read-modify-write is
 * indivisible with respect to any store the writer makes to the same word at the same time, so the word holds
 * exactly what the writer wrote whichever comes first; records stay byte-identical even when the writer catches
 * up with the pretoucher. Pages already written are skipped: the pretoucher starts at the page after the writer's
 * published position, and restarts at the head of each new segment after a roll.
 *
 * <p>{@link #doWork()} must be called by one thread at a time; it touches at most {@value #PAGES_PER_CALL} pages
 * per call and allocates nothing. Calls after {@link WalWriter#close()} do nothing.
 */
public final class WalPretoucher {
    /** Bytes between touches: the smallest page size of the platforms the log runs on. */
    public static final int PAGE_BYTES = 4096;
    /** Most pages touched by one {@link #doWork()} call, which bounds the time of one call. */
    public static final int PAGES_PER_CALL = 16;

    private static final VarHandle LONG_VIEW = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final WalWriter writer;
    private final int aheadBytes;
    private PublishedTail current;
    private int nextPage;

    WalPretoucher(WalWriter writer, int aheadBytes) {
        this.writer = writer;
        this.aheadBytes = aheadBytes;
    }

    /**
     * Touches up to {@value #PAGES_PER_CALL} not yet touched pages between the writer's position and
     * {@link WalConfig#pretouchBytes()} beyond it, within the active segment.
     *
     * @return the number of pages touched; 0 when the pretoucher is far enough ahead (the caller may idle)
     */
    public int doWork() {
        PublishedTail tail = writer.publishedTail();
        if (tail.closedAcquire()) {
            return 0;
        }
        if (tail != current) {
            current = tail;
            nextPage = 0;
        }
        int position = tail.positionAcquire();
        int page = Math.max(nextPage, (position + PAGE_BYTES - 1) & -PAGE_BYTES);
        long end = Math.min(tail.buffer.capacity() - Long.BYTES + 1L, (long) position + aheadBytes);
        int touched = 0;
        while (page < end && touched < PAGES_PER_CALL) {
            LONG_VIEW.getAndAdd(tail.buffer, page, 0L);
            page += PAGE_BYTES;
            touched++;
        }
        nextPage = page;
        return touched;
    }
}
