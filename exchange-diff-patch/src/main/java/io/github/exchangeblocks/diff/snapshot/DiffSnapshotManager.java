package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.patch.MergePatch;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.github.exchangeblocks.diff.snapshot.DiffLayout.CHARTS;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.INS_LIST;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.KLINES;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.MDHIS_MORE_DATA;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.NOTIFY;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.QUOTES;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.TICKS;
import static io.github.exchangeblocks.diff.snapshot.DiffLayout.TRADE;

/**
 * The DIFF snapshot manager: holds the authoritative documents (market data once for everybody, trading data once
 * per user) and every session's pending change set, and answers peeks.
 *
 * <p>Per session it keeps only the subscription set, a few small fields and one {@link
 * io.github.exchangeblocks.diff.patch.PendingPatch} (absent when nothing is pending): the client's view is implicit,
 * it is everything already sent. Each push is applied in place to the authoritative document and composed into the
 * pending change set of every session entitled to it, so a slow client's backlog is bounded by the size of what
 * changed, not by the number of updates; notifications, which are new members every time, are bounded by count
 * ({@link #DiffSnapshotManager(int)}). A new session's first answer is its full entitled snapshot.
 *
 * <p>Cost model: a push costs the size of the patch to apply, plus the size of the patch per entitled session to
 * compose (allocation-free once the changed members are already pending); a peek costs nothing beyond handing the
 * pending patch over. Shared market data is composed eagerly into every subscriber's pending patch, which keeps
 * peeks trivial and idle sessions tiny (about 100 bytes measured) at the price of work on the producer thread
 * proportional to the number of subscribers of what changed. Subscriber indexes are insertion-ordered sets with
 * O(1) removal, so closing or unsubscribing a session costs O(1) per subscription whatever the number of sessions.
 *
 * <p>Threading: single writer. Every method here must be called on one producer thread (the engine thread); the
 * producer never blocks on consumers. {@link DiffSession#peek()} is the only consumer-side call. Deterministic: no
 * clock, no randomness, sessions are served in subscription order.
 *
 * <p>Pushed patches are relative to the member they name ({@code pushQuote("SHFE.cu2512", {"last_price":1})}),
 * are copied (the caller may reuse them; {@link #handOverTrade} and {@link #handOverQuote} take them instead, for a
 * producer that builds a new patch per push), must be JSON objects, and are checked against DIFF's compatibility rules
 * before anything changes: a violation (a name starting with {@code _}, a member changing between scalar and
 * object) is a producer bug and throws {@link IllegalArgumentException} naming the path and the rule. A listener
 * that throws while a push completes its parked peek does not stop the change from reaching the other sessions:
 * the exception is rethrown once every session has it.
 */
public final class DiffSnapshotManager {
    /** The default bound on {@code notify.<n>} entries pending per session. */
    public static final int DEFAULT_MAX_PENDING_NOTIFIES = 64;

    private final JsonObject quotes = new JsonObject();
    private final JsonObject klines = new JsonObject();
    private final JsonObject ticks = new JsonObject();
    private final JsonObject trade = new JsonObject();
    private final Map<String, SessionSet> quoteSubscribers = new HashMap<>();
    private final Map<String, SessionSet> seriesSubscribers = new HashMap<>();
    private final Map<String, SessionSet> userSessions = new HashMap<>();
    private final int maxPendingNotifies;
    private long lastSessionId;

    /** Creates an empty manager that keeps at most {@value #DEFAULT_MAX_PENDING_NOTIFIES} pending notifications. */
    public DiffSnapshotManager() {
        this(DEFAULT_MAX_PENDING_NOTIFIES);
    }

    /**
     * Creates an empty manager with a bound on the notifications pending per session.
     *
     * @param maxPendingNotifies the most {@code notify.<n>} entries a session's pending change set holds; when a
     *        client does not peek and more arrive, the oldest pending ones are dropped and counted in
     *        {@link DiffSession#droppedNotifies()}; {@code > 0}
     * @throws IllegalArgumentException if {@code maxPendingNotifies <= 0}
     */
    public DiffSnapshotManager(int maxPendingNotifies) {
        if (maxPendingNotifies <= 0) {
            throw new IllegalArgumentException("maxPendingNotifies=" + maxPendingNotifies + " must be > 0");
        }
        this.maxPendingNotifies = maxPendingNotifies;
    }

