package io.github.exchangeblocks.examples.server.channels;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The subscribers living on one Netty I/O thread, by topic, and the connections of that thread. Touched only on
 * that thread, so nothing here is locked: the engine thread hands each batch of updates over with one task
 * ({@link #deliver}), which gives each body to every subscriber; a connection frames its messages back to back in
 * one buffer of its own (small bodies copied, large ones shared as retained duplicates, see
 * {@link ChannelConnection#send}). The flush comes as a task queued behind it: when the I/O thread is behind, the
 * batches already queued are all written before one flush per connection (one buffer, one system call for all of
 * them); when it keeps up, the flush follows at once. A periodic tick sends heartbeats, closes silent connections
 * and looks after the ones that fell behind.
 */
final class LoopShard {
    private final EventExecutor executor;
    private final ChannelsConfig config;
    private final Map<String, List<Subscription>> byTopic = new HashMap<>();
    private final Set<ChannelConnection> connections = new LinkedHashSet<>();
    private final List<ChannelConnection> lagging = new ArrayList<>();
    private final List<ChannelConnection> toFlush = new ArrayList<>();
    private final Runnable flushTask = this::flushWritten;
    private boolean flushQueued;

    LoopShard(EventExecutor executor, ChannelsConfig config) {
        this.executor = executor;
        this.config = config;
        executor.scheduleAtFixedRate(this::tick, config.tickMs(), config.tickMs(), TimeUnit.MILLISECONDS);
    }

    EventExecutor executor() {
        return executor;
    }

    /**
     * Hands a batch over from the engine thread; the shard owns one reference to each body.
     *
     * @return false if the I/O thread is shutting down (the references were released)
     */
    boolean submit(Update[] batch) {
        try {
            executor.execute(() -> deliver(batch));
            return true;
        } catch (RejectedExecutionException stopping) {
            for (Update update : batch) {
                update.body().release();
            }
            return false;
        }
    }

    /** Hands a snapshot for one subscription over from the engine thread; the shard owns the body's reference. */
    void submitSnapshot(Subscription subscription, ByteBuf body) {
        try {
            executor.execute(() -> {
                try {
                    subscription.onSnapshot(body);
                    queueFlush();
                } finally {
                    body.release();
                }
            });
        } catch (RejectedExecutionException stopping) {
            body.release();
        }
    }

    void add(ChannelConnection connection) {
        connections.add(connection);
    }

    void remove(ChannelConnection connection) {
        connections.remove(connection);
        lagging.remove(connection);
    }

    void subscribe(Subscription subscription) {
        byTopic.computeIfAbsent(subscription.topic, k -> new ArrayList<>(4)).add(subscription);
    }

    void unsubscribe(Subscription subscription) {
        List<Subscription> subscribers = byTopic.get(subscription.topic);
        if (subscribers != null && subscribers.remove(subscription) && subscribers.isEmpty()) {
            byTopic.remove(subscription.topic);
        }
    }

    /** A connection wrote without flushing: flush it at the end of this task. */
    void written(ChannelConnection connection) {
        toFlush.add(connection);
    }

    void lagging(ChannelConnection connection) {
        lagging.add(connection);
    }

    /** Closes every connection of this thread with a close frame. */
    void closeAll(WebSocketCloseStatus status, String reason) {
        for (ChannelConnection connection : new ArrayList<>(connections)) {
            connection.close(status, reason);
        }
    }

    /** Tells every connection of this thread that the server stops. */
    void announceShutdown(String reason) {
        for (ChannelConnection connection : connections) {
            connection.shutdownNotice(reason);
        }
    }

    private void deliver(Update[] batch) {
        try {
            for (Update update : batch) {
                List<Subscription> subscribers = byTopic.get(update.topic());
                if (subscribers != null) {
                    for (int i = 0; i < subscribers.size(); i++) {
                        subscribers.get(i).offer(update.body());
                    }
                }
            }
            queueFlush();
        } finally {
            for (Update update : batch) {
                update.body().release();
            }
        }
    }

    private void queueFlush() {
        if (!flushQueued && !toFlush.isEmpty()) {
            flushQueued = true;
            try {
                executor.execute(flushTask);
            } catch (RejectedExecutionException stopping) {
                flushWritten();
            }
        }
    }

    private void flushWritten() {
        flushQueued = false;
        for (int i = 0; i < toFlush.size(); i++) {
            toFlush.get(i).flushIfWritten();
        }
        toFlush.clear();
    }

    private void tick() {
        long nowNs = System.nanoTime();
        for (ChannelConnection connection : new ArrayList<>(connections)) {
            connection.heartbeat(nowNs);
        }
        if (!lagging.isEmpty()) {
            List<ChannelConnection> behind = new ArrayList<>(lagging);
            lagging.clear();
            for (ChannelConnection connection : behind) {
                connection.checkLag(nowNs);
            }
        }
        flushWritten();
    }
}
