package io.github.exchangeblocks.examples.server.channels;

/**
 * Settings of the channel gateway at {@code /ws}, validated at construction with messages naming the offending
 * value. Times in milliseconds, sizes in bytes.
 *
 * @param maxChannels          subscriptions one connection may hold, {@code >= 1}
 * @param maxMessagesPerSecond client messages accepted in any sliding second; one more gets an error and a close,
 *                             {@code >= 1}
 * @param pingIntervalMs       the server sends a WebSocket ping this often, {@code >= 10}
 * @param idleTimeoutMs        a connection from which nothing (not even a pong) arrived for this long is closed,
 *                             {@code > pingIntervalMs}
 * @param throttleMs           ticker and kline updates go out at most this often per channel, {@code >= 1}
 * @param updateIntervalMs     {@code @depth} deltas, {@code @depth5/10/20} snapshots and {@code @trades} of every
 *                             instrument go out to a connection at most once per interval, together, in the phase
 *                             window of the connection's group (see {@code phaseGroups}): at the window's start (the
 *                             gateway's update tick) or, if nothing had changed by then, at the end of the first
 *                             engine batch in the window that changes something (a delta then covers every level
 *                             that changed since the group's last one, and a trades message every trade); 0 sends
 *                             to every connection after every engine batch, {@code >= 0}. Binance's fast depth
 *                             stream runs at 100 ms.
 * @param lagBytes             a subscriber with more unsent bytes than this is behind: snapshot-type channels
 *                             conflate (keep only the latest), delta channels get a resync notice, {@code >= 1024}
 * @param cutBytes             a subscriber with more unsent bytes than this is cut, {@code > lagBytes}
 * @param cutAfterMs           a subscriber still behind this long after falling behind, or whose socket took none of
 *                             its unsent bytes for this long, is cut, {@code >= 1}
 * @param tickMs               how often each I/O thread checks heartbeats and lagging subscribers, {@code >= 1}
 * @param recentTrades         trades a {@code @trades} snapshot carries, {@code 0..1000}
 * @param authThreads          threads that check passwords (PBKDF2 is slow by design), {@code >= 1}
 * @param sendBufferBytes      the kernel send buffer of each {@code /ws} socket ({@code SO_SNDBUF}), 0 for the OS
 *                             default; a small one saves kernel memory at many connections and makes a slow
 *                             reader visible to the lag bounds sooner, {@code >= 0}
 * @param phaseGroups          connections are dealt round-robin into this many groups, and each group gets its depth
 *                             and trades in its own phase window, {@code updateIntervalMs / phaseGroups} long, one
 *                             after the other: each update interval's fan-out is spread over the interval in
 *                             {@code phaseGroups} smaller bursts instead of one burst to every subscriber (each
 *                             group's update is still encoded once and shared by its subscribers); 1 sends to every
 *                             connection at once; ignored (one group) when {@code updateIntervalMs} is 0,
 *                             {@code 1..64}, and a window must last at least 1 ms
 *                             ({@code updateIntervalMs >= phaseGroups})
 */