    /**
     * Opens a session. Its first answer is its full entitled snapshot (before login: {@code ins_list} and
     * {@code mdhis_more_data}).
     *
     * @param listener receives the session's answers, never {@code null}
     * @return the new session
     */
    public DiffSession openSession(RtnDataListener listener) {
        DiffSession session = new DiffSession(++lastSessionId, Objects.requireNonNull(listener, "listener"),
                maxPendingNotifies);
        session.deliver(new JsonObject().put(INS_LIST, "").put(MDHIS_MORE_DATA, false));
        return session;
    }

    /**
     * Binds a session to a user and sends the user's whole {@code trade.<user>} document.
     *
     * @param session an open session
     * @param userId the user, non-empty
     * @return {@code true} if now logged in as {@code userId}; {@code false} if already logged in as another user
     */
    public boolean login(DiffSession session, String userId) {
        requireNonEmpty(userId, "userId");
        if (session.userId != null) {
            return session.userId.equals(userId);
        }
        session.userId = userId;
        userSessions.computeIfAbsent(userId, k -> new SessionSet()).add(session);
        session.deliver(new JsonObject().put(TRADE, new JsonObject().put(userId, userDocument(userId).deepCopy())));
        return true;
    }

    /**
     * Replaces the session's quote subscription, echoes {@code ins_list} exactly and sends the current quote of
     * every newly subscribed instrument.
     *
     * @param session an open session
     * @param message a decoded {@code subscribe_quote}
     */
    public void subscribeQuotes(DiffSession session, SubscribeQuote message) {
        String[] previous = session.quoteSubscriptions;
        Set<String> before = Set.of(previous);
        Set<String> after = new LinkedHashSet<>(message.instruments());
        for (String instrument : previous) {
            if (!after.contains(instrument)) {
                quoteSubscribers.get(instrument).remove(session);
                StaleSubscriptions.mark(session, QUOTES + '|' + instrument);
            }
        }
        JsonObject newQuotes = new JsonObject();
        JsonObject dropStale = new JsonObject();
        for (String instrument : after) {
            if (!before.contains(instrument)) {
                quoteSubscribers.computeIfAbsent(instrument, k -> new SessionSet()).add(session);
                if (StaleSubscriptions.unmark(session, QUOTES + '|' + instrument)) {
                    dropStale.put(instrument, JsonNull.INSTANCE);
                }
                JsonObject quote = quotes.getObject(instrument);
                if (quote != null) {
                    newQuotes.put(instrument, quote.deepCopy());
                }
            }
        }
        session.quoteSubscriptions = after.toArray(new String[0]);
        session.insList = message.insList();
        if (!dropStale.isEmpty()) {
            session.deliver(new JsonObject().put(QUOTES, dropStale));
        }
        JsonObject patch = new JsonObject().put(INS_LIST, message.insList());
        if (!newQuotes.isEmpty()) {
            patch.put(QUOTES, newQuotes);
        }
        session.deliver(patch);
    }

