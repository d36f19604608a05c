package io.github.exchangeblocks.engine.book;

import static io.github.exchangeblocks.engine.book.BookSnapshotDescriptor.*;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a book's state in the {@link BookSnapshotDescriptor} format (version 2) and reads it (version 2 or 1)
 * back into an empty state with identical time priority, the any-price queues included. Uses absolute buffer
 * access, so the buffer's byte order setting is irrelevant.
 */
final class BookSnapshotCodec {
    private BookSnapshotCodec() {
    }

    static int length(BookState state) {
        return HEADER_LENGTH + state.index.size() * ORDER_LENGTH;
    }

    static int write(BookState state, ByteBuffer target) {
        int length = length(state);
        if (target.remaining() < length) {
            throw new BufferOverflowException();
        }
        ByteBuffer buffer = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int base = buffer.position();
        buffer.putInt(base + MAGIC_OFFSET, MAGIC);
        buffer.putShort(base + VERSION_OFFSET, VERSION);
        buffer.put(base + PHASE_OFFSET, state.phase.code());
        buffer.put(base + PHASE_OFFSET + 1, (byte) 0);
        buffer.putLong(base + INSTRUMENT_OFFSET, state.settings.instrumentId());
        buffer.putLong(base + BAND_LOW_OFFSET, state.bandLow);
        buffer.putLong(base + BAND_HIGH_OFFSET, state.bandHigh);
        buffer.putLong(base + REFERENCE_PRICE_OFFSET, state.referencePrice);
        buffer.putLong(base + LAST_ARRIVAL_OFFSET, state.lastArrival);
        buffer.putLong(base + LAST_TRADE_ID_OFFSET, state.lastTradeId);
        buffer.putLong(base + LAST_LEVEL_SEQUENCE_OFFSET, state.lastLevelSequence);
        buffer.putInt(base + ORDER_COUNT_OFFSET, state.index.size());
        buffer.putInt(base + ORDER_COUNT_OFFSET + 4, 0);
        int offset = writeSide(Side.BUY, state, buffer, base + HEADER_LENGTH);
        writeSide(Side.SELL, state, buffer, offset);
        target.position(base + length);
        return length;
    }

    private static int writeSide(Side side, BookState state, ByteBuffer buffer, int start) {
        int offset = start;
        for (int order = state.firstInPriority(side); order != OrderStore.NIL; order = state.nextInPriority(order)) {
            offset = writeOrder(order, state, buffer, offset);
        }
        return offset;
    }

    private static int writeOrder(int order, BookState state, ByteBuffer buffer, int offset) {
        OrderStore orders = state.orders;
        buffer.putLong(offset + ORDER_ID_OFFSET, orders.orderId(order));
        buffer.putLong(offset + OWNER_ID_OFFSET, orders.ownerId(order));
        buffer.putLong(offset + PRICE_OFFSET, orders.price(order));
        buffer.putLong(offset + REMAINING_OFFSET, orders.remaining(order));
        buffer.putLong(offset + TIMESTAMP_OFFSET, orders.timestampNs(order));
        buffer.putLong(offset + ARRIVAL_OFFSET, orders.arrival(order));
        buffer.put(offset + SIDE_OFFSET, orders.side(order).code());
        buffer.put(offset + TYPE_OFFSET, orders.type(order).code());
        buffer.put(offset + TIME_IN_FORCE_OFFSET, orders.timeInForce(order).code());
        buffer.put(offset + STP_OFFSET, orders.selfTradePrevention(order).code());
        buffer.putInt(offset + POST_ONLY_OFFSET, orders.postOnly(order) ? 1 : 0);
        buffer.putLong(offset + MIN_QUANTITY_OFFSET, state.minimums.of(order));
        return offset + ORDER_LENGTH;
    }

