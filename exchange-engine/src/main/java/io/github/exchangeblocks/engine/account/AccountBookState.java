package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * State hashing and the versioned binary snapshot of an {@link AccountBook}. Both walk the state in a fixed
 * order: instruments by index, accounts by id, each account's positions in first-open order, open orders by id.
 *
 * <p>Snapshot layout, version 2 (big-endian, {@link DataOutputStream} encoding, strings as modified UTF-8):
 * <pre>
 * int magic 0x45424142 ("EBAB") | int version=2 | int moneyScale | byte conventions | int lastSettledDay
 * long feesCollected
 * int instrumentCount | { utf instrumentId | long markPriceTicks } x instrumentCount
 * int accountCount | { utf userName | long preBalance, deposit, withdraw, closeProfit, commission,
 *                      positionProfit, floatProfit, margin, frozenMargin, frozenCommission
 *                    | int positionCount | { int instrumentIndex | long[4] volume, frozen, openCost,
 *                      positionCost, margin | long[2] pendingOpen, positionProfit, floatProfit
 *                      | long lastPriceTicks | int openOrders } x positionCount } x accountCount
 * int orderCount | { long orderId | int accountId | int instrumentIndex | byte side | byte offset
 *                  | byte type | long limitPriceTicks
 *                  | long freezePriceTicks, remaining, frozenMargin, frozenCommission, frozenToday, frozenHis }
 * </pre>
 * {@code conventions} is {@link AccountConventions}' one-byte encoding: bits 0-1 commission rounding code, bits 2-3
 * margin rounding code, bit 4 freeze closing commission, bit 5 retain flat positions, bit 6 round a mixed close
 * once.
 *
 * <p>Version 1 (earlier releases, still read) has no {@code conventions} byte (it restores with
 * {@link AccountConventions#legacy()}) and no {@code type} and {@code limitPriceTicks} per order (restored as LIMIT
 * orders whose limit is the freeze price).
 */
final class AccountBookState {
    static final int MAGIC = 0x45424142;
    static final int VERSION = 2;
    static final int VERSION_1 = 1;
    private static final long PRIME = 0x100000001B3L;

    private AccountBookState() {
    }

    static long hash(AccountBook book) {
        long h = 0xCBF29CE484222325L;
        h = mix(h, book.conventions.encode());
        h = mix(h, book.lastSettledDay);
        h = mix(h, book.feesCollected);
        for (int i = 0; i < book.registry.size(); i++) {
            h = mix(h, book.markPriceTicks(i));
        }
        for (Account a : book.accounts) {
            h = mix(h, a.accountId());
            h = mix(h, a.userName().hashCode());
            h = mix(h, a.preBalance);
            h = mix(h, a.deposit);
            h = mix(h, a.withdraw);
            h = mix(h, a.closeProfit);
            h = mix(h, a.commission);
            h = mix(h, a.positionProfit);
            h = mix(h, a.floatProfit);
            h = mix(h, a.margin);
            h = mix(h, a.frozenMargin);
            h = mix(h, a.frozenCommission);
            h = mix(h, a.openOrderCount);
            for (Position p : a.positions) {
                h = mix(h, p.instrument.index());
                for (int b = 0; b < 4; b++) {
                    h = mix(mix(mix(mix(mix(h, p.volume[b]), p.frozen[b]), p.openCost[b]), p.positionCost[b]),
                            p.margin[b]);
                }
                h = mix(mix(mix(h, p.pendingOpen[0]), p.positionProfitLong), p.floatProfitLong);
                h = mix(mix(mix(h, p.pendingOpen[1]), p.positionProfitShort), p.floatProfitShort);
                h = mix(mix(h, p.lastPriceTicks), p.openOrders);
            }
        }
        for (OpenOrder o : sortedOrders(book)) {
            h = mix(h, o.orderId);
            h = mix(h, o.position.account.accountId());
            h = mix(h, o.position.instrument.index());
            h = mix(h, o.side.code());
            h = mix(h, o.offset.code());
            h = mix(h, o.type.code());
            h = mix(h, o.limitPriceTicks);
            h = mix(h, o.freezePriceTicks);
            h = mix(h, o.remaining);
            h = mix(h, o.frozenMargin);
            h = mix(h, o.frozenCommission);
            h = mix(h, o.frozenToday);
            h = mix(h, o.frozenHis);
        }
        return h;
    }

    private static long mix(long h, long value) {
        long x = value;
        for (int i = 0; i < 8; i++) {
            h = (h ^ (x & 0xFF)) * PRIME;
            x >>>= 8;
        }
        return h;
    }

    static OpenOrder[] sortedOrders(AccountBook book) {
        OpenOrder[] sorted = book.orders.values().toArray(new OpenOrder[0]);
        Arrays.sort(sorted, (x, y) -> Long.compare(x.orderId, y.orderId));
        return sorted;
    }

    static byte[] write(AccountBook book) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(book.registry.moneyScale());
            out.writeByte(book.conventions.encode());
            out.writeInt(book.lastSettledDay);
            out.writeLong(book.feesCollected);
            out.writeInt(book.registry.size());
            for (int i = 0; i < book.registry.size(); i++) {
                out.writeUTF(book.registry.get(i).instrumentId());
                out.writeLong(book.markPriceTicks(i));
            }
            out.writeInt(book.accounts.size());
            for (Account a : book.accounts) {
                out.writeUTF(a.userName());
                long[] fields = {a.preBalance, a.deposit, a.withdraw, a.closeProfit, a.commission, a.positionProfit,
                    a.floatProfit, a.margin, a.frozenMargin, a.frozenCommission};
                writeLongs(out, fields);
                out.writeInt(a.positions.size());
                for (Position p : a.positions) {
                    out.writeInt(p.instrument.index());
                    writeLongs(out, p.volume);
                    writeLongs(out, p.frozen);
                    writeLongs(out, p.openCost);
                    writeLongs(out, p.positionCost);
                    writeLongs(out, p.margin);
                    writeLongs(out, p.pendingOpen);
                    writeLongs(out, new long[] {p.positionProfitLong, p.positionProfitShort, p.floatProfitLong,
                        p.floatProfitShort});
                    out.writeLong(p.lastPriceTicks);
                    out.writeInt(p.openOrders);
                }
            }
            OpenOrder[] orders = sortedOrders(book);
            out.writeInt(orders.length);
            for (OpenOrder o : orders) {
                out.writeLong(o.orderId);
                out.writeInt(o.position.account.accountId());
                out.writeInt(o.position.instrument.index());
                out.writeByte(o.side.code());
                out.writeByte(o.offset.code());
                out.writeByte(o.type.code());
                out.writeLong(o.limitPriceTicks);
                writeLongs(out, new long[] {o.freezePriceTicks, o.remaining, o.frozenMargin, o.frozenCommission,
                    o.frozenToday, o.frozenHis});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static void readLongs(DataInputStream in, long[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readLong();
        }
    }

    static AccountBook read(byte[] snapshot, InstrumentRegistry registry, RiskChain chain) {
        AccountBook book;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            require(in.readInt() == MAGIC, "magic is not EBAB");
            int version = in.readInt();
            require(version == VERSION || version == VERSION_1, "version=" + version + " must be " + VERSION_1
                    + " or " + VERSION);
            int moneyScale = in.readInt();
            require(moneyScale == registry.moneyScale(), "moneyScale=" + moneyScale + " must equal the registry's "
                    + registry.moneyScale());
            AccountConventions conventions = version == VERSION_1 ? AccountConventions.legacy()
                    : AccountConventions.decode(in.readUnsignedByte());
            book = new AccountBook(registry, chain, conventions);
            book.lastSettledDay = in.readInt();
            book.feesCollected = in.readLong();
            int instruments = in.readInt();
            require(instruments >= 0 && instruments <= registry.size(), "instrumentCount=" + instruments
                    + " must be <= registry size " + registry.size());
            for (int i = 0; i < instruments; i++) {
                String id = in.readUTF();
                require(registry.indexOf(id) == i, "instrument " + id + " must have index " + i + " in the registry");
                book.index.ensure(i);
                book.index.markPriceTicks[i] = in.readLong();
            }
            int accounts = in.readInt();
            for (int i = 0; i < accounts; i++) {
                readAccount(in, book, instruments);
            }
            int orders = in.readInt();
            for (int i = 0; i < orders; i++) {
                readOrder(in, book, version);
            }
            require(in.read() == -1, "trailing bytes after the snapshot");
        } catch (IOException e) {
            throw new IllegalArgumentException("snapshot is truncated or unreadable: " + e.getMessage(), e);
        }
        return book;
    }

    private static void readAccount(DataInputStream in, AccountBook book, int instruments) throws IOException {
        String name = in.readUTF();
        require(book.openAccount(name) == book.accounts.size() - 1, "duplicate or invalid userName " + name);
        Account a = book.accounts.get(book.accounts.size() - 1);
        long[] f = new long[10];
        readLongs(in, f);
        a.preBalance = f[0];
        a.deposit = f[1];
        a.withdraw = f[2];
        a.closeProfit = f[3];
        a.commission = f[4];
        a.positionProfit = f[5];
        a.floatProfit = f[6];
        a.margin = f[7];
        a.frozenMargin = f[8];
        a.frozenCommission = f[9];
        int positions = in.readInt();
        for (int j = 0; j < positions; j++) {
            int index = in.readInt();
            require(index >= 0 && index < instruments, "position instrumentIndex=" + index + " out of range");
            require(book.position(a.accountId(), index) == null, "duplicate position in instrument " + index);
            Position p = book.newPosition(a, book.registry.get(index));
            readLongs(in, p.volume);
            readLongs(in, p.frozen);
            readLongs(in, p.openCost);
            readLongs(in, p.positionCost);
            readLongs(in, p.margin);
            readLongs(in, p.pendingOpen);
            p.positionProfitLong = in.readLong();
            p.positionProfitShort = in.readLong();
            p.floatProfitLong = in.readLong();
            p.floatProfitShort = in.readLong();
            p.recomputeTotals();
            p.lastPriceTicks = in.readLong();
            p.openOrders = in.readInt();
            book.index.noteSideVolume(index, Math.max(p.sideVolume(true), p.sideVolume(false)));
        }
    }

    private static void readOrder(DataInputStream in, AccountBook book, int version) throws IOException {
        OpenOrder o = new OpenOrder();
        o.orderId = in.readLong();
        int accountId = in.readInt();
        int index = in.readInt();
        o.position = book.position(accountId, index);
        require(o.position != null && !book.orders.containsKey(o.orderId), "order " + o.orderId
                + " refers to a missing position or repeats an id");
        o.side = Side.fromCode(in.readByte());
        o.offset = Offset.fromCode(in.readByte());
        o.type = version == VERSION_1 ? OrderType.LIMIT : OrderType.fromCode(in.readByte());
        long limit = version == VERSION_1 ? -1 : in.readLong();
        long[] f = new long[6];
        readLongs(in, f);
        o.limitPriceTicks = limit < 0 ? f[0] : limit;
        o.freezePriceTicks = f[0];
        o.remaining = f[1];
        o.frozenMargin = f[2];
        o.frozenCommission = f[3];
        o.frozenToday = f[4];
        o.frozenHis = f[5];
        book.orders.put(o.orderId, o);
        book.accounts.get(accountId).openOrderCount++;
        book.index.openOrders[index]++;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("snapshot: " + message);
        }
    }
}
