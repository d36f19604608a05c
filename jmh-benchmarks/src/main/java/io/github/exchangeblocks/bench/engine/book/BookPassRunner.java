package io.github.exchangeblocks.bench.engine.book;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * One book replaying the mixed stream, pass by pass, for {@link BookBuildsTool}: each call resets the book to the
 * prefilled shape (untimed), runs a full collection, replays the measured commands and returns the replaying
 * thread's CPU time in nanoseconds. Public and built only on types of the JDK so that the tool can create one in
 * each build's class loader and call it through {@link LongSupplier}. Not thread-safe.
 */
public final class BookPassRunner implements LongSupplier {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final BookReplay replay;
    /** Accepted commands so far, kept so that the replay cannot be optimised away. */
    private long accepted;

    /**
     * @param shape a {@link BookShape} name
     * @param impl a {@link BookReplay.Impl} name
     * @param sizing a {@link BookSizing} name (used for the exchange-blocks book only)
     */
    public BookPassRunner(String shape, String impl, String sizing) {
        BookShape bookShape = BookShape.valueOf(shape);
        BookReplay.Impl book = BookReplay.Impl.valueOf(impl);
        replay = book == BookReplay.Impl.EXCHANGE_BLOCKS
            ? new BookReplay(bookShape, book, BookSizing.valueOf(sizing)) : new BookReplay(bookShape, book);
    }

    /** The number of measured commands one pass replays. */
    public int commandsPerPass() {
        return replay.stream.length - replay.stream.prefillLength;
    }

    /** Accepted commands over all passes so far. */
    public long accepted() {
        return accepted;
    }

    @Override
    public long getAsLong() {
        replay.reset();
        System.gc();
        int end = replay.stream.length;
        long start = threads.getCurrentThreadCpuTime();
        long count = 0;
        for (int i = replay.stream.prefillLength; i < end; i++) {
            count += replay.apply(i);
        }
        long spent = threads.getCurrentThreadCpuTime() - start;
        accepted += count;
        return spent;
    }
}
