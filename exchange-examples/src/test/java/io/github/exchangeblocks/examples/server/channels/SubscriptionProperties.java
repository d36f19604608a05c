package io.github.exchangeblocks.examples.server.channels;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription's state machine (waiting for its snapshot, live, stale after a resync) under random interleavings
 * of what its connection and the engine do: updates of the channel's stream, the snapshot arriving, the connection
 * falling behind and catching up, the engine refusing a snapshot request. After every step the messages written so
 * far are checked against what the protocol promises:
 * <ul>
 *   <li>sequences are 1, 2, 3, ... with no gap;</li>
 *   <li>a delta channel writes a snapshot first and after every {@code resync} notice, and in between exactly the
 *       updates that follow it, each one ({@code u = previous + 1}): it never skips silently;</li>
 *   <li>a conflating channel never sends a resync, and writes only newer updates than the last it wrote;</li>
 *   <li>a live subscription on a connection that is not behind writes each update at once;</li>
 * </ul>
 * and at the end, once the connection keeps up and the engine answers, the subscription is live again and writes the
 * next update; no buffer is leaked.
 */
class SubscriptionProperties {
    private static final int UPDATE = 0;
    private static final int SNAPSHOT_ARRIVES = 1;
    private static final int FALL_BEHIND = 2;
    private static final int CATCH_UP = 3;
    private static final int ENGINE_BUSY_TOGGLE = 4;
    private static final int TICK = 5;

    @Property(tries = 500)
    void writesAChainedGaplessStreamWhateverTheConnectionAndTheEngineDo(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 5) Integer> actions, @ForAll boolean conflating) {
        ChannelName name = conflating ? new ChannelName("X@depth5", ChannelKind.DEPTH5, "X", 0, 0)
                : new ChannelName("X@depth", ChannelKind.DEPTH, "X", 0, 0);
        ModelConnection connection = new ModelConnection();
        Subscription subscription = new Subscription(connection, name, null, 0);
        assertThat(connection.requestSnapshot(subscription)).isTrue();

        for (int action : actions) {
            apply(action, connection, subscription);
            connection.check(conflating);
        }

        connection.behind = false;
        connection.engineBusy = false;
        for (int tick = 0; tick < 3 && subscription.state != Subscription.State.LIVE; tick++) {
            apply(TICK, connection, subscription);
            apply(SNAPSHOT_ARRIVES, connection, subscription);
        }
        assertThat(subscription.state).as("live again once the connection keeps up").isEqualTo(Subscription.State.LIVE);
        apply(UPDATE, connection, subscription);
        assertThat(connection.written.get(connection.written.size() - 1)).as("the next update is written")
                .isEqualTo("u" + connection.published);
        connection.check(conflating);

        subscription.deactivate();
        for (ByteBuf body : connection.bodies) {
            assertThat(body.refCnt()).as("every body released").isZero();
        }
    }

    private static void apply(int action, ModelConnection connection, Subscription subscription) {
        switch (action) {
            case UPDATE -> {
                ByteBuf body = connection.body("u" + (++connection.published));
                subscription.offer(body);
                body.release();
                if (subscription.state == Subscription.State.LIVE && !connection.behind) {
                    assertThat(connection.written.get(connection.written.size() - 1))
                            .as("a live subscriber that keeps up gets the update at once")
                            .isEqualTo("u" + connection.published);
                }
            }
            case SNAPSHOT_ARRIVES -> {
                if (connection.snapshotPending) {
                    connection.snapshotPending = false;
                    ByteBuf body = connection.body("s" + connection.published);
                    subscription.onSnapshot(body);
                    body.release();
                }
            }
            case FALL_BEHIND -> connection.behind = true;
            case CATCH_UP -> connection.behind = false;
            case ENGINE_BUSY_TOGGLE -> connection.engineBusy = !connection.engineBusy;
            case TICK -> {
                // The shard's tick: a lagging connection that is no longer behind is told it caught up.
                if (connection.lagging && !connection.behind) {
                    connection.lagging = false;
                    subscription.caughtUp();
                }
            }
            default -> throw new IllegalArgumentException("action " + action);
        }
    }

    /** A connection as the subscription sees it: what it wrote, whether it is behind, the engine's answers. */
    private static final class ModelConnection implements Subscriber {
        final List<String> written = new ArrayList<>();
        final List<Long> sequences = new ArrayList<>();
        final List<ByteBuf> bodies = new ArrayList<>();
        long published;
        boolean behind;
        boolean lagging;
        boolean engineBusy;
        boolean snapshotPending;

        ByteBuf body(String text) {
            ByteBuf body = Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
            bodies.add(body);
            return body;
        }

        @Override
        public boolean behind() {
            return behind;
        }

        @Override
        public void send(Subscription subscription, ByteBuf body) {
            sequences.add(++subscription.sequence);
            written.add(body.toString(StandardCharsets.US_ASCII));
        }

        @Override
        public void resyncNotice(Subscription subscription) {
            ByteBuf notice = body("resync");
            send(subscription, notice);
            notice.release();
        }

        @Override
        public void markLagging() {
            lagging = true;
        }

        @Override
        public boolean requestSnapshot(Subscription subscription) {
            if (engineBusy) {
                return false;
            }
            snapshotPending = true;
            return true;
        }

        void check(boolean conflating) {
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).as("sequence of message %d", i).isEqualTo(i + 1L);
            }
            long expected = -1;
            for (String message : written) {
                if (message.equals("resync")) {
                    assertThat(conflating).as("a conflating channel never resyncs").isFalse();
                    assertThat(expected).as("a resync follows live data").isPositive();
                    expected = -1;
                } else if (message.startsWith("s")) {
                    assertThat(expected).as("a snapshot only when one is due: %s", written).isEqualTo(-1);
                    expected = Long.parseLong(message.substring(1)) + 1;
                } else {
                    long update = Long.parseLong(message.substring(1));
                    assertThat(expected).as("an update after a snapshot: %s", written).isPositive();
                    if (conflating) {
                        assertThat(update).as("newer than the last written: %s", written).isGreaterThanOrEqualTo(
                                expected);
                    } else {
                        assertThat(update).as("chained to the last written: %s", written).isEqualTo(expected);
                    }
                    expected = update + 1;
                }
            }
        }
    }
}