    /**
     * Creates, replaces or (with no instruments) removes a chart of the session; echoes the request in
     * {@code charts.<chart_id>.state} and sends the whole stored series of every newly subscribed kline/tick series.
     * Trimming a series to {@code view_width} is up to the host, which decides what it pushes.
     *
     * @param session an open session
     * @param message a decoded {@code set_chart}
     */
    public void setChart(DiffSession session, SetChart message) {
        Set<String> before = SeriesSnapshots.subscribed(session);
        if (session.charts == null) {
            session.charts = new LinkedHashMap<>(4);
        }
        JsonObject patch = new JsonObject();
        if (message.instruments().isEmpty()) {
            session.charts.remove(message.chartId());
            patch.put(CHARTS, new JsonObject().put(message.chartId(), JsonNull.INSTANCE));
        } else {
            String[] keys = new String[message.instruments().size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = ChartSubscription.seriesKey(message.instruments().get(i), message.durationNs());
            }
            JsonObject state = message.request().deepCopy();
            ChartSubscription previous = session.charts.get(message.chartId());
            // A replaced chart keeps its view members (the client still holds them) and sends only what changed
            // in the request, so the client's state equals the new request exactly.
            JsonObject view = previous == null ? new JsonObject() : previous.view();
            JsonObject sentState = previous == null ? state : (JsonObject) MergePatch.diff(previous.state(), state);
            session.charts.put(message.chartId(), new ChartSubscription(keys, state, view));
            patch.put(CHARTS, new JsonObject().put(message.chartId(), new JsonObject().put("state", sentState)));
        }
        Set<String> after = SeriesSnapshots.subscribed(session);
        for (String key : before) {
            if (!after.contains(key)) {
                seriesSubscribers.get(key).remove(session);
                StaleSubscriptions.mark(session, key);
            }
        }
        JsonObject dropStale = new JsonObject();
        for (String key : after) {
            if (!before.contains(key)) {
                seriesSubscribers.computeIfAbsent(key, k -> new SessionSet()).add(session);
                if (StaleSubscriptions.unmark(session, key)) {
                    StaleSubscriptions.addSeriesDeletion(dropStale, key);
                }
                SeriesSnapshots.add(patch, key, ticks, klines);
            }
        }
        if (!dropStale.isEmpty()) {
            session.deliver(dropStale);
        }
        session.deliver(patch);
    }

    /**
     * Merges the host's members into {@code charts.<chartId>} of one session: the chart's window over its series
     * ({@code left_id}, {@code right_id}), {@code more_data} and {@code ready}, which only the host can compute.
     * Send {@code ready: true} after the bars of the window were pushed, so the client has them first.
     *
     * @param session an open session
     * @param chartId a chart the session has (set by {@link #setChart} and not removed)
     * @param patch the change to the chart object; must not name {@code state}; copied
     * @throws IllegalArgumentException if the session has no such chart, the patch names {@code state}, or it breaks
     *         a DIFF compatibility rule
     */
    public void updateChart(DiffSession session, String chartId, JsonObject patch) {
        ChartSubscription chart = session.charts == null ? null : session.charts.get(chartId);
        if (chart == null) {
            throw new IllegalArgumentException("chart " + chartId + " is not open in session " + session.id());
        }
        if (patch.containsKey("state")) {
            throw new IllegalArgumentException("charts." + chartId + ".state is the client's request: the host"
                    + " must not change it");
        }
        LayoutRules.check(chart.view(), patch, CHARTS + '.' + chartId);
        JsonObject owned = patch.deepCopy();
        MergePatch.applyInPlace(chart.view(), owned);
        session.deliver(new JsonObject().put(CHARTS, new JsonObject().put(chartId, owned)));
    }

    /**
     * Applies a change to {@code quotes.<instrument>} and composes it into every subscribed session.
     *
     * @param instrument the instrument, {@code EXCHANGE.code}
     * @param patch the change to the quote object; copied
     * @throws IllegalArgumentException if the patch breaks a DIFF compatibility rule
     */
    public void pushQuote(String instrument, JsonObject patch) {
        applyQuote(instrument, Objects.requireNonNull(patch, "patch").deepCopy(), patch);
    }

    /**
     * Like {@link #pushQuote}, but takes {@code patch} instead of copying it, which saves the copy for a producer
     * that builds a new patch for every push. The caller must not read, change or push the patch, or anything in
     * it, afterwards: sessions' pending changes may hold it until they are answered.
     *
     * @param instrument the instrument, {@code EXCHANGE.code}
     * @param patch the change to the quote object; the manager's from now on
     * @throws IllegalArgumentException if the patch breaks a DIFF compatibility rule (nothing changes then)
     */
    public void handOverQuote(String instrument, JsonObject patch) {
        applyQuote(instrument, Objects.requireNonNull(patch, "patch"), patch);
    }

