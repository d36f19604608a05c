package io.github.exchangeblocks.examples.exchange;

import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A user's orders and trades of the current trading day: every order in arrival order, the client order ids used
 * today (only ever asked whether an id is taken), and the working orders by client order id (what cancels and
 * amends look up: a few dozen entries, which stay in cache).
 *
 * <p>The day's ids grow to one per order of the day, far beyond the caches. Ids that count up after a fixed prefix
 * (the usual kind) are bits in {@link CounterIds}. Every other id is answered from 64-bit fingerprints of the ids
 * in a {@link FingerprintTable} (one cache line per probe, no entry object, no string read; it grows a few
 * thousand entries at a time, so no insert stops the engine to rehash the day) mapping to the order's index in
 * {@link #orders}; only a fingerprint match reads the string to confirm. Two different ids with one fingerprint
 * are still told apart: the later one goes to a small map of its own. The orders and trades are in
 * {@link ChunkedList}s, which grow without copying the day.
 *
 * <p>The working orders are in an open-addressing map too: an order going in and out of the book allocates no
 * entry object (a {@code HashMap} allocates a node per put, garbage on every cancel or fill).
 */
final class UserDay {
    final String user;
    final int accountId;
    final List<OrderRecord> orders = new ChunkedList<>();
    final List<TradeRecord> trades = new ChunkedList<>();
    private final ToLongFunction<String> fingerprint;
    private final CounterIds counterIds;
    private final FingerprintTable orderIndexByFingerprint = new FingerprintTable();
    private Map<String, OrderRecord> fingerprintTwins;
    private final Map<String, OrderRecord> working = new Object2ObjectOpenHashMap<>();

    UserDay(String user, int accountId) {
        this(user, accountId, UserDay::fingerprint, new CounterIds());
    }

    /**
     * With another fingerprint function and counter: tests use a weak fingerprint to make different ids share
     * fingerprints, and a small counter window to send ids both ways.
     */
    UserDay(String user, int accountId, ToLongFunction<String> fingerprint, CounterIds counterIds) {
        this.user = user;
        this.accountId = accountId;
        this.fingerprint = fingerprint;
        this.counterIds = counterIds;
    }

    /**
     * Records a new order of the day under its client order id, unless the id is taken.
     *
     * @return {@code false}, recording nothing, if the id was already used today
     */
    boolean add(OrderRecord order) {
        String id = order.clientOrderId;
        int counted = counterIds.add(id);
        if (counted != CounterIds.NOT_HELD) {
            if (counted == CounterIds.TAKEN) {
                return false;
            }
            orders.add(order);
            return true;
        }
        int index = orderIndexByFingerprint.putIfAbsent(fingerprint.applyAsLong(id), orders.size());
        if (index != FingerprintTable.NOT_FOUND) {
            if (orders.get(index).clientOrderId.equals(id)) {
                return false;
            }
            if (fingerprintTwins == null) {
                fingerprintTwins = new HashMap<>();
            }
            if (fingerprintTwins.putIfAbsent(id, order) != null) {
                return false;
            }
        }
        orders.add(order);
        return true;
    }

    /** The order is in the book: cancels and amends may name it. */
    void working(OrderRecord order) {
        working.put(order.clientOrderId, order);
    }

    /** The order is done (filled, cancelled, expired): cancels and amends may no longer name it. */
    void finished(OrderRecord order) {
        working.remove(order.clientOrderId);
    }

    /** @return the working order with this client order id, or {@code null} */
    OrderRecord workingOrder(String clientOrderId) {
        return working.get(clientOrderId);
    }

    void clear() {
        counterIds.clear();
        orderIndexByFingerprint.clear();
        fingerprintTwins = null;
        working.clear();
        orders.clear();
        trades.clear();
    }

    /** FNV-1a over the chars, then a 64-bit finalizer (Stafford's mix 13) so close ids land far apart. */
    static long fingerprint(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
