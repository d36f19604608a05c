package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffLayout;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.engine.venue.Venue;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import io.github.exchangeblocks.examples.exchange.TradeRecord;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentMap;

/**
 * Writes the exchange's events into the DIFF snapshot, on the engine thread. A command's changes are gathered
 * during its batch and pushed at {@link #onBatchEnd()}: one {@code trade.<user>} patch per user (orders, trades,
 * the account and positions together, so a client never sees a fill without its account), then the quotes that
 * changed, then the bars of shown charts ({@link DiffCharts}), then the notifications the gateway queued for
 * sessions. Sessions on I/O threads only peek what the manager composed for them.
 */
final class DiffPublisher implements ExchangeListener {
    private final DiffSnapshotManager manager;
    private final DiffFields fields;
    private final ConcurrentMap<String, InstrumentSpec> specs;
    private final DepthSnapshot depth = QuoteStats.newDepth();
    private final List<QuoteStats> stats = new ArrayList<>();
    private final Map<Long, Long> longVolumes = new HashMap<>();
    private final Map<String, Set<String>> orderKeys = new HashMap<>();
    private final Map<String, Set<String>> tradeKeys = new HashMap<>();
    private final TreeMap<String, JsonObject> userPatches = new TreeMap<>();
    private final BitSet dirtyAccounts = new BitSet();
    private final TreeSet<Long> dirtyPositions = new TreeSet<>();
    private final BitSet dirtyQuotes = new BitSet();
    private final List<DiffSession> notifySessions = new ArrayList<>();
    private final List<JsonObject> notifyContents = new ArrayList<>();
    private final DiffCharts charts;
    private ExchangeState state;

    DiffPublisher(DiffSnapshotManager manager, int moneyScale, ConcurrentMap<String, InstrumentSpec> specs) {
        this.manager = manager;
        this.fields = new DiffFields(moneyScale);
        this.specs = specs;
        this.charts = new DiffCharts(manager);
    }

    /**
     * Creates, replaces or removes a chart of a session (see {@link DiffCharts}). Engine thread.
     *
     * @return {@code null} when done, else the error notify refusing the request
     */
    JsonObject setChart(DiffSession session, SetChart message) {
        return charts.set(state.venue(), session, message);
    }

    /** A session closed: its charts stop. Engine thread. */
    void closed(DiffSession session) {
        charts.closed(session);
    }

    /**
     * Publishes the whole state (after start or restart, when replay published nothing). Engine thread.
     *
     * @param exchange the core's state
     */
    void publishAll(ExchangeState exchange) {
        this.state = exchange;
        Venue venue = exchange.venue();
        for (int index = 0; index < venue.instrumentCount(); index++) {
            stats(index);
            onInstrument(index);
        }
        for (int accountId = 0; accountId < venue.accountCount(); accountId++) {
            String user = venue.account(accountId).userName();
            onUserRegistered(user);
            for (Position position : venue.account(accountId).positions()) {
                onPosition(user, accountId, position.instrument().index());
            }
            exchange.orders(user).forEach(this::onOrder);
            for (TradeRecord trade : exchange.trades(user)) {
                onTrade(trade);
                if (trade.maker()) {
                    int index = venue.registry().indexOf(trade.instrumentId());
                    stats(index).trade(trade.timeNs(), trade.priceTicks(), trade.volume());
                }
            }
        }
        onBatchEnd();
    }

    /** Queues a notification for one session, sent after this batch's data. Engine thread. */
    void queueNotify(DiffSession session, JsonObject content) {
        if (session == null) {
            return;
        }
        notifySessions.add(session);
        notifyContents.add(content);
    }

    /** Sends queued notifications now (a gateway request answered outside a command batch). Engine thread. */
    void flushNotifies() {
        try {
            for (int i = 0; i < notifySessions.size(); i++) {
                DiffSession session = notifySessions.get(i);
                if (!session.isClosed()) {
                    manager.notify(session, notifyContents.get(i));
                }
            }
        } finally {
            notifySessions.clear();
            notifyContents.clear();
        }
    }

    @Override
    public void onUserRegistered(String user) {
        int accountId = state.venue().accountIdOf(user);
        userPatch(user).put(DiffLayout.SESSION, sessionInfo(user)).put(DiffLayout.TRADE_MORE_DATA, false);
        dirtyAccounts.set(accountId);
    }

    @Override
    public void onOrder(OrderRecord order) {
        Venue venue = state.venue();
        int index = order.instrumentId() == null ? -1 : venue.registry().indexOf(order.instrumentId());
        Instrument instrument = index < 0 ? null : venue.registry().get(index);
        OpenOrderView working = order.alive() ? venue.orderView(order.orderId()) : null;
        long frozenMargin = working == null ? 0 : working.frozenMargin();
        section(order.user(), DiffLayout.ORDERS).put(order.clientOrderId(),
                fields.order(order, instrument, frozenMargin));
        orderKeys.computeIfAbsent(order.user(), k -> new LinkedHashSet<>()).add(order.clientOrderId());
    }

