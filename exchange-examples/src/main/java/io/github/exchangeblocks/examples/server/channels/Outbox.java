package io.github.exchangeblocks.examples.server.channels;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayList;
import java.util.List;

/**
 * The updates encoded during one engine batch, handed to every I/O thread's {@link LoopShard} in one task each at
 * the batch's end. Engine thread only.
 */
final class Outbox {
    private final ChannelGateway gateway;
    private final List<Update> updates = new ArrayList<>();

    Outbox(ChannelGateway gateway) {
        this.gateway = gateway;
    }

    /** @return where message buffers come from */
    ByteBufAllocator allocator() {
        return gateway.allocator();
    }

    /** @return true if some connection subscribes to the topic (encode only then) */
    boolean interested(String topic) {
        return gateway.interested(topic);
    }

    /** Queues an update; the outbox owns the body's reference. */
    void add(String topic, ByteBuf body) {
        updates.add(new Update(topic, body));
    }

    /** Hands everything queued to every shard (one reference per shard), then drops its own references. */
    void dispatch() {
        if (updates.isEmpty()) {
            return;
        }
        Update[] batch = updates.toArray(new Update[0]);
        updates.clear();
        try {
            for (LoopShard shard : gateway.shards()) {
                for (Update update : batch) {
                    update.body().retain();
                }
                shard.submit(batch);
            }
        } finally {
            for (Update update : batch) {
                update.body().release();
            }
        }
    }
}
