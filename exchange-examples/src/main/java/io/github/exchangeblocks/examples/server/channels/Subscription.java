package io.github.exchangeblocks.examples.server.channels;

import io.netty.buffer.ByteBuf;

/**
 * One connection's subscription to one channel, touched only on the connection's I/O thread. It numbers the
 * messages it delivers ({@code seq} 1, 2, 3, ... per connection and channel, so a client sees any gap) and tracks
 * where it stands against the channel's stream:
 * <ul>
 *   <li>{@code WAITING}: a snapshot is on its way from the engine thread; updates before it are dropped (the
 *       snapshot covers them, and the first update after it chains to it).</li>
 *   <li>{@code LIVE}: every update is written, unless the connection is behind: then a conflating channel keeps
 *       only the latest update for later, and a delta channel sends a {@code resync} notice and turns STALE.</li>
 *   <li>{@code STALE}: updates are dropped until the connection catches up, then a fresh snapshot is asked for
 *       (back to WAITING).</li>
 * </ul>
 */
final class Subscription {
    enum State { WAITING, LIVE, STALE }

    final Subscriber connection;
    final ChannelName name;
    final String topic;
    final String user;
    /** The phase group of the connection ({@link ChannelsConfig#phaseGroups()}). */
    final int group;
    State state = State.WAITING;
    boolean active = true;
    long sequence;
    private ByteBuf held;

    Subscription(Subscriber connection, ChannelName name, String user, int group) {
        this.connection = connection;
        this.name = name;
        this.user = user;
        this.group = group;
        this.topic = name.topic(user, group);
    }

    /** An update of the topic. */
    void offer(ByteBuf body) {
        if (state != State.LIVE) {
            return;
        }
        if (connection.behind()) {
            if (name.kind().conflating()) {
                hold(body);
            } else {
                state = State.STALE;
                connection.resyncNotice(this);
            }
            connection.markLagging();
            return;
        }
        if (held != null) {
            // Newer than what was held: the held message must not follow it later.
            held.release();
            held = null;
        }
        connection.send(this, body);
    }

    /** The snapshot asked for arrived. */
    void onSnapshot(ByteBuf body) {
        if (!active || state != State.WAITING) {
            return;
        }
        state = State.LIVE;
        connection.send(this, body);
    }

    /** The connection caught up: send what was held, or ask again for a snapshot after a resync. */
    void caughtUp() {
        if (held != null) {
            ByteBuf latest = held;
            held = null;
            if (active && state == State.LIVE) {
                connection.send(this, latest);
            }
            latest.release();
        }
        if (active && state == State.STALE) {
            state = State.WAITING;
            if (!connection.requestSnapshot(this)) {
                state = State.STALE;
                connection.markLagging();
            }
        }
    }

    /** Unsubscribed or the connection closed. */
    void deactivate() {
        active = false;
        if (held != null) {
            held.release();
            held = null;
        }
    }

    private void hold(ByteBuf body) {
        if (held != null) {
            held.release();
        }
        held = body.retainedDuplicate();
    }
}
