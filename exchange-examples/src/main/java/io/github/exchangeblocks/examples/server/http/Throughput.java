package io.github.exchangeblocks.examples.server.http;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Commands per second, sampled once a second from the core's applied journal sequence on one daemon thread.
 * Thread-safe reads.
 */
final class Throughput implements AutoCloseable {
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "http-api-throughput");
        thread.setDaemon(true);
        return thread;
    });
    private final LongSupplier appliedSequence;
    private long lastSequence;
    private volatile long perSecond;

    Throughput(LongSupplier appliedSequence) {
        this.appliedSequence = appliedSequence;
        this.lastSequence = appliedSequence.getAsLong();
        sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** @return commands applied during the last whole second */
    long commandsPerSecond() {
        return perSecond;
    }

    private void sample() {
        long now = appliedSequence.getAsLong();
        perSecond = now - lastSequence;
        lastSequence = now;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
