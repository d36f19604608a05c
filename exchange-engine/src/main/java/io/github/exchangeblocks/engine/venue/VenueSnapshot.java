package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.book.OrderBooks;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.marketdata.MarketData;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The venue's snapshot format, version 2 (big-endian, as {@link DataOutputStream} writes):
 *
 * <pre>
 *  magic i64 "EBVENUE1" | version i32 = 2 | tradingDay i32 | nextOrderId i64 | nextTradeId i64
 *  instruments i32, then per instrument in index order:
 *      spec (id UTF, priceScale i32, tickSize, volumeMultiple, lotSize, longMarginE8, shortMarginE8,
 *            3 x commission (perLot, rateE8), limitRateE8, maxOrderVolume i64, closeRule u8), with the rates
 *            in force
 *      status u8 | preSettlement i64
 *      ratesRevision i32 | marginPending u8 | pendingLongMarginE8 i64 | pendingShortMarginE8 i64   (version 2)
 *  accounts snapshot: length i32, bytes (AccountBook's own versioned format)
 *  per instrument: book snapshot length i32, bytes (the book's own versioned format)
 *  per instrument: market data snapshot length i32, bytes (the market data's own versioned format)
 *  working orders i32, then by increasing id: orderId i64, accountId i32, instrument i32, side u8, offset u8,
 *      type u8, timeInForce u8, price i64, volume i64, remaining i64
 *  accounts i32, then per account: lifetime fees, fills, lots traded, net deposits (i64 each)
 * </pre>
 *
 * Version 1 is version 2 without the per-instrument rate-update fields (no update taken, none scheduled). The
 * market-data blocks carry their own version (version 2 keeps each tick's top of book; version 1 blocks, in older
 * snapshots, are still read).
 * Snapshots are rare (every N commands), so this class allocates freely. A new layout gets a new version and a new
 * golden file; old versions stay readable.
 */
final class VenueSnapshot {
    static final long MAGIC = 0x45425645_4E554531L;
    static final int VERSION = 2;
    static final int VERSION_1 = 1;

    private VenueSnapshot() {
    }

    static byte[] write(Venue venue) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(venue.tradingDay);
            out.writeLong(venue.flow.nextOrderId);
            out.writeLong(venue.flow.nextTradeId);
            int instruments = venue.books.size();
            out.writeInt(instruments);
            for (int i = 0; i < instruments; i++) {
                Instrument instrument = venue.registry.get(i);
                writeSpec(out, instrument.spec());
                out.writeByte(instrument.status().code());
                out.writeLong(instrument.preSettlementPriceTicks());
                out.writeInt(instrument.ratesRevision());
                out.writeBoolean(instrument.marginRatesPending());
                out.writeLong(instrument.marginRatesPending() ? instrument.pendingLongMarginRateE8() : 0);
                out.writeLong(instrument.marginRatesPending() ? instrument.pendingShortMarginRateE8() : 0);
            }
            byte[] accounts = venue.accounts.snapshot();
            out.writeInt(accounts.length);
            out.write(accounts);
            for (OrderBook book : venue.books) {
                ByteBuffer buffer = ByteBuffer.allocate(book.snapshotLength());
                book.writeSnapshot(buffer);
                out.writeInt(buffer.position());
                out.write(buffer.array(), 0, buffer.position());
            }
            for (int i = 0; i < instruments; i++) {
                ByteBuffer buffer = ByteBuffer.allocate(venue.marketData.get(i).snapshotLength());
                venue.marketData.get(i).writeSnapshot(buffer);
                out.writeInt(buffer.position());
                out.write(buffer.array(), 0, buffer.position());
            }
            long[] ids = venue.flow.orders().keySet().toLongArray();
            Arrays.sort(ids);
            out.writeInt(ids.length);
            for (long id : ids) {
                VenueOrder o = venue.flow.order(id);
                out.writeLong(o.orderId);
                out.writeInt(o.accountId);
                out.writeInt(o.instrumentIndex);
                out.writeByte(o.side.code());
                out.writeByte(o.offset.code());
                out.writeByte(o.type.code());
                out.writeByte(o.timeInForce.code());
                out.writeLong(o.priceTicks);
                out.writeLong(o.volume);
                out.writeLong(o.remaining);
            }
            int accountCount = venue.accounts.accountCount();
            out.writeInt(accountCount);
            for (int a = 0; a < accountCount; a++) {
                out.writeLong(venue.totals.fees[a]);
                out.writeLong(venue.totals.fills[a]);
                out.writeLong(venue.totals.lotsTraded[a]);
                out.writeLong(venue.totals.netDeposits[a]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Venue read(VenueSettings settings, byte[] snapshot, VenueListener listener) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            long magic = in.readLong();
            int version = in.readInt();
            if (magic != MAGIC || version != VERSION && version != VERSION_1) {
                throw new IllegalArgumentException("venue snapshot magic=" + Long.toHexString(magic) + " version="
                        + version + " must be " + Long.toHexString(MAGIC) + " version " + VERSION_1 + " or "
                        + VERSION);
            }
            int tradingDay = in.readInt();
            long nextOrderId = in.readLong();
            long nextTradeId = in.readLong();
            int instruments = in.readInt();
            InstrumentRegistry registry = new InstrumentRegistry(settings.moneyScale());
            InstrumentSpec[] specs = new InstrumentSpec[instruments];
            for (int i = 0; i < instruments; i++) {
                specs[i] = readSpec(in);
                InstrumentStatus status = InstrumentStatus.fromCode(in.readByte());
                long preSettlement = in.readLong();
                if (registry.list(specs[i]) != i) {
                    throw new IllegalArgumentException("instrument " + i + " of the snapshot is refused: "
                            + registry.lastRejection());
                }
                if (status == InstrumentStatus.DELISTED) {
                    registry.delist(i, index -> false);
                } else if (status != InstrumentStatus.LISTED) {
                    registry.setStatus(i, status);
                }
                if (preSettlement > 0) {
                    registry.setPreSettlementPrice(i, preSettlement);
                }
                if (version >= VERSION) {
                    registry.restoreRates(i, in.readInt(), in.readBoolean(), in.readLong(), in.readLong());
                }
            }
            byte[] accountBytes = new byte[in.readInt()];
            in.readFully(accountBytes);
            AccountBook accounts = AccountBook.restore(accountBytes, registry, settings.riskChain());
            Venue venue = new Venue(settings, listener, tradingDay, registry, accounts);
            venue.flow.nextOrderId = nextOrderId;
            venue.flow.nextTradeId = nextTradeId;
            for (int i = 0; i < instruments; i++) {
                byte[] book = new byte[in.readInt()];
                in.readFully(book);
                venue.books.add(OrderBooks.restore(venue.bookSettings(specs[i], i), new BookEvents(i, venue),
                        ByteBuffer.wrap(book)));
            }
            for (int i = 0; i < instruments; i++) {
                byte[] data = new byte[in.readInt()];
                in.readFully(data);
                venue.marketData.add(MarketData.restore(settings.marketData(i), ByteBuffer.wrap(data)));
            }
            int orders = in.readInt();
            for (int i = 0; i < orders; i++) {
                VenueOrder o = new VenueOrder();
                o.orderId = in.readLong();
                o.accountId = in.readInt();
                o.instrumentIndex = in.readInt();
                o.side = Side.fromCode(in.readByte());
                o.offset = Offset.fromCode(in.readByte());
                o.type = OrderType.fromCode(in.readByte());
                o.timeInForce = TimeInForce.fromCode(in.readByte());
                o.priceTicks = in.readLong();
                o.volume = in.readLong();
                o.remaining = in.readLong();
                venue.flow.restore(o);
            }
            int accountCount = in.readInt();
            for (int a = 0; a < accountCount; a++) {
                venue.totals.ensure(a);
                venue.totals.fees[a] = in.readLong();
                venue.totals.fills[a] = in.readLong();
                venue.totals.lotsTraded[a] = in.readLong();
                venue.totals.netDeposits[a] = in.readLong();
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("venue snapshot has " + in.available() + " trailing bytes");
            }
            return venue;
        } catch (IOException e) {
            throw new IllegalArgumentException("venue snapshot is truncated: " + e, e);
        }
    }

    private static void writeSpec(DataOutputStream out, InstrumentSpec spec) throws IOException {
        out.writeUTF(spec.instrumentId());
        out.writeInt(spec.priceScale());
        out.writeLong(spec.tickSize());
        out.writeLong(spec.volumeMultiple());
        out.writeLong(spec.lotSize());
        out.writeLong(spec.longMarginRateE8());
        out.writeLong(spec.shortMarginRateE8());
        for (CommissionRate rate : new CommissionRate[] {spec.openCommission(), spec.closeCommission(),
            spec.closeTodayCommission()}) {
            out.writeLong(rate.perLotMinor());
            out.writeLong(rate.notionalRateE8());
        }
        out.writeLong(spec.limitRateE8());
        out.writeLong(spec.maxOrderVolume());
        out.writeByte(spec.closeRule().code());
    }

    private static InstrumentSpec readSpec(DataInputStream in) throws IOException {
        return new InstrumentSpec(in.readUTF(), in.readInt(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), new CommissionRate(in.readLong(), in.readLong()),
                new CommissionRate(in.readLong(), in.readLong()), new CommissionRate(in.readLong(), in.readLong()),
                in.readLong(), in.readLong(), CloseRule.fromCode(in.readByte()));
    }
}