    @Override
    public void onTrade(TradeRecord trade) {
        InstrumentSpec spec = specs.get(trade.instrumentId());
        String key = DiffFields.tradeKey(trade);
        section(trade.user(), DiffLayout.TRADES).put(key, fields.trade(trade, spec));
        tradeKeys.computeIfAbsent(trade.user(), k -> new LinkedHashSet<>()).add(key);
    }

    @Override
    public void onAccount(String user, int accountId) {
        dirtyAccounts.set(accountId);
    }

    @Override
    public void onPosition(String user, int accountId, int instrumentIndex) {
        dirtyPositions.add(((long) accountId << 32) | instrumentIndex);
    }

    @Override
    public void onLevel(int instrumentIndex, long sequence, Side side, long priceTicks, long volume,
                        int orderCount) {
        dirtyQuotes.set(instrumentIndex);
    }

    @Override
    public void onMarketTrade(int instrumentIndex, long timeNs, long priceTicks, long volume) {
        stats(instrumentIndex).trade(timeNs, priceTicks, volume);
        dirtyQuotes.set(instrumentIndex);
    }

    @Override
    public void onInstrument(int instrumentIndex) {
        InstrumentSpec spec = state.venue().registry().get(instrumentIndex).spec();
        specs.put(spec.instrumentId(), spec);
        stats(instrumentIndex);
        dirtyQuotes.set(instrumentIndex);
    }

    @Override
    public void onTradingDay(int tradingDay) {
        Venue venue = state.venue();
        for (int accountId = 0; accountId < venue.accountCount(); accountId++) {
            String user = venue.account(accountId).userName();
            JsonObject patch = userPatch(user).put(DiffLayout.SESSION, sessionInfo(user));
            deleteAll(patch, DiffLayout.ORDERS, orderKeys.remove(user));
            deleteAll(patch, DiffLayout.TRADES, tradeKeys.remove(user));
            dirtyAccounts.set(accountId);
        }
        for (int index = 0; index < stats.size(); index++) {
            stats.get(index).newDay();
            dirtyQuotes.set(index);
        }
    }

    @Override
    public void onBatchEnd() {
        try {
            flush();
        } catch (RuntimeException e) {
            userPatches.clear();
            dirtyQuotes.clear();
            notifySessions.clear();
            notifyContents.clear();
            DiffGateway.LOG.log(System.Logger.Level.ERROR, "DIFF publishing failed; the engine goes on", e);
        }
    }

    private void flush() {
        Venue venue = state.venue();
        for (int id = dirtyAccounts.nextSetBit(0); id >= 0; id = dirtyAccounts.nextSetBit(id + 1)) {
            AccountView account = venue.account(id);
            section(account.userName(), DiffLayout.ACCOUNTS).put(DiffFields.CURRENCY, fields.account(account));
        }
        dirtyAccounts.clear();
        for (long key : dirtyPositions) {
            int accountId = (int) (key >>> 32);
            int index = (int) key;
            Position position = venue.position(accountId, index);
            if (position == null) {
                continue;
            }
            long longVolume = position.volumeLongToday() + position.volumeLongHis();
            Long before = longVolumes.put(key, longVolume);
            stats(index).openInterest += longVolume - (before == null ? 0 : before);
            dirtyQuotes.set(index);
            Account account = venue.account(accountId);
            section(account.userName(), DiffLayout.POSITIONS).put(position.instrumentId(),
                    fields.position(account.userName(), position));
        }
        dirtyPositions.clear();
        for (Map.Entry<String, JsonObject> patch : userPatches.entrySet()) {
            manager.pushTrade(patch.getKey(), patch.getValue());
        }
        userPatches.clear();
        for (int index = dirtyQuotes.nextSetBit(0); index >= 0; index = dirtyQuotes.nextSetBit(index + 1)) {
            Instrument instrument = venue.registry().get(index);
            manager.pushQuote(instrument.instrumentId(), stats(index).quote(instrument, venue.book(index),
                    venue.lastPriceTicks(index), depth));
        }
        dirtyQuotes.clear();
        charts.publish(venue);
        flushNotifies();
    }

    private JsonObject sessionInfo(String user) {
        return new JsonObject().put("user_id", user)
                .put("trading_day", Integer.toString(state.venue().tradingDay()));
    }

    private QuoteStats stats(int index) {
        while (stats.size() <= index) {
            stats.add(new QuoteStats());
        }
        return stats.get(index);
    }

    private JsonObject userPatch(String user) {
        return userPatches.computeIfAbsent(user, k -> new JsonObject());
    }

    private JsonObject section(String user, String name) {
        JsonObject patch = userPatch(user);
        JsonObject section = patch.getObject(name);
        if (section == null) {
            section = new JsonObject();
            patch.put(name, section);
        }
        return section;
    }

    private static void deleteAll(JsonObject patch, String section, Set<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return;
        }
        JsonObject deletions = new JsonObject();
        for (String key : keys) {
            deletions.put(key, JsonNull.INSTANCE);
        }
        patch.put(section, deletions);
    }
}
