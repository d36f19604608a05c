package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.settlement.AccountStatement;
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
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongRBTreeSet;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Writes the exchange's events into the DIFF snapshot, on the engine thread. A command's changes are gathered
 * during its batch and pushed at {@link #onBatchEnd()}: one {@code trade.<user>} patch per user (orders, trades,
 * the account and positions together, so a client never sees a fill without its account), then the quotes that
 * changed, then the bars of shown charts ({@link DiffCharts}), then the notifications the gateway queued for
 * sessions. Sessions on I/O threads only peek what the manager composed for them.
 *
 * <p>Only the users who logged in since the server started are mirrored into the snapshot ({@link #mirror}): the
 * first login of a user builds its {@code trade.<user>} tree from the exchange state, and from then on its events
 * keep the tree current. The orders and trades of users nobody watches cost no JSON (they are most of an exchange's
 * flow); the quotes' open interest still follows every position.
 */
final class DiffPublisher implements ExchangeListener {
    /** Room for the members a change of an account, position or order usually carries. */
    private static final int CHANGE_SIZE = 8;
    private final DiffSnapshotManager manager;
    private final DiffFields fields;
    private final ConcurrentMap<String, InstrumentSpec> specs;
    private final DepthSnapshot depth = QuoteStats.newDepth();
    private final List<QuoteStats> stats = new ArrayList<>();
    private final Long2LongOpenHashMap longVolumes = new Long2LongOpenHashMap();
    private final Map<String, Set<String>> orderKeys = new HashMap<>();
    private final Map<String, Set<String>> tradeKeys = new HashMap<>();
    private final TreeMap<String, JsonObject> userPatches = new TreeMap<>();
    private final BitSet dirtyAccounts = new BitSet();
    private final LongRBTreeSet dirtyPositions = new LongRBTreeSet();
    private final BitSet dirtyQuotes = new BitSet();
    private final List<DiffSession> notifySessions = new ArrayList<>();
    private final List<JsonObject> notifyContents = new ArrayList<>();
    private final DiffCharts charts;
    private final List<DiffSession> sessions;
    /** Each user's latest settlement notify, sent again at login. */
    private final Map<String, JsonObject> settlements = new HashMap<>();
    /** What was published of each account (by account id), position (by account id and instrument) and working
     *  order (by user and order id): a later publish sends only what changed ({@link PublishedValues}). */
    private final List<PublishedValues> accountsSent = new ArrayList<>();
    private final Long2ObjectOpenHashMap<PublishedValues> positionsSent = new Long2ObjectOpenHashMap<>();
    private final Map<String, Map<String, PublishedValues>> ordersSent = new HashMap<>();
    /** The users whose trade tree the snapshot holds (see the class comment). */
    private final Set<String> mirrored = new HashSet<>();
    private ExchangeState state;

    /**
     * @param sessions the gateway's open sessions (engine thread), read to reach a user's sessions
     */
    DiffPublisher(DiffSnapshotManager manager, int moneyScale, ConcurrentMap<String, InstrumentSpec> specs,
                  List<DiffSession> sessions) {
        this.manager = manager;
        this.sessions = sessions;
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
            for (Position position : venue.account(accountId).positions()) {
                onPosition(user, accountId, position.instrument().index());
            }
            for (TradeRecord trade : exchange.trades(user)) {
                if (trade.maker()) {
                    int index = venue.registry().indexOf(trade.instrumentId());
                    stats(index).trade(trade.timeNs(), trade.priceTicks(), trade.volume());
                }
            }
        }
        onBatchEnd();
    }

    /**
     * Makes sure the snapshot holds the user's {@code trade.<user>} tree (built from the exchange state the first
     * time) and keeps it current from now on. Call it before the manager's login of the user's session. Engine
     * thread, between batches.
     *
     * @param user a user with an account
     */
    void mirror(String user) {
        if (!mirrored.add(user)) {
            return;
        }
        Venue venue = state.venue();
        int accountId = venue.accountIdOf(user);
        userPatch(user).put(DiffLayout.SESSION, sessionInfo(user)).put(DiffLayout.TRADE_MORE_DATA, false);
        dirtyAccounts.set(accountId);
        for (Position position : venue.account(accountId).positions()) {
            onPosition(user, accountId, position.instrument().index());
        }
        state.orders(user).forEach(this::onOrder);
        state.trades(user).forEach(this::onTrade);
        flush();
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
    public void onOrder(OrderRecord order) {
        if (!mirrored.contains(order.user())) {
            return;
        }
        Venue venue = state.venue();
        int index = order.instrumentId() == null ? -1 : venue.registry().indexOf(order.instrumentId());
        Instrument instrument = index < 0 ? null : venue.registry().get(index);
        OpenOrderView working = order.alive() ? venue.orderView(order.orderId()) : null;
        long frozenMargin = working == null ? 0 : working.frozenMargin();
        // A working order is tracked until it finishes (its last change); one that never worked is sent whole once.
        Map<String, PublishedValues> sentOfUser = ordersSent.computeIfAbsent(order.user(), k -> new HashMap<>());
        PublishedValues sent = order.alive()
                ? sentOfUser.computeIfAbsent(order.clientOrderId(), k -> new PublishedValues(DiffFields.ORDER_MEMBERS))
                : sentOfUser.remove(order.clientOrderId());
        fields.order(order, instrument, frozenMargin, sent, entry(section(order.user(), DiffLayout.ORDERS),
                order.clientOrderId(), sent == null || sent.isNew() ? DiffFields.ORDER_SIZE : CHANGE_SIZE));
        orderKeys.computeIfAbsent(order.user(), k -> new LinkedHashSet<>()).add(order.clientOrderId());
    }

    @Override
    public void onTrade(TradeRecord trade) {
        if (!mirrored.contains(trade.user())) {
            return;
        }
        InstrumentSpec spec = specs.get(trade.instrumentId());
        String key = DiffFields.tradeKey(trade);
        section(trade.user(), DiffLayout.TRADES).put(key, fields.trade(trade, key, spec));
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
        stats(instrumentIndex).forgetPublished();
        dirtyQuotes.set(instrumentIndex);
    }

    /** Queues the settlement notify to every session of the user; sent after the batch's data. */
    @Override
    public void onSettlement(String user, AccountStatement statement) {
        JsonObject notify = fields.settlement(statement, specs);
        settlements.put(user, notify);
        for (DiffSession session : sessions) {
            if (user.equals(session.userId())) {
                queueNotify(session, notify);
            }
        }
    }

    /** A session logged in: it gets its user's latest settlement notify, if a day was settled since start. */
    void loggedIn(DiffSession session, String user) {
        JsonObject notify = settlements.get(user);
        if (notify != null) {
            queueNotify(session, notify);
        }
    }

    @Override
    public void onTradingDay(int tradingDay) {
        Venue venue = state.venue();
        for (String user : mirrored) {
            int accountId = venue.accountIdOf(user);
            JsonObject patch = userPatch(user).put(DiffLayout.SESSION, sessionInfo(user));
            deleteAll(patch, DiffLayout.ORDERS, orderKeys.remove(user));
            ordersSent.remove(user);
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
            forgetPublished();
            notifySessions.clear();
            notifyContents.clear();
            DiffGateway.LOG.log(System.Logger.Level.ERROR, "DIFF publishing failed; the engine goes on", e);
        }
    }

    private void flush() {
        Venue venue = state.venue();
        for (int id = dirtyAccounts.nextSetBit(0); id >= 0; id = dirtyAccounts.nextSetBit(id + 1)) {
            AccountView account = venue.account(id);
            if (mirrored.contains(account.userName())) {
                PublishedValues sent = published(accountsSent, id, DiffFields.ACCOUNT_MEMBERS);
                fields.account(account, sent, entry(section(account.userName(), DiffLayout.ACCOUNTS),
                        DiffFields.CURRENCY, sent.isNew() ? DiffFields.ACCOUNT_SIZE : CHANGE_SIZE));
            }
        }
        dirtyAccounts.clear();
        for (LongIterator keys = dirtyPositions.iterator(); keys.hasNext(); ) {
            long key = keys.nextLong();
            int accountId = (int) (key >>> 32);
            int index = (int) key;
            Position position = venue.position(accountId, index);
            if (position == null) {
                continue;
            }
            long longVolume = position.volumeLongToday() + position.volumeLongHis();
            long before = longVolumes.put(key, longVolume);
            stats(index).openInterest += longVolume - before;
            dirtyQuotes.set(index);
            Account account = venue.account(accountId);
            if (!mirrored.contains(account.userName())) {
                continue;
            }
            PublishedValues sent = positionsSent.get(key);
            if (sent == null) {
                sent = new PublishedValues(DiffFields.POSITION_MEMBERS);
                positionsSent.put(key, sent);
            }
            fields.position(account.userName(), position, sent, entry(section(account.userName(),
                    DiffLayout.POSITIONS), position.instrumentId(), sent.isNew() ? DiffFields.POSITION_SIZE
                    : CHANGE_SIZE));
        }
        dirtyPositions.clear();
        for (Map.Entry<String, JsonObject> patch : userPatches.entrySet()) {
            if (withoutEmptyEntries(patch.getValue())) {
                manager.handOverTrade(patch.getKey(), patch.getValue());
            }
        }
        userPatches.clear();
        for (int index = dirtyQuotes.nextSetBit(0); index >= 0; index = dirtyQuotes.nextSetBit(index + 1)) {
            Instrument instrument = venue.registry().get(index);
            JsonObject quote = stats(index).quote(instrument, venue.book(index), venue.lastPriceTicks(index), depth);
            if (!quote.isEmpty()) {
                manager.handOverQuote(instrument.instrumentId(), quote);
            }
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

    /**
     * The object a member of this batch's patch gathers changes in, created empty on first use with room for
     * {@code capacity} members.
     */
    private static JsonObject entry(JsonObject section, String key, int capacity) {
        JsonObject entry = section.getObject(key);
        if (entry == null) {
            entry = new JsonObject(capacity);
            section.put(key, entry);
        }
        return entry;
    }

    /**
     * Drops the entries of sections (and then sections) that gathered no change (an account or a position marked
     * dirty whose figures did not move), so no frame carries an empty object.
     *
     * @return whether anything is left to push
     */
    private static boolean withoutEmptyEntries(JsonObject patch) {
        List<String> emptySections = null;
        for (int slot = patch.nextMember(-1); slot >= 0; slot = patch.nextMember(slot)) {
            if (patch.valueAt(slot) instanceof JsonObject section && !section.isEmpty()) {
                removeEmptyObjects(section);
                if (section.isEmpty()) {
                    emptySections = emptySections == null ? new ArrayList<>() : emptySections;
                    emptySections.add(patch.keyAt(slot));
                }
            }
        }
        if (emptySections != null) {
            emptySections.forEach(patch::remove);
        }
        return !patch.isEmpty();
    }

    private static void removeEmptyObjects(JsonObject section) {
        List<String> empty = null;
        for (int slot = section.nextMember(-1); slot >= 0; slot = section.nextMember(slot)) {
            if (section.valueAt(slot) instanceof JsonObject entry && entry.isEmpty()) {
                empty = empty == null ? new ArrayList<>() : empty;
                empty.add(section.keyAt(slot));
            }
        }
        if (empty != null) {
            empty.forEach(section::remove);
        }
    }

    private static PublishedValues published(List<PublishedValues> byId, int id, int members) {
        while (byId.size() <= id) {
            byId.add(null);
        }
        PublishedValues sent = byId.get(id);
        if (sent == null) {
            sent = new PublishedValues(members);
            byId.set(id, sent);
        }
        return sent;
    }

    /** After a failed publish the snapshot may lack what was recorded as sent: the next publishes send everything. */
    private void forgetPublished() {
        accountsSent.clear();
        positionsSent.clear();
        ordersSent.clear();
        stats.forEach(QuoteStats::forgetPublished);
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
