package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.account.AccountChangeListener;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.snapshot.DiffLayout;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.instrument.Instrument;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns engine state into DIFF patches: orders and trades are pushed as they happen; accounts, positions and quotes
 * are marked dirty while a command runs and pushed once by {@link #flush()} after it, read from the live views.
 * Prices and money become exact decimals here, at the protocol edge (ticks times tick size; minor units over
 * the money scale). Engine thread only.
 */
final class DiffPublisher implements AccountChangeListener {
    static final String CURRENCY = "CNY";

    private final DiffSnapshotManager diff;
    private final AccountBook accounts;
    private final List<OrderBook> books;
    private final int moneyScale;
    private final BitSet dirtyAccounts = new BitSet();
    private final TreeSet<Long> dirtyPositions = new TreeSet<>();
    private final BitSet dirtyQuotes = new BitSet();
    private final long[] lastPriceTicks;
    private final long[] tradedVolume;

    /** {@code books} may still be filling up; it must end with {@code instrumentCount} books, in index order. */
    DiffPublisher(DiffSnapshotManager diff, AccountBook accounts, List<OrderBook> books, int instrumentCount) {
        this.diff = diff;
        this.accounts = accounts;
        this.books = books;
        this.moneyScale = accounts.registry().moneyScale();
        this.lastPriceTicks = new long[instrumentCount];
        this.tradedVolume = new long[instrumentCount];
    }

    @Override
    public void onAccountChanged(int accountId) {
        dirtyAccounts.set(accountId);
    }

    @Override
    public void onPositionChanged(int accountId, int instrumentIndex) {
        dirtyPositions.add(((long) accountId << 32) | instrumentIndex);
    }

    void quoteChanged(int instrumentIndex) {
        dirtyQuotes.set(instrumentIndex);
    }

    void traded(int instrumentIndex, long priceTicks, long volume) {
        lastPriceTicks[instrumentIndex] = priceTicks;
        tradedVolume[instrumentIndex] += volume;
        dirtyQuotes.set(instrumentIndex);
    }

    void order(WorkingOrder order) {
        Instrument instrument = instrument(order.instrumentIndex);
        JsonObject fields = new JsonObject()
                .put("order_id", Long.toString(order.orderId))
                .put("exchange_order_id", Long.toString(order.orderId))
                .put("exchange_id", exchangeOf(instrument))
                .put("instrument_id", instrument.instrumentId())
                .put("direction", order.side.name())
                .put("offset", order.offset.name())
                .put("volume_orign", order.volume)
                .put("volume_left", order.volumeLeft)
                .put("price_type", "LIMIT")
                .put("limit_price", price(instrument, order.priceTicks))
                .put("time_condition", order.timeInForce == TimeInForce.FOK ? "IOC" : order.timeInForce.name())
                .put("volume_condition", order.timeInForce == TimeInForce.FOK ? "ALL" : "ANY")
                .put("insert_date_time", order.insertTimeNs)
                .put("status", order.finished ? "FINISHED" : "ALIVE")
                .put("last_msg", order.lastMessage);
        diff.pushTrade(order.user, DiffLayout.entry(DiffLayout.ORDERS, Long.toString(order.orderId), fields));
    }

    void trade(WorkingOrder order, long tradeId, long priceTicks, long volume, long commissionMinor,
               long timestampNs) {
        Instrument instrument = instrument(order.instrumentIndex);
        String key = order.orderId + "|" + tradeId;
        JsonObject fields = new JsonObject()
                .put("trade_id", key)
                .put("order_id", Long.toString(order.orderId))
                .put("exchange_trade_id", Long.toString(tradeId))
                .put("exchange_id", exchangeOf(instrument))
                .put("instrument_id", instrument.instrumentId())
                .put("direction", order.side.name())
                .put("offset", order.offset.name())
                .put("price", price(instrument, priceTicks))
                .put("volume", volume)
                .put("commission", money(commissionMinor))
                .put("trade_date_time", timestampNs);
        diff.pushTrade(order.user, DiffLayout.entry(DiffLayout.TRADES, key, fields));
    }

    /** Pushes every account, position and quote the last command changed, in id order. */
    void flush() {
        for (int id = dirtyAccounts.nextSetBit(0); id >= 0; id = dirtyAccounts.nextSetBit(id + 1)) {
            pushAccount(accounts.account(id));
        }
        dirtyAccounts.clear();
        for (long key : dirtyPositions) {
            Position position = accounts.position((int) (key >>> 32), (int) key);
            if (position != null) {
                pushPosition(position);
            }
        }
        dirtyPositions.clear();
        for (int index = dirtyQuotes.nextSetBit(0); index >= 0; index = dirtyQuotes.nextSetBit(index + 1)) {
            pushQuote(index);
        }
        dirtyQuotes.clear();
    }

    private void pushAccount(Account account) {
        JsonObject fields = new JsonObject()
                .put("currency", CURRENCY)
                .put("pre_balance", money(account.preBalance()))
                .put("deposit", money(account.deposit()))
                .put("withdraw", money(account.withdraw()))
                .put("static_balance", money(account.staticBalance()))
                .put("close_profit", money(account.closeProfit()))
                .put("commission", money(account.commission()))
                .put("position_profit", money(account.positionProfit()))
                .put("float_profit", money(account.floatProfit()))
                .put("balance", money(account.balance()))
                .put("margin", money(account.margin()))
                .put("frozen_margin", money(account.frozenMargin()))
                .put("frozen_commission", money(account.frozenCommission()))
                .put("available", money(account.available()))
                .put("risk_ratio", JsonNumber.of(BigDecimal.valueOf(account.riskRatioE8(), 8)));
        diff.pushTrade(account.userName(), DiffLayout.entry(DiffLayout.ACCOUNTS, CURRENCY, fields));
    }

    private void pushPosition(Position position) {
        Instrument instrument = position.instrument();
        JsonObject fields = new JsonObject()
                .put("exchange_id", exchangeOf(instrument))
                .put("instrument_id", instrument.instrumentId())
                .put("volume_long_today", position.volumeLongToday())
                .put("volume_long_his", position.volumeLongHis())
                .put("volume_long", position.volumeLong())
                .put("volume_long_frozen_today", position.volumeLongFrozenToday())
                .put("volume_short_today", position.volumeShortToday())
                .put("volume_short_his", position.volumeShortHis())
                .put("volume_short", position.volumeShort())
                .put("volume_short_frozen_today", position.volumeShortFrozenToday())
                .put("margin_long", money(position.marginLong()))
                .put("margin_short", money(position.marginShort()))
                .put("position_profit_long", money(position.positionProfitLong()))
                .put("position_profit_short", money(position.positionProfitShort()))
                .put("float_profit_long", money(position.floatProfitLong()))
                .put("float_profit_short", money(position.floatProfitShort()))
                .put("last_price", price(instrument, position.lastPriceTicks()));
        String user = accounts.account(position.accountId()).userName();
        diff.pushTrade(user, DiffLayout.entry(DiffLayout.POSITIONS, instrument.instrumentId(), fields));
    }

    private void pushQuote(int index) {
        Instrument instrument = instrument(index);
        OrderBookView book = books.get(index);
        JsonObject quote = new JsonObject()
                .put("instrument_id", instrument.instrumentId())
                .put("last_price", price(instrument, lastPriceTicks[index]))
                .put("bid_price1", price(instrument, book.bestBidPrice()))
                .put("bid_volume1", book.bestBidQuantity())
                .put("ask_price1", price(instrument, book.bestAskPrice()))
                .put("ask_volume1", book.bestAskQuantity())
                .put("volume", tradedVolume[index]);
        diff.pushQuote(instrument.instrumentId(), quote);
    }

    private Instrument instrument(int index) {
        return accounts.registry().get(index);
    }

    private JsonValue money(long minor) {
        return JsonNumber.of(BigDecimal.valueOf(minor, moneyScale));
    }

    /** A price in ticks as its exact decimal, or DIFF's {@code "-"} when there is none (empty side, no trade). */
    private static JsonValue price(Instrument instrument, long priceTicks) {
        if (priceTicks == OrderBookView.NULL_PRICE) {
            return JsonString.NOT_A_NUMBER;
        }
        return JsonNumber.of(BigDecimal.valueOf(Math.multiplyExact(priceTicks, instrument.spec().tickSize()),
                instrument.spec().priceScale()));
    }

    private static String exchangeOf(Instrument instrument) {
        String id = instrument.instrumentId();
        return id.substring(0, id.indexOf('.'));
    }
}
