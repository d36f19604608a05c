package io.github.exchangeblocks.bench.server.channels;

import org.HdrHistogram.Histogram;

/**
 * What the connections of one client event-loop thread counted: messages and publish-to-receive latency while
 * measuring, sequence gaps, depth chain breaks and messages of channels not subscribed at any time; and the scratch
 * array its connections read messages in. Touched by that thread only; the main thread starts, stops and reads it through tasks run on that thread.
 */
final class LoopTally {
    /** Latency recorded in milliseconds, up to a minute, two significant digits. */
    static final long MAX_LATENCY_MS = 60_000;

    boolean measuring;
    long messages;
    long gaps;
    long chainBreaks;
    long unknownChannels;
    final Histogram latencyMs = new Histogram(MAX_LATENCY_MS, 2);
    /** Where this thread's connections copy a message to read it. */
    private byte[] scratch = new byte[4096];

    /** @return this thread's scratch array, at least {@code bytes} long (its content is left over) */
    byte[] scratch(int bytes) {
        if (scratch.length < bytes) {
            scratch = new byte[Math.max(bytes, scratch.length * 2)];
        }
        return scratch;
    }

    /** One message of a subscribed channel received at {@code nowMs}, published at {@code timeMs}. */
    void received(long nowMs, long timeMs) {
        if (measuring) {
            messages++;
            latencyMs.recordValue(Math.max(0, Math.min(MAX_LATENCY_MS, nowMs - timeMs)));
        }
    }

    /** Starts measuring: messages and latency from now on. */
    void start() {
        messages = 0;
        latencyMs.reset();
        measuring = true;
    }

    /** @return a copy of the counts so far (stops nothing) */
    LoopTally copy() {
        LoopTally copy = new LoopTally();
        copy.messages = messages;
        copy.gaps = gaps;
        copy.chainBreaks = chainBreaks;
        copy.unknownChannels = unknownChannels;
        copy.latencyMs.add(latencyMs);
        return copy;
    }

    /** Adds another thread's counts to these. */
    void add(LoopTally other) {
        messages += other.messages;
        gaps += other.gaps;
        chainBreaks += other.chainBreaks;
        unknownChannels += other.unknownChannels;
        latencyMs.add(other.latencyMs);
    }
}
