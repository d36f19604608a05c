package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.wal.DurabilityListener;
import io.github.exchangeblocks.wal.WalFlusher;
import io.github.exchangeblocks.wal.WalWriter;

import java.util.concurrent.locks.LockSupport;

/**
 * The journal's group commit in {@code GROUP} mode, on a thread of its own: it forces everything the engine has
 * appended so far while the engine goes on journaling and applying; each force makes durable everything appended
 * before it started, so groups size themselves to the device's sync time and the engine never waits for a sync
 * while it has commands to journal. The engine wakes it after appending ({@link #wake()}) and waits for it only
 * when its applier is full ({@link #awaitDurable}); with nothing else to do it forces the journal itself.
 *
 * <p>Threads: {@link #start}, {@link #close()} on the core's owner; {@link #engineThread}, {@link #wake()},
 * {@link #awaitDurable} on the engine thread; {@link #onDurable} on the flusher thread (and on the engine thread
 * when it forces the journal itself). Allocates nothing after {@link #start}.
 */
final class JournalFlusher implements DurabilityListener {
    private final Thread thread = new Thread(this::run, "exchange-journal-flusher");
    private WalWriter journal;
    private WalFlusher flusher;
    private volatile Thread engine;
    private volatile boolean running;
    private volatile RuntimeException failure;

    /**
     * Starts the flusher thread on a journal opened with this listener and asynchronous group commit.
     *
     * @param journal the engine's journal
     */
    void start(WalWriter journal) {
        this.journal = journal;
        this.flusher = journal.flusher();
        running = true;
        thread.start();
    }

    /** @param engine the thread that appends and waits for durability (woken by {@link #onDurable}) */
    void engineThread(Thread engine) {
        this.engine = engine;
    }

    /** Something was appended: force it (without waiting). */
    void wake() {
        LockSupport.unpark(thread);
    }

    /**
     * Waits until every record up to {@code sequence} is durable or the flusher has failed.
     *
     * @param sequence a journal sequence already appended
     */
    void awaitDurable(long sequence) {
        while (journal.durableSequence() < sequence && failure == null) {
            wake();
            LockSupport.park(this);
        }
    }

    /** @return why a force failed (the engine must stop), or {@code null} */
    RuntimeException failure() {
        return failure;
    }

    @Override
    public void onDurable(long durableSequence) {
        Thread waiting = engine;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    private void run() {
        while (running) {
            try {
                if (flusher.doWork() == 0) {
                    LockSupport.park(this);
                }
            } catch (RuntimeException e) {
                failure = e;
                onDurable(journal.durableSequence());
                return;
            }
        }
    }

    /** Stops the thread after its force in progress, if any; the journal is the caller's to flush and close. */
    void close() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