public record ChannelsConfig(int maxChannels, int maxMessagesPerSecond, long pingIntervalMs, long idleTimeoutMs,
                             long throttleMs, long updateIntervalMs, long lagBytes, long cutBytes, long cutAfterMs,
                             long tickMs, int recentTrades, int authThreads, int sendBufferBytes,
                             int phaseGroups) {
    /** The most phase groups allowed. */
    public static final int MAX_PHASE_GROUPS = 64;

    /** Validates every field. */
    public ChannelsConfig {
        positive("maxChannels", maxChannels, 1);
        positive("maxMessagesPerSecond", maxMessagesPerSecond, 1);
        positive("pingIntervalMs", pingIntervalMs, 10);
        if (idleTimeoutMs <= pingIntervalMs) {
            throw new IllegalArgumentException("idleTimeoutMs=" + idleTimeoutMs + " must be > pingIntervalMs="
                    + pingIntervalMs);
        }
        positive("throttleMs", throttleMs, 1);
        positive("updateIntervalMs", updateIntervalMs, 0);
        positive("lagBytes", lagBytes, 1024);
        if (cutBytes <= lagBytes) {
            throw new IllegalArgumentException("cutBytes=" + cutBytes + " must be > lagBytes=" + lagBytes);
        }
        positive("cutAfterMs", cutAfterMs, 1);
        positive("tickMs", tickMs, 1);
        if (recentTrades < 0 || recentTrades > 1000) {
            throw new IllegalArgumentException("recentTrades=" + recentTrades + " must be in 0..1000");
        }
        positive("authThreads", authThreads, 1);
        positive("sendBufferBytes", sendBufferBytes, 0);
        if (phaseGroups < 1 || phaseGroups > MAX_PHASE_GROUPS) {
            throw new IllegalArgumentException("phaseGroups=" + phaseGroups + " must be in 1.." + MAX_PHASE_GROUPS);
        }
        if (updateIntervalMs > 0 && updateIntervalMs < phaseGroups) {
            throw new IllegalArgumentException("updateIntervalMs=" + updateIntervalMs
                    + " must be 0 or >= phaseGroups=" + phaseGroups + " (a phase window of at least 1 ms)");
        }
    }

    /**
     * @return the phase groups in effect: {@link #phaseGroups()}, or 1 when {@link #updateIntervalMs()} is 0 (every
     *         engine batch goes to every connection)
     */
    public int effectivePhaseGroups() {
        return updateIntervalMs == 0 ? 1 : phaseGroups;
    }

    /**
     * The defaults: 1,024 channels and 20 messages a second per connection, ping every 20 s, close after 60 s of
     * silence, ticker and klines at most once a second, depth and trades at most every 100 ms, behind at 256 KiB
     * unsent, cut at 1 MiB or 5 s behind, checks every 250 ms, 50 recent trades, one auth thread, the OS's send
     * buffer, 16 phase groups.
     *
     * @return the defaults
     */
    public static ChannelsConfig defaults() {
        return new ChannelsConfig(1024, 20, 20_000, 60_000, 1000, 100, 256 << 10, 1 << 20, 5000, 250, 50, 1, 0, 16);
    }

    /**
     * @param pingMs the ping interval
     * @param idleMs the idle timeout
     * @return a copy with these heartbeat times
     */
    public ChannelsConfig withHeartbeat(long pingMs, long idleMs) {
        return new ChannelsConfig(maxChannels, maxMessagesPerSecond, pingMs, idleMs, throttleMs, updateIntervalMs,
                lagBytes, cutBytes, cutAfterMs, tickMs, recentTrades, authThreads, sendBufferBytes, phaseGroups);
    }

    /**
     * @param lag  bytes unsent at which a subscriber is behind
     * @param cut  bytes unsent at which it is cut
     * @param cutMs how long it may stay behind
     * @return a copy with these slow-subscriber bounds
     */
    public ChannelsConfig withLagBounds(long lag, long cut, long cutMs) {
        return new ChannelsConfig(maxChannels, maxMessagesPerSecond, pingIntervalMs, idleTimeoutMs, throttleMs,
                updateIntervalMs, lag, cut, cutMs, tickMs, recentTrades, authThreads, sendBufferBytes, phaseGroups);
    }

    /**
     * @param channels subscriptions per connection
     * @param messages client messages per second
     * @return a copy with these limits
     */
    public ChannelsConfig withLimits(int channels, int messages) {
        return new ChannelsConfig(channels, messages, pingIntervalMs, idleTimeoutMs, throttleMs, updateIntervalMs,
                lagBytes, cutBytes, cutAfterMs, tickMs, recentTrades, authThreads, sendBufferBytes, phaseGroups);
    }

    /**
     * @param bytes the kernel send buffer per socket, 0 for the OS default
     * @return a copy with this send buffer
     */
    public ChannelsConfig withSendBuffer(int bytes) {
        return new ChannelsConfig(maxChannels, maxMessagesPerSecond, pingIntervalMs, idleTimeoutMs, throttleMs,
                updateIntervalMs, lagBytes, cutBytes, cutAfterMs, tickMs, recentTrades, authThreads, bytes,
                phaseGroups);
    }

    /**
     * @param intervalMs how often depth and trades may go out per instrument, 0 after every engine batch
     * @return a copy with this update interval
     */
    public ChannelsConfig withUpdateInterval(long intervalMs) {
        return new ChannelsConfig(maxChannels, maxMessagesPerSecond, pingIntervalMs, idleTimeoutMs, throttleMs,
                intervalMs, lagBytes, cutBytes, cutAfterMs, tickMs, recentTrades, authThreads, sendBufferBytes,
                phaseGroups);
    }

    /**
     * @param groups how many phase groups share out the update interval, 1 for all connections at once
     * @return a copy with this many phase groups
     */
    public ChannelsConfig withPhaseGroups(int groups) {
        return new ChannelsConfig(maxChannels, maxMessagesPerSecond, pingIntervalMs, idleTimeoutMs, throttleMs,
                updateIntervalMs, lagBytes, cutBytes, cutAfterMs, tickMs, recentTrades, authThreads, sendBufferBytes,
                groups);
    }

    private static void positive(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + "=" + value + " must be >= " + min);
        }
    }
}
