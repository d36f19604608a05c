package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.AmendOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.CancelOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Deposit;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.EndTradingDay;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.InsertOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Liquidate;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.ListInstrument;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.MarkPrice;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.RegisterUser;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetInstrumentStatus;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetPhase;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetPriceBand;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetReferencePrice;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.UpdateRates;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Withdraw;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal's binary form of a command. One record per command; the WAL record type is the command's kind.
 *
 * <pre>
 *  0       1       9
 *  +-------+-------+----------------------------------+
 *  |version| time  | fields of the kind, in order     |
 *  |  u8=1 | i64 ns| (little-endian)                  |
 *  +-------+-------+----------------------------------+
 * </pre>
 *
 * Field encodings: {@code long} i64, {@code int} i32, enum u8 code (0xFF for {@code null}), string u16 byte length
 * then UTF-8 (0xFFFF for {@code null}, at most 65,534 bytes), map i32 count then (string, i64) pairs in key order,
 * optional commission rate u8 0 (absent) or 1 then perLot i64, notionalRateE8 i64.
 * Kinds are only ever added: type 15 ({@link UpdateRates}: string, i64, i64, 3 optional rates) came after 1..14.
 * Version 1 is the only version; a new version gets a new golden file and the decoder keeps reading version 1.
 * Not thread-safe: one codec per thread.
 */
public final class CommandCodec {
    /** The format version this codec writes. */
    public static final byte VERSION = 1;
    private static final int NULL_ENUM = 0xFF;
    private static final int NULL_STRING = 0xFFFF;
    private static final int MAX_STRING_BYTES = 0xFFFE;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private static final int TIME_OFFSET = 1;

    private byte[] bytes = new byte[128];
    private int position;

    /**
     * The WAL record type of a command: its kind, stable across versions.
     *
     * @param command the command, not {@code null}
     * @return 1..15
     */
    public static int typeOf(ExchangeCommand command) {
        if (command instanceof RegisterUser) {
            return 1;
        } else if (command instanceof Deposit) {
            return 2;
        } else if (command instanceof Withdraw) {
            return 3;
        } else if (command instanceof ListInstrument) {
            return 4;
        } else if (command instanceof SetInstrumentStatus) {
            return 5;
        } else if (command instanceof SetPhase) {
            return 6;
        } else if (command instanceof SetPriceBand) {
            return 7;
        } else if (command instanceof SetReferencePrice) {
            return 8;
        } else if (command instanceof InsertOrder) {
            return 9;
        } else if (command instanceof CancelOrder) {
            return 10;
        } else if (command instanceof MarkPrice) {
            return 11;
        } else if (command instanceof EndTradingDay) {
            return 12;
        } else if (command instanceof AmendOrder) {
            return 14;
        } else if (command instanceof UpdateRates) {
            return 15;
        } else {
            return 13;
        }
    }

