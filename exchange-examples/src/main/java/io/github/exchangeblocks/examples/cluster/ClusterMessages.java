package io.github.exchangeblocks.examples.cluster;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.examples.exchange.CommandCodec;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The messages between a gateway and the clustered exchange, version 1, little-endian.
 *
 * <pre>
 *  ingress (a command; what the cluster log holds):
 *   0 client id i64 | 8 client sequence i64 | 16 command type u8 | 17 the command in {@link CommandCodec} form
 *   (its time field is ignored: the command's time is the log entry's timestamp)
 *  egress (the command's acknowledgement, sent by the leader once the command is committed and applied):
 *   0 client sequence i64 | 8 log position i64 (0 if it was refused before applying) | 16 outcome u8
 *   | 17 reject code i32 (0 for none) | 21 message length u16 | 23 message UTF-8
 * </pre>
 *
 * A client id names one gateway across reconnections; its sequences start at 1 and increase by one per command.
 * Not thread-safe: one instance per thread.
 */
final class ClusterMessages {
    /** Bytes before the command in an ingress message. */
    static final int INGRESS_HEADER = 17;
    /** The command was applied and accepted. */
    static final byte APPLIED = 0;
    /** The command was applied and refused by the state (the reject code says why), or could not be decoded. */
    static final byte REFUSED = 1;
    /** The client sequence had been applied before (a resend): nothing was applied now. */
    static final byte DUPLICATE = 2;
    /** Commands before this one are missing (lost with a replaced leader): nothing was applied; resend from the
     *  lowest unacknowledged. */
    static final byte OUT_OF_ORDER = 3;
    private static final int MAX_MESSAGE_BYTES = 1024;

    private final CommandCodec codec = new CommandCodec();
    private byte[] scratch = new byte[256];

    /**
     * Writes a command message.
     *
     * @return its length
     * @throws IllegalArgumentException if a string of the command is too long for the codec
     */
    int encodeCommand(MutableDirectBuffer out, long clientId, long clientSequence, ExchangeCommand command) {
        int length = codec.encode(0, command);
        out.putLong(0, clientId, ByteOrder.LITTLE_ENDIAN);
        out.putLong(8, clientSequence, ByteOrder.LITTLE_ENDIAN);
        out.putByte(16, (byte) CommandCodec.typeOf(command));
        out.putBytes(INGRESS_HEADER, codec.array(), 0, length);
        return INGRESS_HEADER + length;
    }

    static long clientId(DirectBuffer in, int offset) {
        return in.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }

    static long clientSequence(DirectBuffer in, int offset) {
        return in.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Decodes the command of an ingress message of {@code length} bytes (at least {@link #INGRESS_HEADER}); reads
     * nothing past the message, so a truncated one fails the same way on every replica.
     *
     * @throws IllegalArgumentException or {@link IndexOutOfBoundsException} if the bytes are not a valid command
     */
    ExchangeCommand decodeCommand(DirectBuffer in, int offset, int length) {
        int payload = length - INGRESS_HEADER;
        if (scratch.length < payload) {
            scratch = new byte[Math.max(payload, scratch.length * 2)];
        }
        in.getBytes(offset + INGRESS_HEADER, scratch, 0, payload);
        return CommandCodec.decode(in.getByte(offset + 16) & 0xFF, ByteBuffer.wrap(scratch, 0, payload), 0)
                .command();
    }

    /**
     * Writes an acknowledgement.
     *
     * @param message cut to 1,024 UTF-8 bytes
     * @return its length
     */
    static int encodeAck(MutableDirectBuffer out, long clientSequence, long logPosition, byte outcome,
                         RejectCode code, CharSequence message) {
        out.putLong(0, clientSequence, ByteOrder.LITTLE_ENDIAN);
        out.putLong(8, logPosition, ByteOrder.LITTLE_ENDIAN);
        out.putByte(16, outcome);
        out.putInt(17, code == null ? 0 : code.code(), ByteOrder.LITTLE_ENDIAN);
        byte[] text = message.toString().getBytes(StandardCharsets.UTF_8);
        int textLength = Math.min(text.length, MAX_MESSAGE_BYTES);
        out.putShort(21, (short) textLength, ByteOrder.LITTLE_ENDIAN);
        out.putBytes(23, text, 0, textLength);
        return 23 + textLength;
    }

    static long ackSequence(DirectBuffer in, int offset) {
        return in.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }

    static long ackLogPosition(DirectBuffer in, int offset) {
        return in.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN);
    }

    static byte ackOutcome(DirectBuffer in, int offset) {
        return in.getByte(offset + 16);
    }

    /** @return the reject code, {@code null} for none */
    static RejectCode ackCode(DirectBuffer in, int offset) {
        int code = in.getInt(offset + 17, ByteOrder.LITTLE_ENDIAN);
        return code == 0 ? null : RejectCode.fromCode(code);
    }

    static String ackMessage(DirectBuffer in, int offset) {
        int length = in.getShort(offset + 21, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        return in.getStringWithoutLengthUtf8(offset + 23, length);
    }
}
