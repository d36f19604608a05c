package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.engine.venue.Venue;
import io.github.exchangeblocks.engine.venue.VenueSettings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The exchange state's snapshot format, version 2 (big-endian, {@link DataOutputStream} encodings; strings as
 * a presence byte then modified UTF-8; enums as a byte code, -1 for {@code null}):
 *
 * <pre>
 *  magic i64 "EBXSTAT1" | version i32 = 2 | venue snapshot: length i32, bytes (the venue's own versioned format)
 *  users i32 (= the venue's accounts), then per account id:
 *      orders i32, then in insert order: clientOrderId, instrumentId, side, requested offset, type, timeInForce,
 *          volume i64, insertTime i64, orderId i64, offset, price i64, volumeLeft i64, alive u8, lastMessage
 *      trades i32, then in order: clientOrderId, orderId i64, tradeId i64, instrumentId, side, offset, price i64,
 *          volume i64, commission i64, closeProfit i64, maker u8, time i64
 *  liquidations i32 (version 2), then oldest first: user, then the order fields as above
 * </pre>
 *
 * Version 1 is version 2 without the liquidation history (read as empty).
 */
final class StateSnapshot {
    static final long MAGIC = 0x45425853_54415431L;
    static final int VERSION = 2;
    static final int VERSION_1 = 1;

    private StateSnapshot() {
    }

    static byte[] write(ExchangeState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            byte[] venue = state.venue.writeSnapshot();
            out.writeInt(venue.length);
            out.write(venue);
            int users = state.venue.accountCount();
            out.writeInt(users);
            for (int a = 0; a < users; a++) {
                UserDay day = state.user(a);
                out.writeInt(day.orders.size());
                for (OrderRecord o : day.orders) {
                    writeOrder(out, o);
                }
                out.writeInt(day.trades.size());
                for (TradeRecord t : day.trades) {
                    string(out, t.clientOrderId());
                    out.writeLong(t.orderId());
                    out.writeLong(t.tradeId());
                    string(out, t.instrumentId());
                    out.writeByte(t.side().code());
                    out.writeByte(t.offset().code());
                    out.writeLong(t.priceTicks());
                    out.writeLong(t.volume());
                    out.writeLong(t.commission());
                    out.writeLong(t.closeProfit());
                    out.writeBoolean(t.maker());
                    out.writeLong(t.timeNs());
                }
            }
            out.writeInt(state.liquidations.size());
            for (OrderRecord o : state.liquidations.inOrder()) {
                string(out, o.user);
                writeOrder(out, o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ExchangeState read(VenueSettings settings, byte[] snapshot, ExchangeListener listener) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            long magic = in.readLong();
            int version = in.readInt();
            if (magic != MAGIC || version != VERSION && version != VERSION_1) {
                throw new IllegalArgumentException("state snapshot magic=" + Long.toHexString(magic) + " version="
                        + version + " must be " + Long.toHexString(MAGIC) + " version " + VERSION_1 + " or "
                        + VERSION);
            }
            byte[] venueBytes = new byte[in.readInt()];
            in.readFully(venueBytes);
            ExchangeState state = new ExchangeState(listener, events -> Venue.restore(settings, venueBytes, events));
            int users = in.readInt();
            for (int a = 0; a < users; a++) {
                UserDay day = state.user(a);
                int orders = in.readInt();
                for (int i = 0; i < orders; i++) {
                    OrderRecord o = readOrder(in, day.user);
                    if (!day.add(o)) {
                        throw new IllegalArgumentException("clientOrderId=" + o.clientOrderId + " of user="
                                + day.user + " is in the snapshot twice");
                    }
                    if (o.alive) {
                        state.byOrderId.put(o.orderId, o);
                        day.working(o);
                    }
                }
                int trades = in.readInt();
                for (int i = 0; i < trades; i++) {
                    day.trades.add(new TradeRecord(day.user, string(in), in.readLong(), in.readLong(), string(in),
                            Side.fromCode(in.readByte()), Offset.fromCode(in.readByte()), in.readLong(),
                            in.readLong(), in.readLong(), in.readLong(), in.readBoolean(), in.readLong()));
                }
            }
            int liquidations = version == VERSION_1 ? 0 : in.readInt();
            for (int i = 0; i < liquidations; i++) {
                state.liquidations.add(readOrder(in, string(in)));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("state snapshot has " + in.available() + " trailing bytes");
            }
            return state;
        } catch (IOException e) {
            throw new IllegalArgumentException("state snapshot is truncated: " + e, e);
        }
    }

    private static void writeOrder(DataOutputStream out, OrderRecord o) throws IOException {
        string(out, o.clientOrderId);
        string(out, o.instrumentId);
        out.writeByte(o.side == null ? -1 : o.side.code());
        out.writeByte(o.requestedOffset == null ? -1 : o.requestedOffset.code());
        out.writeByte(o.type == null ? -1 : o.type.code());
        out.writeByte(o.timeInForce == null ? -1 : o.timeInForce.code());
        out.writeLong(o.volume);
        out.writeLong(o.insertTimeNs);
        out.writeLong(o.orderId);
        out.writeByte(o.offset == null ? -1 : o.offset.code());
        out.writeLong(o.priceTicks);
        out.writeLong(o.volumeLeft);
        out.writeBoolean(o.alive);
        string(out, o.lastMessage);
    }

    private static OrderRecord readOrder(DataInputStream in, String user) throws IOException {
        OrderRecord o = new OrderRecord(user, string(in), string(in), code(in, Side::fromCode),
                code(in, Offset::fromCode), code(in, OrderType::fromCode), code(in, TimeInForce::fromCode), 0,
                in.readLong(), in.readLong());
        o.orderId = in.readLong();
        o.offset = code(in, Offset::fromCode);
        o.priceTicks = in.readLong();
        o.volumeLeft = in.readLong();
        o.alive = in.readBoolean();
        o.lastMessage = string(in);
        return o;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static <E> E code(DataInputStream in, java.util.function.IntFunction<E> fromCode) throws IOException {
        byte code = in.readByte();
        return code < 0 ? null : fromCode.apply(code);
    }
}
