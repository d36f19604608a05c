package io.github.exchangeblocks.examples.cluster;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.exchange.CommandCodec;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the cluster's formats, version 1: {@code golden/cluster-v1.bin} holds a command message, two
 * acknowledgements and a cluster snapshot (with stand-in state bytes), each as length i32 little-endian then the
 * bytes. The file is never rewritten: a new format gets a new version and a new file. (It was made once with
 * {@code -Dcluster.golden.write=PATH}.) {@code golden/cluster-stream-v1.bin}, in the same framing, holds the
 * replica stream's messages ({@link StreamMessages}): SYNC, STATE, COMMAND, CHUNK, SYNCED and BEHIND (made once
 * with {@code -Dcluster.stream.golden.write=PATH}). An IT because Agrona's buffers need the JVM flags failsafe
 * gives.
 */
class ClusterFormatsGoldenIT {
    private static final ExchangeCommand COMMAND = new ExchangeCommand.InsertOrder("alice", "a\u00e91", "SHFE.cu2512",
            Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7_000, 2, 0);

    private static List<byte[]> messages() {
        List<byte[]> messages = new ArrayList<>();
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        messages.add(copy(buffer, new ClusterMessages().encodeCommand(buffer, 0x0102030405060708L, 42, COMMAND)));
        messages.add(copy(buffer, ClusterMessages.encodeAck(buffer, 42, 4_096, ClusterMessages.APPLIED, null,
                "accepted")));
        messages.add(copy(buffer, ClusterMessages.encodeAck(buffer, 43, 4_160, ClusterMessages.REFUSED,
                RejectCode.EXCHANGE_DUPLICATE_CLIENT_ORDER_ID, "clientOrderId=b1 is already used today")));
        messages.add(snapshot().toBytes());
        return messages;
    }

    private static ClusterSnapshot snapshot() {
        ClientSequences sequences = new ClientSequences();
        sequences.admit(7, 1);
        sequences.admit(-1, 1);
        sequences.admit(-1, 2);
        return new ClusterSnapshot(5, 2, 1_765_000_000_123_456_789L, sequences, new byte[] {1, 2, 3, 4});
    }