    private void applyQuote(String instrument, JsonObject owned, JsonObject checked) {
        requireNonEmpty(instrument, "instrument");
        apply(quotes, instrument, checked, owned, QUOTES + '.' + instrument);
        fanOut(quoteSubscribers.get(instrument), QUOTES, instrument, null, owned);
    }

    /**
     * Applies a change to {@code klines.<instrument>.<durationNs>} (see {@link DiffLayout#bars}) and composes it
     * into every session with a chart on that series.
     *
     * @param instrument the instrument
     * @param durationNs the bar duration in nanoseconds, {@code > 0}
     * @param patch the change to the series object; copied
     */
    public void pushKlines(String instrument, long durationNs, JsonObject patch) {
        requireNonEmpty(instrument, "instrument");
        if (durationNs <= 0) {
            throw new IllegalArgumentException("durationNs=" + durationNs + " must be > 0 (ticks use pushTicks)");
        }
        String duration = Long.toString(durationNs);
        JsonObject byDuration = klines.getObject(instrument);
        if (byDuration == null) {
            byDuration = new JsonObject();
            klines.put(instrument, byDuration);
        }
        JsonObject owned = applyOwned(byDuration, duration, patch, KLINES + '.' + instrument + '.' + duration);
        fanOut(seriesSubscribers.get(ChartSubscription.seriesKey(instrument, durationNs)), KLINES, instrument,
                duration, owned);
    }

    /**
     * Applies a change to {@code ticks.<instrument>} and composes it into every session with a tick chart on it.
     *
     * @param instrument the instrument
     * @param patch the change to the tick series object; copied
     */
    public void pushTicks(String instrument, JsonObject patch) {
        requireNonEmpty(instrument, "instrument");
        JsonObject owned = applyOwned(ticks, instrument, patch, TICKS + '.' + instrument);
        fanOut(seriesSubscribers.get(ChartSubscription.seriesKey(instrument, 0)), TICKS, instrument, null, owned);
    }

    /**
     * Applies a change to {@code trade.<userId>} (see {@link DiffLayout#entry}) and composes it into every session
     * logged in as that user.
     *
     * @param userId the user
     * @param patch the change relative to {@code trade.<userId>}; copied
     */
    public void pushTrade(String userId, JsonObject patch) {
        applyTrade(userId, Objects.requireNonNull(patch, "patch").deepCopy(), patch);
    }

    /**
     * Like {@link #pushTrade}, but takes {@code patch} instead of copying it, which saves the copy for a producer
     * that builds a new patch for every push. The caller must not read, change or push the patch, or anything in
     * it, afterwards: sessions' pending changes may hold it until they are answered.
     *
     * @param userId the user
     * @param patch the change relative to {@code trade.<userId>}; the manager's from now on
     * @throws IllegalArgumentException if the patch breaks a DIFF compatibility rule (nothing changes then)
     */
    public void handOverTrade(String userId, JsonObject patch) {
        applyTrade(userId, Objects.requireNonNull(patch, "patch"), patch);
    }

    private void applyTrade(String userId, JsonObject owned, JsonObject checked) {
        requireNonEmpty(userId, "userId");
        userDocument(userId);
        apply(trade, userId, checked, owned, TRADE + '.' + userId);
        fanOut(userSessions.get(userId), TRADE, userId, null, owned);
    }

    /**
     * Sends a notification to one session as {@code notify.<n>}, {@code n} counting from 1 per session. Notifications
     * are not part of any shared document. At most {@code maxPendingNotifies} (see the constructor) wait in a
     * session's pending change set: beyond that the oldest pending one is dropped and counted in
     * {@link DiffSession#droppedNotifies()}, so a client that never peeks costs bounded memory.
     *
     * @param session an open session
     * @param content the notification, e.g. from {@link io.github.exchangeblocks.diff.codec.ErrorNotify}; copied
     */
    public void notify(DiffSession session, JsonObject content) {
        LayoutRules.check(null, content, NOTIFY);
        String id = Long.toString(++session.notifySequence);
        session.deliver(new JsonObject().put(NOTIFY, new JsonObject().put(id, content.deepCopy())));
    }