    /**
     * Reads a snapshot into {@code state}, which must be freshly created and empty; advances the buffer.
     *
     * @throws IllegalArgumentException if the bytes are not a valid snapshot for these settings
     */
    static void read(ByteBuffer source, BookState state) {
        ByteBuffer buffer = source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int base = buffer.position();
        require(buffer.remaining() >= HEADER_LENGTH, "snapshot length=" + buffer.remaining() + " must be >= "
            + HEADER_LENGTH);
        int magic = buffer.getInt(base + MAGIC_OFFSET);
        require(magic == MAGIC, "snapshot magic=0x" + Integer.toHexString(magic) + " must be 0x"
            + Integer.toHexString(MAGIC));
        short version = buffer.getShort(base + VERSION_OFFSET);
        require(version == VERSION || version == VERSION_1, "snapshot version=" + version + " must be "
            + VERSION_1 + " or " + VERSION);
        int recordLength = version == VERSION ? ORDER_LENGTH : ORDER_LENGTH_V1;
        long instrumentId = buffer.getLong(base + INSTRUMENT_OFFSET);
        require(instrumentId == state.settings.instrumentId(), "snapshot instrumentId=" + instrumentId
            + " must equal settings instrumentId=" + state.settings.instrumentId());
        int count = buffer.getInt(base + ORDER_COUNT_OFFSET);
        require(count >= 0 && (long) count * recordLength <= buffer.remaining() - HEADER_LENGTH,
            "snapshot orderCount=" + count + " must fit the " + buffer.remaining() + " bytes given");
        state.phase = TradingPhase.fromCode(buffer.get(base + PHASE_OFFSET));
        state.bandLow = buffer.getLong(base + BAND_LOW_OFFSET);
        state.bandHigh = buffer.getLong(base + BAND_HIGH_OFFSET);
        state.referencePrice = buffer.getLong(base + REFERENCE_PRICE_OFFSET);
        state.lastArrival = buffer.getLong(base + LAST_ARRIVAL_OFFSET);
        state.lastTradeId = buffer.getLong(base + LAST_TRADE_ID_OFFSET);
        state.lastLevelSequence = buffer.getLong(base + LAST_LEVEL_SEQUENCE_OFFSET);
        int offset = base + HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            long orderId = buffer.getLong(offset + ORDER_ID_OFFSET);
            long price = buffer.getLong(offset + PRICE_OFFSET);
            long remaining = buffer.getLong(offset + REMAINING_OFFSET);
            long arrival = buffer.getLong(offset + ARRIVAL_OFFSET);
            Side side = Side.fromCode(buffer.get(offset + SIDE_OFFSET));
            OrderType type = OrderType.fromCode(buffer.get(offset + TYPE_OFFSET));
            TimeInForce timeInForce = TimeInForce.fromCode(buffer.get(offset + TIME_IN_FORCE_OFFSET));
            SelfTradePrevention stp = SelfTradePrevention.fromCode(buffer.get(offset + STP_OFFSET));
            long minQuantity = version == VERSION ? buffer.getLong(offset + MIN_QUANTITY_OFFSET) : 0L;
            // Price 0 and minimums exist only in the auction: a market order without protection price, or an
            // order collected there; both are gone once continuous trading starts.
            boolean auction = state.phase != TradingPhase.CONTINUOUS;
            require(orderId > 0 && (price > 0 || (price == 0 && type == OrderType.MARKET && auction))
                && price % state.settings.tickSize() == 0 && remaining > 0
                && minQuantity >= 0 && minQuantity <= remaining && (minQuantity == 0 || auction)
                && arrival > 0 && arrival <= state.lastArrival && !state.index.containsKey(orderId),
                "snapshot order record " + i + " (orderId=" + orderId + ") is inconsistent");
            int order = state.orders.acquire();
            state.orders.set(order, orderId, buffer.getLong(offset + OWNER_ID_OFFSET), side, type, timeInForce, stp,
                buffer.get(offset + POST_ONLY_OFFSET) != 0, price, remaining);
            state.orders.priority(order, buffer.getLong(offset + TIMESTAMP_OFFSET), arrival);
            state.minimums.set(order, minQuantity);
            state.restoreResting(order);
            offset += recordLength;
        }
        source.position(offset);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
