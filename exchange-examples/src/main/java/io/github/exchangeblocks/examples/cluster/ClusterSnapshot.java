package io.github.exchangeblocks.examples.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.cluster.client.ClusterException;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;

/**
 * The clustered exchange's snapshot, version 1: what the cluster stores in Aeron Archive when it takes a snapshot
 * and hands back to a starting replica. Big-endian {@link DataOutputStream} encodings:
 *
 * <pre>
 *  magic i64 "EBXCLUS1" | version i32 = 1 | client commands applied i64 | resends skipped i64
 *  | last command time i64 ns | client sequences (count i32, then client id i64, highest sequence i64 by client id)
 *  | exchange state: length i32, bytes (ExchangeState's own versioned snapshot format)
 * </pre>
 *
 * On the snapshot stream it goes as a first message of 12 bytes (magic i64, total length i32, little-endian)
 * followed by the bytes in chunks that fit one frame, so no reassembly is needed.
 *
 * @param commands    client commands applied since the cluster began
 * @param duplicates  resent commands skipped since the cluster began
 * @param lastTimeNs  the time of the last command applied
 * @param sequences   the idempotency table
 * @param state       the exchange state's snapshot bytes
 */
record ClusterSnapshot(long commands, long duplicates, long lastTimeNs, ClientSequences sequences, byte[] state) {
    static final long MAGIC = 0x45425843_4C555331L;
    static final int VERSION = 1;
    private static final int CHUNK = 16 * 1024;

    /** @return the snapshot in its byte form */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(state.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(commands);
            out.writeLong(duplicates);
            out.writeLong(lastTimeNs);
            sequences.write(out);
            out.writeInt(state.length);
            out.write(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the byte form.
     *
     * @throws IllegalArgumentException if the bytes are not a version 1 snapshot, are truncated or have extra bytes
     */
    static ClusterSnapshot fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            long magic = in.readLong();
            int version = in.readInt();
            if (magic != MAGIC || version != VERSION) {
                throw new IllegalArgumentException("cluster snapshot magic=" + Long.toHexString(magic) + " version="
                        + version + " must be " + Long.toHexString(MAGIC) + " version " + VERSION);
            }
            long commands = in.readLong();
            long duplicates = in.readLong();
            long lastTimeNs = in.readLong();
            ClientSequences sequences = new ClientSequences();
            sequences.read(in);
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new IllegalArgumentException("cluster snapshot state length=" + length + " must be in 0.."
                        + in.available());
            }
            byte[] state = in.readNBytes(length);
            if (in.available() != 0) {
                throw new IllegalArgumentException("cluster snapshot has " + in.available() + " trailing bytes");
            }
            return new ClusterSnapshot(commands, duplicates, lastTimeNs, sequences, state);
        } catch (IOException e) {
            throw new IllegalArgumentException("cluster snapshot is truncated: " + e, e);
        }
    }

    /** Offers the snapshot to the cluster's snapshot publication, idling while it is back-pressured. */
    void publish(ExclusivePublication publication, IdleStrategy idle) {
        byte[] bytes = toBytes();
        UnsafeBuffer header = new UnsafeBuffer(new byte[12]);
        header.putLong(0, MAGIC, ByteOrder.LITTLE_ENDIAN);
        header.putInt(8, bytes.length, ByteOrder.LITTLE_ENDIAN);
        offer(publication, header, 0, 12, idle);
        UnsafeBuffer body = new UnsafeBuffer(bytes);
        int chunk = Math.min(CHUNK, publication.maxPayloadLength());
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            offer(publication, body, offset, Math.min(chunk, bytes.length - offset), idle);
        }
    }

    /**
     * Reads a snapshot from the image the cluster hands a starting replica.
     *
     * @throws ClusterException if the stream ends before the snapshot is complete
     * @throws IllegalArgumentException if the bytes are not a valid snapshot
     */
    static ClusterSnapshot load(Image image, IdleStrategy idle) {
        ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(64 * 1024);
        int[] expected = {-1};
        int[] received = {0};
        while (expected[0] < 0 || received[0] < expected[0]) {
            int fragments = image.poll((buffer, offset, length, frameHeader) -> {
                if (expected[0] < 0) {
                    if (length != 12 || buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN) != MAGIC) {
                        throw new IllegalArgumentException("cluster snapshot does not start with its header");
                    }
                    expected[0] = buffer.getInt(offset + 8, ByteOrder.LITTLE_ENDIAN);
                } else {
                    bytes.putBytes(received[0], buffer, offset, length);
                    received[0] += length;
                }
            }, 16);
            if (fragments == 0 && image.isEndOfStream()) {
                throw new ClusterException("snapshot stream ended after " + received[0] + " of " + expected[0]
                        + " bytes");
            }
            idle.idle(fragments);
        }
        byte[] array = new byte[received[0]];
        bytes.getBytes(0, array);
        return fromBytes(array);
    }

    private static void offer(ExclusivePublication publication, UnsafeBuffer buffer, int offset, int length,
                              IdleStrategy idle) {
        idle.reset();
        long result;
        while ((result = publication.offer(buffer, offset, length)) < 0) {
            if (result == Publication.CLOSED || result == Publication.NOT_CONNECTED
                    || result == Publication.MAX_POSITION_EXCEEDED) {
                throw new ClusterException("snapshot publication refused the snapshot: "
                        + Publication.errorString(result));
            }
            idle.idle();
        }
    }
}
