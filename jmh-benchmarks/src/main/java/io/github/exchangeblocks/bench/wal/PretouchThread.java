package io.github.exchangeblocks.bench.wal;

import io.github.exchangeblocks.wal.WalPretoucher;

import java.util.concurrent.locks.LockSupport;

/**
 * Runs a {@link WalPretoucher} on a dedicated daemon thread the way a host would: call {@code doWork()} in a loop
 * and park for {@value #IDLE_NS} ns whenever it had nothing to do. Used by the benchmarks and the throughput tool.
 */
final class PretouchThread {
    /** Park time when the pretoucher is far enough ahead; the writer needs milliseconds to use up its lead. */
    static final long IDLE_NS = 50_000;

    private final Thread thread;
    private volatile boolean running = true;

    private PretouchThread(WalPretoucher pretoucher) {
        this.thread = new Thread(() -> loop(pretoucher), "wal-pretouch");
        this.thread.setDaemon(true);
    }

    static PretouchThread start(WalPretoucher pretoucher) {
        PretouchThread toucher = new PretouchThread(pretoucher);
        toucher.thread.start();
        return toucher;
    }

    private void loop(WalPretoucher pretoucher) {
        while (running) {
            if (pretoucher.doWork() == 0) {
                LockSupport.parkNanos(IDLE_NS);
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }
}
