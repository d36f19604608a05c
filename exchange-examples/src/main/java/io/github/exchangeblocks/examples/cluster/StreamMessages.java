package io.github.exchangeblocks.examples.cluster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The command stream between the clustered exchange and its replicas, version 1, little-endian. These messages
 * share the session with the command messages of {@link ClusterMessages} and are told apart by byte 16: an
 * ingress message's command type (1..63) or request type (64..), an egress message's acknowledgement outcome
 * (0..3) or stream kind (64..).
 *
 * <pre>
 *  ingress requests (not numbered: the client sequence field is 0; never applied to the state):
 *   SYNC    0 client id i64 | 8 zero i64 | 16 type u8=64 | 17 after sequence i64                     (25 bytes)
 *           every applied command after the sequence, then {@code SYNCED} and the live stream; a full state
 *           transfer instead if the ring no longer holds them
 *   STATE   0 client id i64 | 8 zero i64 | 16 type u8=65 | 17 state sequence i64 | 25 offset i64       (33 bytes)
 *           state sequence 0: a new transfer; else the rest of that transfer from the offset
 *  egress stream:
 *   COMMAND 0 stream sequence i64 | 8 client id i64 | 16 kind u8=64 | 17 client sequence i64
 *           | 25 command type u8 | 26 the command in CommandCodec form, its time field the log timestamp
 *   CHUNK   0 state sequence i64 | 8 state length i64 | 16 kind u8=65 | 17 offset i64
 *           | 25 highest client sequence applied for the receiver's client id i64 | 33 state bytes
 *   SYNCED  0 newest sequence i64 | 8 zero i64 | 16 kind u8=66                                        (17 bytes)
 *   BEHIND  0 last sequence sent i64 | 8 newest sequence i64 | 16 kind u8=67                          (17 bytes)
 * </pre>
 *
 * The stream sequence counts the commands applied to the state: 1, 2, 3, ..., the same on every member. The
 * state bytes are {@code ExchangeState.writeSnapshot()} taken after the state sequence's command.
 */
final class StreamMessages {
    /** Request: every command after a sequence. */
    static final byte SYNC = 64;
    /** Request: a state transfer or its rest. */
    static final byte STATE = 65;
    /** Stream: one applied command. */
    static final byte COMMAND = 64;
    /** Stream: a piece of a state transfer. */
    static final byte CHUNK = 65;
    /** Stream: the replay asked for is complete; the live stream follows. */
    static final byte SYNCED = 66;
    /** Stream: the session could not take a command and gets no more until it asks with {@code SYNC}. */
    static final byte BEHIND = 67;
    /** Offset of the type or kind byte. */
    static final int KIND = 16;
    static final int SYNC_LENGTH = 25;
    static final int STATE_LENGTH = 33;
    static final int COMMAND_HEADER = 26;
    static final int CHUNK_HEADER = 33;
    static final int NOTICE_LENGTH = 17;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private StreamMessages() {
    }

    /** @return whether an ingress message's type byte is a stream request (not a command) */
    static boolean isRequest(byte type) {
        return type == SYNC || type == STATE;
    }

    /** @return whether an egress message's kind byte is a stream message (not an acknowledgement) */
    static boolean isStream(byte kind) {
        return kind >= COMMAND && kind <= BEHIND;
    }

    static int encodeSync(byte[] out, long clientId, long after) {
        header(out, clientId, 0, SYNC);
        putLong(out, 17, after);
        return SYNC_LENGTH;
    }

    static int encodeState(byte[] out, long clientId, long stateSequence, long offset) {
        header(out, clientId, 0, STATE);
        putLong(out, 17, stateSequence);
        putLong(out, 25, offset);
        return STATE_LENGTH;
    }

    /** Writes a COMMAND header; the command's encoding follows at {@link #COMMAND_HEADER}. */
    static void encodeCommandHeader(byte[] out, long sequence, long clientId, long clientSequence, int type) {
        header(out, sequence, clientId, COMMAND);
        putLong(out, 17, clientSequence);
        out[25] = (byte) type;
    }

    /** Writes a CHUNK header; the state bytes follow at {@link #CHUNK_HEADER}. */
    static void encodeChunkHeader(byte[] out, long stateSequence, long stateLength, long offset,
                                  long highestClientSequence) {
        header(out, stateSequence, stateLength, CHUNK);
        putLong(out, 17, offset);
        putLong(out, 25, highestClientSequence);
    }

    static int encodeSynced(byte[] out, long newest) {
        header(out, newest, 0, SYNCED);
        return NOTICE_LENGTH;
    }

    static int encodeBehind(byte[] out, long lastSent, long newest) {
        header(out, lastSent, newest, BEHIND);
        return NOTICE_LENGTH;
    }

    /** @return the i64 at {@code index} of a message in {@code in} */
    static long longAt(byte[] in, int index) {
        return (long) LONG.get(in, index);
    }

    private static void header(byte[] out, long first, long second, byte kind) {
        putLong(out, 0, first);
        putLong(out, 8, second);
        out[KIND] = kind;
    }

    private static void putLong(byte[] out, int index, long value) {
        LONG.set(out, index, value);
    }
}
