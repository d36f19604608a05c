package io.github.exchangeblocks.examples.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaSyncTest {
    private static final long RETRY_MS = 500;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final List<String> requests = new ArrayList<>();
    private final List<Long> applied = new ArrayList<>();
    private final List<String> loaded = new ArrayList<>();
    private boolean accept = true;

    private final ReplicaSync sync = new ReplicaSync(new ReplicaSync.Requests() {
        @Override
        public boolean sync(long after) {
            requests.add("sync " + after);
            return accept;
        }

        @Override
        public boolean state(long stateSequence, long offset) {
            requests.add("state " + stateSequence + " " + offset);
            return accept;
        }
    }, new ReplicaSync.Target() {
        @Override
        public void load(byte[] state, long sequence, long highestOwnSequence) {
            loaded.add(Arrays.toString(state) + " at " + sequence + " own " + highestOwnSequence);
        }

        @Override
        public void apply(long sequence, byte[] message, int length) {
            assertThat(StreamMessages.longAt(message, 0)).isEqualTo(sequence);
            applied.add(sequence);
        }
    }, RETRY_MS);

    private static byte[] command(long sequence) {
        byte[] message = new byte[StreamMessages.COMMAND_HEADER + 4];
        StreamMessages.encodeCommandHeader(message, sequence, 7, sequence, 9);
        return message;
    }

    private static byte[] chunk(long stateSequence, long offset, byte... bytes) {
        return chunkOf(stateSequence, 5, offset, bytes);
    }

    private static byte[] chunkOf(long stateSequence, long stateLength, long offset, byte... bytes) {
        byte[] message = new byte[StreamMessages.CHUNK_HEADER + bytes.length];
        StreamMessages.encodeChunkHeader(message, stateSequence, stateLength, offset, 4);
        System.arraycopy(bytes, 0, message, StreamMessages.CHUNK_HEADER, bytes.length);
        return message;
    }

    private static byte[] synced(long newest) {
        byte[] message = new byte[StreamMessages.NOTICE_LENGTH];
        StreamMessages.encodeSynced(message, newest);
        return message;
    }

    private static byte[] behind(long lastSent, long newest) {
        byte[] message = new byte[StreamMessages.NOTICE_LENGTH];
        StreamMessages.encodeBehind(message, lastSent, newest);
        return message;
    }

    private void receive(byte[] message, long nowNs) {
        sync.onMessage(message, message.length, nowNs);
    }

    /** Loads a five-byte state at sequence 10 and goes live. */
    private void live() {
        sync.onIdle(0);
        receive(chunk(10, 0, (byte) 1, (byte) 2, (byte) 3), MS);
        receive(chunk(10, 3, (byte) 4, (byte) 5), 2 * MS);
        receive(synced(10), 3 * MS);
        requests.clear();
    }

    @Test
    void shouldLoadTheTransferInOffsetOrderThenAskForEverythingAfterIt() {
        sync.onIdle(0);
        assertThat(requests).containsExactly("state 0 0");
        receive(command(3), MS);
        receive(chunk(10, 0, (byte) 1, (byte) 2, (byte) 3), MS);
        receive(chunk(10, 0 + 1, (byte) 9), MS);
        assertThat(loaded).as("a chunk at the wrong offset is ignored").isEmpty();
        receive(chunk(10, 3, (byte) 4, (byte) 5), 2 * MS);
        assertThat(loaded).containsExactly("[1, 2, 3, 4, 5] at 10 own 4");
        assertThat(applied).as("commands before the state are not applied").isEmpty();
        assertThat(sync.applied()).isEqualTo(10);
        assertThat(sync.phase()).isEqualTo(ReplicaSync.Phase.SYNCING);
        assertThat(requests).containsExactly("state 0 0", "sync 10");
    }

    @Test
    void shouldApplyInOrderSkipRepeatsAndGoLiveOnSynced() {
        live();
        receive(command(11), 4 * MS);
        receive(command(11), 4 * MS);
        receive(command(10), 4 * MS);
        receive(command(12), 4 * MS);
        assertThat(applied).containsExactly(11L, 12L);
        assertThat(sync.phase()).isEqualTo(ReplicaSync.Phase.LIVE);
        sync.onIdle(10_000 * MS);
        assertThat(requests).as("a live replica asks for nothing when the stream is quiet").isEmpty();
    }

    @Test
    void shouldAskForTheMissingRangeWhenASequenceIsSkipped() {
        live();
        receive(command(11), 4 * MS);
        receive(command(13), 5 * MS);
        assertThat(applied).containsExactly(11L);
        assertThat(sync.phase()).isEqualTo(ReplicaSync.Phase.SYNCING);
        assertThat(requests).containsExactly("sync 11");
        receive(command(14), 5 * MS);
        receive(command(12), 6 * MS);
        receive(command(13), 6 * MS);
        receive(synced(13), 6 * MS);
        assertThat(applied).containsExactly(11L, 12L, 13L);
        assertThat(sync.phase()).isEqualTo(ReplicaSync.Phase.LIVE);
        receive(command(15), 7 * MS);
        assertThat(requests).as("14 was dropped while syncing: the gap is asked for again")
                .containsExactly("sync 11", "sync 13");
    }

    @Test
    void shouldStayLiveOnlyOnceItHasEverythingTheSyncedNoticeNames() {
        live();
        receive(behind(10, 12), 4 * MS);
        assertThat(requests).containsExactly("sync 10");
        receive(synced(12), 5 * MS);
        assertThat(sync.phase()).as("11 and 12 are missing").isEqualTo(ReplicaSync.Phase.SYNCING);
        receive(command(11), 6 * MS);
        receive(command(12), 6 * MS);
        receive(synced(12), 6 * MS);
        assertThat(sync.phase()).isEqualTo(ReplicaSync.Phase.LIVE);
    }

    @Test
    void shouldContinueAStoppedTransferOnceQuietAndRepeatAnUnansweredRequest() {
        sync.onIdle(0);
        receive(chunkOf(20, 10, 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4), MS);
        sync.onIdle(10 * MS);
        assertThat(requests).as("not quiet long enough yet").containsExactly("state 0 0");
        sync.onIdle(30 * MS);
        assertThat(requests).containsExactly("state 0 0", "state 20 4");
        sync.onIdle(30 * MS + RETRY_MS * MS - 1);
        assertThat(requests).hasSize(2);
        sync.onIdle(30 * MS + RETRY_MS * MS);
        assertThat(requests).containsExactly("state 0 0", "state 20 4", "state 20 4");
        receive(chunkOf(20, 10, 4, (byte) 5, (byte) 6, (byte) 7, (byte) 8, (byte) 9, (byte) 10), 600 * MS);
        assertThat(loaded).containsExactly("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10] at 20 own 4");
    }

    @Test
    void shouldSendARefusedRequestAgainWhenIdle() {
        accept = false;
        sync.onIdle(0);
        accept = true;
        sync.onIdle(MS);
        assertThat(requests).containsExactly("state 0 0", "state 0 0");
        sync.onIdle(2 * MS);
        assertThat(requests).hasSize(2);
    }

    @Test
    void shouldAskTheNewLeaderFromWhereItStands() {
        live();
        receive(command(11), 4 * MS);
        sync.onNewLeader(5 * MS);
        assertThat(sync.phase()).isEqualTo(ReplicaSync.Phase.SYNCING);
        assertThat(requests).containsExactly("sync 11");

        ReplicaSyncTest loading = new ReplicaSyncTest();
        loading.sync.onIdle(0);
        loading.receive(chunk(10, 0, (byte) 1), MS);
        loading.sync.onNewLeader(2 * MS);
        assertThat(loading.requests).as("a half transfer starts again: the new leader does not hold it")
                .containsExactly("state 0 0", "state 0 0");
    }

    @Test
    void shouldReplaceTheStateWhenATransferStartsWhileLive() {
        live();
        receive(chunk(90, 0, (byte) 5, (byte) 4, (byte) 3, (byte) 2, (byte) 1), 4 * MS);
        assertThat(loaded).containsExactly("[1, 2, 3, 4, 5] at 10 own 4", "[5, 4, 3, 2, 1] at 90 own 4");
        assertThat(sync.applied()).isEqualTo(90);
        assertThat(requests).containsExactly("sync 90");
    }

    @Test
    void shouldRefuseAChunkRunningPastTheStateAndAnUnknownKind() {
        sync.onIdle(0);
        assertThatThrownBy(() -> receive(chunkOf(10, 2, 0, (byte) 1, (byte) 2, (byte) 3), MS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past the state length=2");
        byte[] unknown = synced(1);
        unknown[StreamMessages.KIND] = 70;
        assertThatThrownBy(() -> receive(unknown, MS)).hasMessageContaining("stream kind=70 must be in 64..67");
    }
}
