package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of a {@link Command} in the journal: the command kind is the WAL record type, the payload is
 * little-endian with strings as an unsigned 16-bit byte length followed by UTF-8 bytes. Version 1:
 *
 * <pre>
 * type 1 DEPOSIT   | timestampNs i64 | amountMinor i64 | user str |
 * type 2 PLACE     | timestampNs i64 | orderId i64 | priceTicks i64 | volume i64 |
 *                  | side u8 | offset u8 | timeInForce u8 | user str | instrumentId str |
 * type 3 CANCEL    | timestampNs i64 | orderId i64 | user str |
 * type 4 MARK      | timestampNs i64 | priceTicks i64 | instrumentId str |
 * </pre>
 *
 * Enum bytes are the api enums' stable {@code code()} values. Encoding reuses one growing buffer; decoding
 * allocates the command. Not thread-safe.
 */
public final class CommandCodec {
    /** Record type of {@link Command.Deposit}. */
    public static final int TYPE_DEPOSIT = 1;
    /** Record type of {@link Command.PlaceOrder}. */
    public static final int TYPE_PLACE_ORDER = 2;
    /** Record type of {@link Command.CancelOrder}. */
    public static final int TYPE_CANCEL_ORDER = 3;
    /** Record type of {@link Command.MarkPrice}. */
    public static final int TYPE_MARK_PRICE = 4;

    private static final int MAX_STRING_BYTES = 0xFFFF;

    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    /** Creates a codec with an empty encoding buffer. */
    public CommandCodec() {
    }

    /**
     * The record type a command is journaled under.
     *
     * @param command the command, not {@code null}
     * @return one of the {@code TYPE_} constants
     */
    public static int typeOf(Command command) {
        if (command instanceof Command.Deposit) {
            return TYPE_DEPOSIT;
        } else if (command instanceof Command.PlaceOrder) {
            return TYPE_PLACE_ORDER;
        } else if (command instanceof Command.CancelOrder) {
            return TYPE_CANCEL_ORDER;
        }
        return TYPE_MARK_PRICE;
    }

    /**
     * Encodes a command's payload into this codec's buffer.
     *
     * @param command the command, not {@code null}
     * @return the payload length; the bytes are {@code array()[0, length)} until the next call
     * @throws IllegalArgumentException if a string is longer than 65,535 UTF-8 bytes
     */
    public int encode(Command command) {
        buffer.clear();
        if (command instanceof Command.Deposit deposit) {
            ensure(16).putLong(deposit.timestampNs()).putLong(deposit.amountMinor());
            putString(deposit.user());
        } else if (command instanceof Command.PlaceOrder order) {
            ensure(35).putLong(order.timestampNs()).putLong(order.orderId()).putLong(order.priceTicks())
                    .putLong(order.volume()).put(order.side().code()).put(order.offset().code())
                    .put(order.timeInForce().code());
            putString(order.user());
            putString(order.instrumentId());
        } else if (command instanceof Command.CancelOrder cancel) {
            ensure(16).putLong(cancel.timestampNs()).putLong(cancel.orderId());
            putString(cancel.user());
        } else {
            Command.MarkPrice mark = (Command.MarkPrice) command;
            ensure(16).putLong(mark.timestampNs()).putLong(mark.priceTicks());
            putString(mark.instrumentId());
        }
        return buffer.position();
    }

    /**
     * The encoding buffer's backing array.
     *
     * @return the array holding the last encoded payload from index 0
     */
    public byte[] array() {
        return buffer.array();
    }

    /**
     * Decodes a payload.
     *
     * @param type   the record type
     * @param source a little-endian buffer holding the payload; read with absolute gets only
     * @param offset the payload's first byte in {@code source}
     * @return a new command
     * @throws IllegalArgumentException if the type is unknown or an enum byte is invalid (a damaged journal)
     */
    public static Command decode(int type, ByteBuffer source, int offset) {
        long timestampNs = source.getLong(offset);
        switch (type) {
            case TYPE_DEPOSIT:
                return new Command.Deposit(timestampNs, getString(source, offset + 16), source.getLong(offset + 8));
            case TYPE_PLACE_ORDER: {
                String user = getString(source, offset + 35);
                String instrumentId = getString(source, offset + 37 + stringLength(source, offset + 35));
                return new Command.PlaceOrder(timestampNs, user, source.getLong(offset + 8), instrumentId,
                        Side.fromCode(source.get(offset + 32)), Offset.fromCode(source.get(offset + 33)),
                        TimeInForce.fromCode(source.get(offset + 34)), source.getLong(offset + 16),
                        source.getLong(offset + 24));
            }
            case TYPE_CANCEL_ORDER:
                return new Command.CancelOrder(timestampNs, getString(source, offset + 16), source.getLong(offset + 8));
            case TYPE_MARK_PRICE:
                return new Command.MarkPrice(timestampNs, getString(source, offset + 16), source.getLong(offset + 8));
            default:
                throw new IllegalArgumentException("type=" + type + " must be one of 1..4");
        }
    }

    private void putString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + bytes.length + " UTF-8 bytes must be at most "
                    + MAX_STRING_BYTES);
        }
        ensure(2 + bytes.length).putShort((short) bytes.length).put(bytes);
    }

    private ByteBuffer ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        return buffer;
    }

    private static int stringLength(ByteBuffer source, int index) {
        return source.getShort(index) & 0xFFFF;
    }

    private static String getString(ByteBuffer source, int index) {
        byte[] bytes = new byte[stringLength(source, index)];
        source.get(index + 2, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
