package io.github.exchangeblocks.examples.server.channels;

import io.netty.buffer.ByteBuf;

/**
 * What a {@link Subscription} needs from the connection it belongs to ({@link ChannelConnection} on the wire, a
 * model in the property tests). Called on the connection's I/O thread only.
 */
interface Subscriber {
    /** @return true if the connection has more unsent bytes than its lag bound (it is behind) */
    boolean behind();

    /**
     * Writes one message of the subscription, numbered with the subscription's next sequence.
     *
     * @param subscription the subscription whose message it is
     * @param body         the shared body; the caller keeps its reference (the subscriber retains what it keeps)
     */
    void send(Subscription subscription, ByteBuf body);

    /** Writes a {@code resync} notice: the subscription skipped updates and a snapshot will follow. */
    void resyncNotice(Subscription subscription);

    /** The connection is behind: look at it again on the next tick. */
    void markLagging();

    /** @return false if the snapshot could not be asked for (the engine's queue was full) */
    boolean requestSnapshot(Subscription subscription);
}