    /**
     * Closes a session: it leaves every index (O(1) per subscription), its pending changes are dropped and later
     * peeks are ignored.
     *
     * @param session the session; closing twice is harmless
     */
    public void closeSession(DiffSession session) {
        if (session.isClosed()) {
            return;
        }
        for (String instrument : session.quoteSubscriptions) {
            quoteSubscribers.get(instrument).remove(session);
        }
        for (String key : SeriesSnapshots.subscribed(session)) {
            seriesSubscribers.get(key).remove(session);
        }
        if (session.userId != null) {
            userSessions.get(session.userId).remove(session);
        }
        session.close();
    }

    /**
     * The full snapshot a session is entitled to now (without notifications): what a client that applied every
     * answer holds, except that a client keeps the last state of quotes and series it unsubscribed from (until it
     * subscribes again, when that state is replaced exactly). For tests and diagnostics.
     *
     * @param session the session
     * @return a new document
     */
    public JsonObject entitledSnapshot(DiffSession session) {
        JsonObject snapshot = new JsonObject().put(INS_LIST, session.insList).put(MDHIS_MORE_DATA, false);
        if (session.userId != null) {
            snapshot.put(TRADE, new JsonObject().put(session.userId, userDocument(session.userId).deepCopy()));
        }
        JsonObject subscribedQuotes = new JsonObject();
        for (String instrument : session.quoteSubscriptions) {
            JsonObject quote = quotes.getObject(instrument);
            if (quote != null) {
                subscribedQuotes.put(instrument, quote.deepCopy());
            }
        }
        if (!subscribedQuotes.isEmpty()) {
            snapshot.put(QUOTES, subscribedQuotes);
        }
        if (session.charts != null) {
            // Once a set_chart was answered the client holds a charts object, empty when every chart is removed.
            JsonObject charts = new JsonObject();
            session.charts.forEach((id, chart) -> charts.put(id, chart.view().shallowCopy().put("state",
                    chart.state())));
            snapshot.put(CHARTS, charts.deepCopy());
            for (String key : SeriesSnapshots.subscribed(session)) {
                SeriesSnapshots.add(snapshot, key, ticks, klines);
            }
        }
        return snapshot;
    }

    private JsonObject userDocument(String userId) {
        JsonObject document = trade.getObject(userId);
        if (document == null) {
            document = new JsonObject();
            trade.put(userId, document);
        }
        return document;
    }

    private static JsonObject applyOwned(JsonObject parent, String key, JsonObject patch, String path) {
        JsonObject owned = Objects.requireNonNull(patch, "patch").deepCopy();
        apply(parent, key, patch, owned, path);
        return owned;
    }

    /**
     * Checks {@code checked} against the document's member, then merges {@code owned} (the same change, held by
     * the manager) into it. The document never shares objects with the patch: merging copies what it adds.
     */
    private static void apply(JsonObject parent, String key, JsonObject checked, JsonObject owned, String path) {
        JsonObject current = parent.getObject(key);
        LayoutRules.check(current, checked, path);
        if (current == null) {
            parent.put(key, MergePatch.withoutNullMembers(owned));
        } else {
            MergePatch.applyInPlace(current, owned);
        }
    }

    private static void fanOut(SessionSet sessions, String top, String key, String subKey, JsonObject owned) {
        if (sessions == null || sessions.size() == 0 || owned.isEmpty()) {
            return;
        }
        JsonObject inner = subKey == null ? owned : new JsonObject().put(subKey, owned);
        sessions.deliverToAll(new JsonObject().put(top, new JsonObject().put(key, inner)));
    }

    private static void requireNonEmpty(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + "=" + value + " must be non-empty");
        }
    }
}