    @Test
    void shouldWriteAndReadTheVersion1FormatsByteForByte() throws IOException {
        List<byte[]> expected = golden();
        List<byte[]> actual = messages();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).as("message %d", i).isEqualTo(expected.get(i));
        }
        UnsafeBuffer command = new UnsafeBuffer(expected.get(0));
        assertThat(ClusterMessages.clientId(command, 0)).isEqualTo(0x0102030405060708L);
        assertThat(ClusterMessages.clientSequence(command, 0)).isEqualTo(42);
        assertThat(new ClusterMessages().decodeCommand(command, 0, expected.get(0).length)).isEqualTo(COMMAND);
        UnsafeBuffer refused = new UnsafeBuffer(expected.get(2));
        assertThat(ClusterMessages.ackSequence(refused, 0)).isEqualTo(43);
        assertThat(ClusterMessages.ackLogPosition(refused, 0)).isEqualTo(4_160);
        assertThat(ClusterMessages.ackOutcome(refused, 0)).isEqualTo(ClusterMessages.REFUSED);
        assertThat(ClusterMessages.ackCode(refused, 0)).isEqualTo(RejectCode.EXCHANGE_DUPLICATE_CLIENT_ORDER_ID);
        assertThat(ClusterMessages.ackMessage(refused, 0)).isEqualTo("clientOrderId=b1 is already used today");
        ClusterSnapshot read = ClusterSnapshot.fromBytes(expected.get(3));
        assertThat(read.commands()).isEqualTo(5);
        assertThat(read.duplicates()).isEqualTo(2);
        assertThat(read.lastTimeNs()).isEqualTo(1_765_000_000_123_456_789L);
        assertThat(read.sequences().highest(7)).isEqualTo(1);
        assertThat(read.sequences().highest(-1)).isEqualTo(2);
        assertThat(read.state()).containsExactly(1, 2, 3, 4);
    }

    private static List<byte[]> streamMessages() {
        List<byte[]> messages = new ArrayList<>();
        byte[] request = new byte[StreamMessages.STATE_LENGTH];
        messages.add(Arrays.copyOf(request, StreamMessages.encodeSync(request, 0x0102030405060708L, 1_000)));
        messages.add(Arrays.copyOf(request, StreamMessages.encodeState(request, 0x0102030405060708L, 977, 65_536)));
        CommandStream stream = new CommandStream(null, 1, 0);
        int length = stream.encode(1_001, 0x0102030405060708L, 42, 1_765_000_000_123_456_789L, COMMAND);
        messages.add(Arrays.copyOf(stream.encoded(), length));
        byte[] chunk = new byte[StreamMessages.CHUNK_HEADER + 3];
        StreamMessages.encodeChunkHeader(chunk, 977, 65_539, 65_536, 41);
        chunk[StreamMessages.CHUNK_HEADER] = 7;
        chunk[StreamMessages.CHUNK_HEADER + 1] = 8;
        chunk[StreamMessages.CHUNK_HEADER + 2] = 9;
        messages.add(chunk);
        byte[] notice = new byte[StreamMessages.NOTICE_LENGTH];
        messages.add(Arrays.copyOf(notice, StreamMessages.encodeSynced(notice, 1_001)));
        messages.add(Arrays.copyOf(notice, StreamMessages.encodeBehind(notice, 1_000, 1_001)));
        return messages;
    }

    @Test
    void shouldWriteTheVersion1StreamMessagesByteForByte() throws IOException {
        List<byte[]> expected = framed("/golden/cluster-stream-v1.bin", "cluster.stream.golden.write",
                streamMessages());
        List<byte[]> actual = streamMessages();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).as("stream message %d", i).isEqualTo(expected.get(i));
        }
        byte[] sync = expected.get(0);
        assertThat(sync[StreamMessages.KIND]).isEqualTo(StreamMessages.SYNC);
        assertThat(StreamMessages.longAt(sync, 17)).isEqualTo(1_000);
        byte[] command = expected.get(2);
        assertThat(StreamMessages.isStream(command[StreamMessages.KIND])).isTrue();
        assertThat(StreamMessages.longAt(command, 0)).isEqualTo(1_001);
        assertThat(StreamMessages.longAt(command, 8)).isEqualTo(0x0102030405060708L);
        assertThat(StreamMessages.longAt(command, 17)).isEqualTo(42);
        CommandCodec.Journaled journaled = CommandCodec.decode(command[25] & 0xFF,
                ByteBuffer.wrap(command), StreamMessages.COMMAND_HEADER);
        assertThat(journaled.command()).isEqualTo(COMMAND);
        assertThat(journaled.timestampNs()).isEqualTo(1_765_000_000_123_456_789L);
        byte[] chunk = expected.get(3);
        assertThat(StreamMessages.longAt(chunk, 0)).isEqualTo(977);
        assertThat(StreamMessages.longAt(chunk, 8)).isEqualTo(65_539);
        assertThat(StreamMessages.longAt(chunk, 17)).isEqualTo(65_536);
        assertThat(StreamMessages.longAt(chunk, 25)).isEqualTo(41);
        assertThat(StreamMessages.isStream(ClusterMessages.APPLIED)).as("an acknowledgement is not").isFalse();
        assertThat(StreamMessages.isStream(ClusterMessages.OUT_OF_ORDER)).isFalse();
    }

    @Test
    void shouldRefuseDamagedSnapshotsWithTheReason() throws IOException {
        byte[] good = golden().get(3);
        byte[] badMagic = good.clone();
        badMagic[0] ^= 1;
        assertThatThrownBy(() -> ClusterSnapshot.fromBytes(badMagic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("magic");
        assertThatThrownBy(() -> ClusterSnapshot.fromBytes(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state length=4");
        assertThatThrownBy(() -> ClusterSnapshot.fromBytes(Arrays.copyOf(good, 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> ClusterSnapshot.fromBytes(Arrays.copyOf(good, good.length + 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 trailing bytes");
    }

    private static List<byte[]> golden() throws IOException {
        return framed("/golden/cluster-v1.bin", "cluster.golden.write", messages());
    }

    /** Reads a golden file of length-framed messages (first writing {@code toWrite} there if asked to). */
    private static List<byte[]> framed(String resource, String writeProperty, List<byte[]> toWrite)
            throws IOException {
        String write = System.getProperty(writeProperty);
        if (write != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] message : toWrite) {
                out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(message.length).array());
                out.write(message);
            }
            Files.write(Path.of(write), out.toByteArray());
        }
        byte[] file;
        try (InputStream in = ClusterFormatsGoldenIT.class.getResourceAsStream(resource)) {
            assertThat(in).as("%s on the test class path", resource).isNotNull();
            file = in.readAllBytes();
        }
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> messages = new ArrayList<>();
        while (buffer.hasRemaining()) {
            byte[] message = new byte[buffer.getInt()];
            buffer.get(message);
            messages.add(message);
        }
        return messages;
    }

    private static byte[] copy(ExpandableArrayBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