    /**
     * Encodes a command with its time into this codec's buffer.
     *
     * @param timestampNs the command's time
     * @param command     the command, not {@code null}
     * @return the encoded length; the bytes are {@code array()[0..length)}
     * @throws IllegalArgumentException if a string is longer than 65,534 UTF-8 bytes
     */
    public int encode(long timestampNs, ExchangeCommand command) {
        position = 0;
        put(VERSION);
        putLong(timestampNs);
        if (command instanceof RegisterUser c) {
            putString(c.user());
        } else if (command instanceof Deposit c) {
            putString(c.user());
            putLong(c.amountMinor());
        } else if (command instanceof Withdraw c) {
            putString(c.user());
            putLong(c.amountMinor());
        } else if (command instanceof ListInstrument c) {
            putSpec(c.spec());
        } else if (command instanceof SetInstrumentStatus c) {
            putString(c.instrumentId());
            putEnum(c.status() == null ? NULL_ENUM : c.status().code());
        } else if (command instanceof SetPhase c) {
            putString(c.instrumentId());
            putEnum(c.phase() == null ? NULL_ENUM : c.phase().code());
        } else if (command instanceof SetPriceBand c) {
            putString(c.instrumentId());
            putLong(c.lowTicks());
            putLong(c.highTicks());
        } else if (command instanceof SetReferencePrice c) {
            putString(c.instrumentId());
            putLong(c.priceTicks());
        } else if (command instanceof InsertOrder c) {
            putString(c.user());
            putString(c.clientOrderId());
            putString(c.instrumentId());
            putEnum(c.side() == null ? NULL_ENUM : c.side().code());
            putEnum(c.offset() == null ? NULL_ENUM : c.offset().code());
            putEnum(c.type() == null ? NULL_ENUM : c.type().code());
            putEnum(c.timeInForce() == null ? NULL_ENUM : c.timeInForce().code());
            putLong(c.priceTicks());
            putLong(c.volume());
            putLong(c.minVolume());
        } else if (command instanceof CancelOrder c) {
            putString(c.user());
            putString(c.clientOrderId());
        } else if (command instanceof AmendOrder c) {
            putString(c.user());
            putString(c.clientOrderId());
            putLong(c.priceTicks());
            putLong(c.volume());
        } else if (command instanceof MarkPrice c) {
            putString(c.instrumentId());
            putLong(c.priceTicks());
        } else if (command instanceof UpdateRates c) {
            putString(c.instrumentId());
            putLong(c.longMarginRateE8());
            putLong(c.shortMarginRateE8());
            putOptionalRate(c.openCommission());
            putOptionalRate(c.closeCommission());
            putOptionalRate(c.closeTodayCommission());
        } else if (command instanceof EndTradingDay c) {
            putInt(c.nextTradingDay());
            Map<String, Long> prices = c.settlementPrices();
            putInt(prices == null ? -1 : prices.size());
            if (prices != null) {
                for (Map.Entry<String, Long> e : prices.entrySet()) {
                    putString(e.getKey());
                    putLong(e.getValue() == null ? 0 : e.getValue());
                }
            }
        }
        return position;
    }

    /**
     * Sets the time of the last encoded command, in place: a command may be encoded where it is submitted and
     * stamped where it is sequenced.
     *
     * @param timestampNs the command's time, nanoseconds since the epoch
     */
    public void stamp(long timestampNs) {
        LONG.set(bytes, TIME_OFFSET, timestampNs);
    }

    /** @return the codec's array, holding the last encoded command at {@code [0, length)} */
    public byte[] array() {
        return bytes;
    }

    /**
     * Decodes a journaled command.
     *
     * @param type   the WAL record type
     * @param source the payload (little-endian not required: read absolute, in this codec's order)
     * @param offset absolute index of the payload's first byte
     * @return the command with its time
     * @throws IllegalArgumentException if the payload is not a command this codec knows
     */
    public static Journaled decode(int type, ByteBuffer source, int offset) {
        Reader in = new Reader(source.duplicate().order(ByteOrder.LITTLE_ENDIAN), offset);
        int version = in.u8();
        if (version != VERSION) {
            throw new IllegalArgumentException("command version=" + version + " must be " + VERSION);
        }
        long timestampNs = in.i64();
        ExchangeCommand command = switch (type) {
            case 1 -> new RegisterUser(in.string());
            case 2 -> new Deposit(in.string(), in.i64());
            case 3 -> new Withdraw(in.string(), in.i64());
            case 4 -> new ListInstrument(in.spec());
            case 5 -> new SetInstrumentStatus(in.string(), in.enumOf(InstrumentStatus::fromCode));
            case 6 -> new SetPhase(in.string(), in.enumOf(TradingPhase::fromCode));
            case 7 -> new SetPriceBand(in.string(), in.i64(), in.i64());
            case 8 -> new SetReferencePrice(in.string(), in.i64());
            case 9 -> new InsertOrder(in.string(), in.string(), in.string(), in.enumOf(Side::fromCode),
                    in.enumOf(Offset::fromCode), in.enumOf(OrderType::fromCode), in.enumOf(TimeInForce::fromCode),
                    in.i64(), in.i64(), in.i64());
            case 10 -> new CancelOrder(in.string(), in.string());
            case 11 -> new MarkPrice(in.string(), in.i64());
            case 12 -> endOfDay(in);
            case 13 -> new Liquidate();
            case 14 -> new AmendOrder(in.string(), in.string(), in.i64(), in.i64());
            case 15 -> new UpdateRates(in.string(), in.i64(), in.i64(), in.optionalRate(), in.optionalRate(),
                    in.optionalRate());
            default -> throw new IllegalArgumentException("command type=" + type + " must be in 1..15");
        };
        return new Journaled(timestampNs, command);
    }

