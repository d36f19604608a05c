package io.github.exchangeblocks.examples.cluster;

import io.aeron.DirectBufferVector;
import io.aeron.Publication;
import io.aeron.cluster.service.ClientSession;
import io.aeron.logbuffer.BufferClaim;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service side of the replica stream against scripted sessions: who gets which message, the replay ring, the
 * state transfer and its continuation, back pressure, followers. An IT because Agrona's buffers need the JVM flags
 * failsafe gives.
 */
class CommandStreamIT {
    private static final long TIME_NS = 1_765_000_000_000_000_000L;

    private final List<Long> closed = new ArrayList<>();
    private final ExchangeState state = state();

    private static ExchangeState state() {
        ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20251201, new ExchangeListener() {
        });
        for (ExchangeCommand command : Defaults.bootstrap(List.of(Defaults.COPPER), Defaults.DEMO_USERS,
                Defaults.DEMO_DEPOSIT)) {
            assertThat(state.apply(TIME_NS, command)).isNull();
        }
        for (int i = 0; i < 3_000; i++) {
            assertThat(state.apply(TIME_NS, new ExchangeCommand.RegisterUser("user-with-a-long-name-" + i))).isNull();
        }
        return state;
    }

    private CommandStream stream(int ringCapacity, boolean leader) {
        CommandStream stream = new CommandStream(id -> closed.add(id), ringCapacity, 0);
        stream.leader(leader);
        return stream;
    }

    private static void apply(CommandStream stream, long from, long to) {
        for (long sequence = from; sequence <= to; sequence++) {
            stream.onApplied(sequence, 9, sequence, TIME_NS + sequence, new ExchangeCommand.Deposit("alice", sequence));
        }
    }

    private String sync(CommandStream stream, Session session, long after) {
        byte[] request = new byte[StreamMessages.SYNC_LENGTH];
        StreamMessages.encodeSync(request, 9, after);
        return stream.onRequest(session, new UnsafeBuffer(request), 0, request.length, state, 0);
    }

    private String state(CommandStream stream, Session session, long stateSequence, long offset) {
        byte[] request = new byte[StreamMessages.STATE_LENGTH];
        StreamMessages.encodeState(request, 9, stateSequence, offset);
        return stream.onRequest(session, new UnsafeBuffer(request), 0, request.length, state, 7);
    }

    @Test
    void shouldStreamEachCommandToTheSessionsThatAskedAndTheSameBytesToEach() {
        CommandStream stream = stream(16, true);
        Session first = new Session(1);
        Session second = new Session(2);
        Session plain = new Session(3);
        assertThat(sync(stream, first, 0)).isNull();
        assertThat(sync(stream, second, 0)).isNull();
        apply(stream, 1, 3);
        assertThat(first.kinds()).containsExactly("SYNCED 0", "COMMAND 1", "COMMAND 2", "COMMAND 3");
        assertThat(second.received).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(second.received.get(i)).isEqualTo(first.received.get(i));
        }
        assertThat(plain.received).as("a session that never asked gets no stream").isEmpty();
    }

    @Test
    void shouldReplayFromTheRingInOrderThenStreamLive() {
        CommandStream stream = stream(16, true);
        apply(stream, 1, 5);
        Session session = new Session(1);
        assertThat(sync(stream, session, 2)).isNull();
        apply(stream, 6, 6);
        assertThat(session.kinds()).containsExactly("COMMAND 3", "COMMAND 4", "COMMAND 5", "SYNCED 5", "COMMAND 6");
    }

    @Test
    void shouldTellABackPressuredSessionItIsBehindAndCloseOneThatCannotTakeThatEither() {
        CommandStream stream = stream(16, true);
        Session slow = new Session(1);
        Session stuck = new Session(2);
        sync(stream, slow, 0);
        sync(stream, stuck, 0);
        apply(stream, 1, 1);
        slow.results.add(Publication.BACK_PRESSURED);
        for (int i = 0; i < 3; i++) {
            stuck.results.add(Publication.BACK_PRESSURED);
        }
        apply(stream, 2, 3);
        assertThat(slow.kinds()).as("no command after the notice until it asks again")
                .containsExactly("SYNCED 0", "COMMAND 1", "BEHIND 1");
        assertThat(closed).containsExactly(2L);
        assertThat(stuck.kinds()).containsExactly("SYNCED 0", "COMMAND 1");
        sync(stream, slow, 1);
        assertThat(slow.kinds()).endsWith("COMMAND 2", "COMMAND 3", "SYNCED 3");
    }

    @Test
    void shouldTransferTheStateWhenTheRingNoLongerHoldsTheRangeAndContinueWhereTheEgressFilled() {
        CommandStream stream = stream(2, true);
        apply(stream, 1, 5);
        byte[] expected = state.writeSnapshot();
        assertThat(expected.length).as("a state of several chunks").isGreaterThan(2 * CommandStream.CHUNK_BYTES);
        Session session = new Session(1);
        session.accept = 1;
        assertThat(sync(stream, session, 1)).as("3 and 4 are no longer in the ring").isNull();
        assertThat(session.kinds()).containsExactly("CHUNK 5");
        byte[] firstChunk = session.received.get(0);
        assertThat(StreamMessages.longAt(firstChunk, 8)).isEqualTo(expected.length);
        assertThat(StreamMessages.longAt(firstChunk, 17)).isZero();
        assertThat(StreamMessages.longAt(firstChunk, 25)).as("the highest sequence of client 9").isZero();
        session.accept = Integer.MAX_VALUE;
        assertThat(state(stream, session, 5, CommandStream.CHUNK_BYTES)).isNull();
        ByteArrayOutputStream assembled = new ByteArrayOutputStream();
        long offset = 0;
        for (byte[] chunk : session.received) {
            assertThat(StreamMessages.longAt(chunk, 0)).isEqualTo(5);
            assertThat(StreamMessages.longAt(chunk, 17)).isEqualTo(offset);
            assembled.write(chunk, StreamMessages.CHUNK_HEADER, chunk.length - StreamMessages.CHUNK_HEADER);
            offset += chunk.length - StreamMessages.CHUNK_HEADER;
        }
        assertThat(assembled.size()).isEqualTo(expected.length);
        assertThat(Arrays.equals(assembled.toByteArray(), expected)).as("the chunks put together are the state")
                .isTrue();
        apply(stream, 6, 6);
        assertThat(session.kinds()).as("not live until it asks with SYNC").doesNotContain("COMMAND 6");
    }

    @Test
    void shouldSendNothingOnAFollowerButStreamAtOnceWhenItLeads() {
        CommandStream stream = stream(16, false);
        Session session = new Session(1);
        apply(stream, 1, 2);
        sync(stream, session, 0);
        state(stream, session, 0, 0);
        sync(stream, session, 2);
        apply(stream, 3, 3);
        assertThat(session.received).isEmpty();
        stream.leader(true);
        apply(stream, 4, 4);
        assertThat(session.kinds()).containsExactly("COMMAND 4");
    }

    @Test
    void shouldRefuseATruncatedRequestAndANegativeOffset() {
        CommandStream stream = stream(16, true);
        byte[] request = new byte[StreamMessages.SYNC_LENGTH];
        StreamMessages.encodeSync(request, 9, 0);
        assertThat(stream.onRequest(new Session(1), new UnsafeBuffer(request), 0, 20, state, 0))
                .isEqualTo("request type=64 of length=20 must be 25 bytes long");
        assertThat(state(stream, new Session(1), 0, -1)).isEqualTo("state sequence=0 and offset=-1 must be >= 0");
    }

    /** A session whose offers take scripted results (success when none is queued) and keep what was sent. */
    private static final class Session implements ClientSession {
        final List<byte[]> received = new ArrayList<>();
        final Deque<Long> results = new ArrayDeque<>();
        final long id;
        int accept = Integer.MAX_VALUE;

        Session(long id) {
            this.id = id;
        }

        List<String> kinds() {
            List<String> kinds = new ArrayList<>();
            for (byte[] message : received) {
                String kind = switch (message[StreamMessages.KIND]) {
                    case StreamMessages.COMMAND -> "COMMAND";
                    case StreamMessages.CHUNK -> "CHUNK";
                    case StreamMessages.SYNCED -> "SYNCED";
                    case StreamMessages.BEHIND -> "BEHIND";
                    default -> "kind " + message[StreamMessages.KIND];
                };
                kinds.add(kind + " " + StreamMessages.longAt(message, 0));
            }
            return kinds;
        }

        @Override
        public long offer(DirectBuffer buffer, int offset, int length) {
            Long scripted = results.poll();
            if (scripted != null && scripted < 0) {
                return scripted;
            }
            if (accept == 0) {
                return Publication.BACK_PRESSURED;
            }
            accept--;
            byte[] message = new byte[length];
            buffer.getBytes(offset, message);
            received.add(message);
            return 1;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public int responseStreamId() {
            return 102;
        }

        @Override
        public String responseChannel() {
            return "aeron:udp?endpoint=127.0.0.1:0";
        }

        @Override
        public byte[] encodedPrincipal() {
            return new byte[0];
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isClosing() {
            return false;
        }

        @Override
        public long offer(DirectBufferVector[] vectors) {
            throw new UnsupportedOperationException("the stream offers single buffers");
        }

        @Override
        public long tryClaim(int length, BufferClaim bufferClaim) {
            throw new UnsupportedOperationException("the stream offers single buffers");
        }
    }
}
