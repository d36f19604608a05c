package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.diff.codec.ErrorNotify;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ForwardingListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.netty.channel.ChannelHandler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The DIFF gateway at {@code ws://host:port/trade}: translates client messages into core commands and the core's
 * events into DIFF snapshot patches, the way TqSdk clients expect.
 *
 * <p>Threads: each connection's messages are decoded on its Netty I/O thread; {@code peek_message} is answered
 * there from what the {@link DiffSnapshotManager} composed. Everything that changes the manager (open, login,
 * subscribe, notify, close) runs on the engine thread through {@link ExchangeBackend#query}, in order with the
 * commands, and the publisher writes the core's events into the manager on that thread too. Passwords are checked
 * on a small pool of auth threads, never on I/O or engine threads.
 *
 * <p>Life cycle: create it, pass {@link #listener()} to the backend ({@code ExchangeCore.start} or
 * {@code ClusterReplica.connect}), then {@link #attach} the running backend (publishes the whole state, as replay
 * publishes nothing), then install {@link #newConnection()} per channel.
 */
public final class DiffGateway implements AutoCloseable {
    /**
     * The demo users' passwords, written (hashed) to a new users file. Demo only: change them for real use.
     * {@code admin} has no trading account; it holds the HTTP API's admin role.
     */
    public static final Map<String, String> DEMO_PASSWORDS = demoPasswords();

    static final System.Logger LOG = System.getLogger(DiffGateway.class.getName());

    /** The close reason of the sessions a state replacement ends (see {@link ExchangeListener#onStateReplaced}). */
    public static final String STATE_REPLACED = "exchange state replaced by a state transfer: reconnect and log in";

    /** Replaced with the publisher when the exchange state is (engine thread; read by I/O threads). */
    volatile DiffSnapshotManager manager = new DiffSnapshotManager();
    final ConcurrentMap<String, InstrumentSpec> specs = new ConcurrentHashMap<>();
    volatile DiffPublisher publisher;
    final UserStore users;
    final LoginLimiter limiter;
    final DiffGatewayConfig config;
    final int moneyScale;
    final ExecutorService authExecutor;
    private final List<DiffSession> sessions = new ArrayList<>();
    private final Map<DiffSession, DiffConnection> connectionOf = new IdentityHashMap<>();
    private final ExchangeListener events = new ForwardingListener() {
        @Override
        protected ExchangeListener delegate() {
            return publisher;
        }

        @Override
        public void onStateReplaced(ExchangeState state) {
            stateReplaced(state);
        }
    };
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ExchangeBackend core;
    private volatile FrameTap tap;
    volatile BiPredicate<String, String> tokenLogin = (user, token) -> false;

    /**
     * Opens (or creates) the users file.
     *
     * @param config     the gateway's settings
     * @param moneyScale decimal places of the money unit (the venue's)
     */
    public DiffGateway(DiffGatewayConfig config, int moneyScale) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.moneyScale = moneyScale;
        this.publisher = new DiffPublisher(manager, moneyScale, specs, sessions);
        this.users = UserStore.openOrCreate(config.usersFile(), DEMO_PASSWORDS, config.passwordIterations());
        this.limiter = new LoginLimiter(config.maxFailedLoginsPerUser(),
                TimeUnit.MILLISECONDS.toNanos(config.failedLoginWindowMs()),
                TimeUnit.MILLISECONDS.toNanos(config.lockoutMs()), System::nanoTime);
        AtomicInteger threadCount = new AtomicInteger();
        this.authExecutor = new ThreadPoolExecutor(config.authThreads(), config.authThreads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), runnable -> {
                    Thread thread = new Thread(runnable, "diff-auth-" + threadCount.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Lets {@code req_login} carry a token instead of the password.
     *
     * @param check whether a {@code (user_name, password field)} pair is a valid token of that user; called on an
     *              auth thread
     */
    public void acceptTokens(BiPredicate<String, String> check) {
        this.tokenLogin = Objects.requireNonNull(check, "check must not be null");
    }

    /**
     * Checks a password under the per-user lockout DIFF logins use, so that other gateways share it: a locked-out
     * user is refused without a check; a wrong password of a known user counts as a failure; a right one clears
     * them. Costs one PBKDF2 derivation: call it off I/O and engine threads.
     *
     * @param user     the user name
     * @param password the password as sent
     * @return {@link Boolean#TRUE} if right, {@link Boolean#FALSE} if wrong, {@code null} if the user is locked out
     */
    public Boolean checkPassword(String user, String password) {
        if (!limiter.allowed(user)) {
            return null;
        }
        if (users.verify(user, password)) {
            limiter.succeeded(user);
            return Boolean.TRUE;
        }
        if (users.contains(user)) {
            limiter.failed(user);
        }
        return Boolean.FALSE;
    }

    /** @return the users file DIFF logs in against (the HTTP API and the channel gateway share it) */
    public UserStore users() {
        return users;
    }

    /**
     * @return the listener to give the backend: the DIFF publisher's events; a state replacement closes every
     *         session (WebSocket close 1012, {@link #STATE_REPLACED}) and publishes the new state from scratch
     */
    public ExchangeListener listener() {
        return events;
    }

    /**
     * Connects the running core and publishes its whole state into the DIFF snapshot; waits for it.
     *
     * @param running the core started with {@link #listener()}
     */
    public void attach(ExchangeBackend running) {
        this.core = Objects.requireNonNull(running, "running must not be null");
        running.await(publisher::publishAll, 30_000);
    }

    /**
     * A handler for one new channel; install it after the WebSocket protocol handler.
     *
     * @return a new handler, not sharable
     */
    public ChannelHandler newConnection() {
        return new DiffConnection(this);
    }

    /** @return the ids of the instruments the exchange lists, sorted (e.g. for a page's picker); any thread */
    public List<String> instrumentIds() {
        return new ArrayList<>(new java.util.TreeSet<>(specs.keySet()));
    }

    /** @return connections whose WebSocket handshake completed and that are not closed yet */
    public int connectionCount() {
        return connections.get();
    }

    /**
     * What each open session logged in as {@code user} is entitled to now, as the manager holds it (for tests and
     * diagnostics). Waits for the engine thread.
     *
     * @param user a user name
     * @return one snapshot per session, in opening order
     */
    public List<JsonObject> entitledSnapshots(String user) {
        List<JsonObject> result = new ArrayList<>();
        core.await(state -> {
            for (DiffSession session : sessions) {
                if (user.equals(session.userId())) {
                    result.add(manager.entitledSnapshot(session));
                }
            }
        }, 10_000);
        return result;
    }

    /**
     * Installs a tap that sees every {@code rtn_data} frame written from now on (tests and diagnostics; it costs a
     * volatile read per frame when none is installed).
     *
     * @param frameTap the tap, or {@code null} to remove it
     */
    public void tap(FrameTap frameTap) {
        this.tap = frameTap;
    }

    FrameTap frameTap() {
        return tap;
    }

    ExchangeBackend core() {
        return core;
    }

    /** Runs on the engine thread after everything queued before; false if the engine is busy or stopped. */
    boolean onEngine(Consumer<ExchangeState> task) {
        ExchangeBackend running = core;
        return running != null && running.query(state -> {
            try {
                task.accept(state);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "DIFF session task failed; the engine goes on", e);
            }
        }) == null;
    }

    /** Engine thread: a session opened. */
    void opened(DiffSession session, DiffConnection connection) {
        sessions.add(session);
        connectionOf.put(session, connection);
        connections.incrementAndGet();
    }

    /** Engine thread: a session closed (nothing to do if a state replacement closed it already). */
    void closed(DiffSession session) {
        if (!sessions.remove(session)) {
            return;
        }
        connectionOf.remove(session);
        connections.decrementAndGet();
        publisher.closed(session);
        manager.closeSession(session);
    }

    /**
     * Engine thread: the exchange state was replaced without events, so what the snapshot holds is stale. Every
     * session is closed (its client reconnects and logs in again, and gets the new state whole), and a new
     * snapshot is published from the new state.
     */
    private void stateReplaced(ExchangeState state) {
        LOG.log(System.Logger.Level.WARNING, "exchange state replaced: closing {0} DIFF sessions",
                sessions.size());
        for (DiffSession session : sessions) {
            manager.closeSession(session);
            connectionOf.get(session).closeReplaced(STATE_REPLACED);
        }
        connections.addAndGet(-sessions.size());
        sessions.clear();
        connectionOf.clear();
        DiffSnapshotManager fresh = new DiffSnapshotManager();
        DiffPublisher rebuilt = new DiffPublisher(fresh, moneyScale, specs, sessions);
        rebuilt.publishAll(state);
        manager = fresh;
        publisher = rebuilt;
    }

    /** Engine thread: sends a notification to a session now. */
    void notifyNow(DiffSession session, JsonObject content) {
        publisher.queueNotify(session, content);
        publisher.flushNotifies();
    }

    static JsonObject error(RejectCode code, String message) {
        return ErrorNotify.of(code, message);
    }

    static JsonObject info(String message) {
        return new JsonObject().put("type", "MESSAGE").put("level", "INFO").put("code", 0).put("content", message);
    }

    /** Stops the auth threads. The core is closed by its owner. */
    @Override
    public void close() {
        authExecutor.shutdownNow();
    }

    private static Map<String, String> demoPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("alice", "alice123");
        passwords.put("bob", "bob123");
        passwords.put("admin", "admin123");
        return java.util.Collections.unmodifiableMap(passwords);
    }
}