    private static EndTradingDay endOfDay(Reader in) {
        int day = in.i32();
        int count = in.i32();
        if (count < 0) {
            return new EndTradingDay(day, null);
        }
        Map<String, Long> prices = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            prices.put(in.string(), in.i64());
        }
        return new EndTradingDay(day, prices);
    }

    /**
     * A decoded command and the time the core stamped on it.
     *
     * @param timestampNs the command's time, nanoseconds since the epoch
     * @param command     the command
     */
    public record Journaled(long timestampNs, ExchangeCommand command) {
    }

    private void putSpec(InstrumentSpec spec) {
        if (spec == null) {
            put((byte) 0);
            return;
        }
        put((byte) 1);
        putString(spec.instrumentId());
        putInt(spec.priceScale());
        putLong(spec.tickSize());
        putLong(spec.volumeMultiple());
        putLong(spec.lotSize());
        putLong(spec.longMarginRateE8());
        putLong(spec.shortMarginRateE8());
        putRate(spec.openCommission());
        putRate(spec.closeCommission());
        putRate(spec.closeTodayCommission());
        putLong(spec.limitRateE8());
        putLong(spec.maxOrderVolume());
        putEnum(spec.closeRule() == null ? NULL_ENUM : spec.closeRule().code());
    }

    private void putRate(CommissionRate rate) {
        putLong(rate == null ? 0 : rate.perLotMinor());
        putLong(rate == null ? 0 : rate.notionalRateE8());
    }

    private void putOptionalRate(CommissionRate rate) {
        put((byte) (rate == null ? 0 : 1));
        if (rate != null) {
            putRate(rate);
        }
    }

    private void putString(String s) {
        if (s == null) {
            putShort(NULL_STRING);
            return;
        }
        if (putAscii(s)) {
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + utf8.length + " UTF-8 bytes must be at most "
                    + MAX_STRING_BYTES);
        }
        ensure(2 + utf8.length);
        putShort(utf8.length);
        System.arraycopy(utf8, 0, bytes, position, utf8.length);
        position += utf8.length;
    }

    /**
     * The common case (ids and names): one byte per char, written straight into the array.
     *
     * @return {@code false}, with nothing written, if the string has a non-ASCII char or is too long
     */
    private boolean putAscii(String s) {
        int length = s.length();
        if (length > MAX_STRING_BYTES) {
            return false;
        }
        ensure(2 + length);
        int start = position + 2;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            bytes[start + i] = (byte) c;
        }
        putShort(length);
        position += length;
        return true;
    }

    private void putEnum(int code) {
        put((byte) code);
    }

    private void put(byte b) {
        ensure(1);
        bytes[position++] = b;
    }

    private void putShort(int v) {
        ensure(2);
        SHORT.set(bytes, position, (short) v);
        position += 2;
    }

    private void putInt(int v) {
        ensure(4);
        INT.set(bytes, position, v);
        position += 4;
    }

    private void putLong(long v) {
        ensure(8);
        LONG.set(bytes, position, v);
        position += 8;
    }

    private void ensure(int count) {
        if (bytes.length - position < count) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + count));
        }
    }

    /** Sequential absolute reads over a payload. */
    private static final class Reader {
        private final ByteBuffer in;
        private int position;

        Reader(ByteBuffer in, int position) {
            this.in = in;
            this.position = position;
        }

        int u8() {
            return in.get(position++) & 0xFF;
        }

        int i32() {
            int v = in.getInt(position);
            position += 4;
            return v;
        }

        long i64() {
            long v = in.getLong(position);
            position += 8;
            return v;
        }

        String string() {
            int length = in.getShort(position) & 0xFFFF;
            position += 2;
            if (length == NULL_STRING) {
                return null;
            }
            byte[] bytes = new byte[length];
            in.get(position, bytes);
            position += length;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        <E> E enumOf(java.util.function.IntFunction<E> fromCode) {
            int code = u8();
            return code == NULL_ENUM ? null : fromCode.apply(code);
        }

        InstrumentSpec spec() {
            if (u8() == 0) {
                return null;
            }
            return new InstrumentSpec(string(), i32(), i64(), i64(), i64(), i64(), i64(), rate(), rate(), rate(),
                    i64(), i64(), enumOf(CloseRule::fromCode));
        }

        CommissionRate rate() {
            return new CommissionRate(i64(), i64());
        }

        CommissionRate optionalRate() {
            return u8() == 0 ? null : rate();
        }
    }
}
