package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.patch.PendingPatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client connection of the DIFF protocol: what it is subscribed to, the one pending (composed) change set not
 * yet sent, and the parked peek. Created by {@link DiffSnapshotManager#openSession(RtnDataListener)}.
 *
 * <p>Threading: {@link #peek()} may be called from any thread (the connection's I/O thread); everything else that
 * changes a session goes through the manager on the single producer thread. The producer never waits for a
 * consumer: it composes a change under a try-lock, and if a consumer holds the lock at that instant it leaves the
 * change in a lock-free inbox that the lock holder drains before it lets go (and re-checks after letting go), so
 * no change and no wake-up is lost. Consumers spin briefly on the lock, which is only ever held to compose one
 * patch.
 */
public final class DiffSession {
    private static final VarHandle LOCK;
    private static final VarHandle INBOX;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            LOCK = lookup.findVarHandle(DiffSession.class, "lock", int.class);
            INBOX = lookup.findVarHandle(DiffSession.class, "inbox", InboxNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id;
    private final RtnDataListener listener;

    @SuppressWarnings("unused")
    private volatile int lock;
    @SuppressWarnings("unused")
    private volatile InboxNode inbox;
    private volatile boolean closed;
    private PendingPatch pending;
    private boolean parked;
    private final int maxPendingNotifies;
    private volatile long droppedNotifies;

    String userId;
    String insList = "";
    String[] quoteSubscriptions = new String[0];
    Map<String, ChartSubscription> charts;
    long notifySequence;
    /** Quotes/series the client still holds from an earlier subscription; {@code null} until one is dropped. */
    Set<String> stale;

    DiffSession(long id, RtnDataListener listener, int maxPendingNotifies) {
        this.id = id;
        this.listener = listener;
        this.maxPendingNotifies = maxPendingNotifies;
    }

    /**
     * The session id, unique within its manager, assigned in opening order from 1.
     *
     * @return the id
     */
    public long id() {
        return id;
    }

    /**
     * The user this session logged in as.
     *
     * @return the user id, or {@code null} before a successful login; read it on the producer thread
     */
    public String userId() {
        return userId;
    }

    /**
     * How many notifications were dropped from this session's pending change set, oldest first, because more than
     * the manager's bound waited for a peek (see {@link DiffSnapshotManager#DiffSnapshotManager(int)}).
     *
     * @return the count since the session opened; readable from any thread
     */
    public long droppedNotifies() {
        return droppedNotifies;
    }

    /**
     * Whether the session was closed; a closed session ignores peeks and receives nothing.
     *
     * @return {@code true} once {@link DiffSnapshotManager#closeSession(DiffSession)} ran
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Asks for the next {@code rtn_data}. If a change is pending, the listener is called at once on this thread
     * with it; otherwise the peek is parked and the listener is called when the next change arrives. A peek made
     * while one is already parked collapses into it (one answer). Never blocks on the producer; safe from any
     * thread, but peeks of one session should come from one thread at a time so that answers stay in order.
     */
    public void peek() {
        if (closed) {
            return;
        }
        lockSpin();
        drainInboxLocked();
        List<JsonObject> answer = null;
        if (pending != null) {
            answer = pending.patches();
            pending = null;
            parked = false;
        } else {
            parked = true;
        }
        unlock();
        if (answer != null) {
            listener.onRtnData(this, answer);
        }
        drainAfterUnlock();
    }

    /** Producer thread: compose one change (never mutated afterwards) and complete a parked peek. */
    void deliver(JsonObject patch) {
        if (closed || patch.isEmpty()) {
            return;
        }
        if (tryLock()) {
            drainInboxLocked();
            addLocked(patch);
            List<JsonObject> answer = takeIfParkedLocked();
            unlock();
            if (answer != null) {
                listener.onRtnData(this, answer);
            }
        } else {
            InboxNode node = new InboxNode(patch);
            InboxNode head;
            do {
                head = (InboxNode) INBOX.getVolatile(this);
                node.next = head;
            } while (!INBOX.compareAndSet(this, head, node));
        }
        drainAfterUnlock();
    }

    void close() {
        closed = true;
        lockSpin();
        INBOX.setVolatile(this, null);
        pending = null;
        parked = false;
        unlock();
    }

    boolean tryLock() {
        return (int) LOCK.getVolatile(this) == 0 && LOCK.compareAndSet(this, 0, 1);
    }

    void lockSpin() {
        while (!tryLock()) {
            Thread.onSpinWait();
        }
    }

    void unlock() {
        LOCK.setVolatile(this, 0);
    }

    /** After any unlock: changes left in the inbox while the lock was held are composed by whoever gets it next. */
    void drainAfterUnlock() {
        while (INBOX.getVolatile(this) != null && tryLock()) {
            drainInboxLocked();
            List<JsonObject> answer = takeIfParkedLocked();
            unlock();
            if (answer != null) {
                listener.onRtnData(this, answer);
            }
        }
    }

    private void drainInboxLocked() {
        InboxNode head = (InboxNode) INBOX.getAndSet(this, null);
        if (head == null) {
            return;
        }
        InboxNode reversed = null;
        while (head != null) {
            InboxNode next = head.next;
            head.next = reversed;
            reversed = head;
            head = next;
        }
        for (InboxNode node = reversed; node != null; node = node.next) {
            addLocked(node.patch);
        }
    }

    private void addLocked(JsonObject patch) {
        if (closed) {
            return;
        }
        if (pending == null) {
            pending = new PendingPatch();
        }
        // Delivered patches are never mutated afterwards (see deliver): the pending patch may keep one as it is.
        pending.addImmutable(patch);
        if (patch.containsKey(DiffLayout.NOTIFY)) {
            dropOldestNotifiesLocked();
        }
    }

    /** Keeps at most {@link #maxPendingNotifies} pending {@code notify.<n>} entries, dropping the oldest. */
    private void dropOldestNotifiesLocked() {
        JsonObject notifies = pending.upsertsMember(DiffLayout.NOTIFY);
        if (notifies == null) {
            return;
        }
        long dropped = droppedNotifies;
        while (notifies.size() > maxPendingNotifies) {
            notifies.remove(notifies.keyAt(notifies.nextMember(-1)));
            dropped++;
        }
        droppedNotifies = dropped;
    }

    private List<JsonObject> takeIfParkedLocked() {
        if (!parked || pending == null) {
            return null;
        }
        List<JsonObject> answer = pending.patches();
        pending = null;
        parked = false;
        return answer;
    }

    private static final class InboxNode {
        final JsonObject patch;
        InboxNode next;

        InboxNode(JsonObject patch) {
            this.patch = patch;
        }
    }
}
