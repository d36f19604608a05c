package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.server.diff.UserStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The channel gateway at {@code ws://host:port/ws}: public market-data channels and, after a login, the user's
 * private channels, pushed the way crypto exchanges push (subscribe to {@code <symbol>@depth}, {@code @order}, ...;
 * see {@link ClientRequests} for the operations and {@link ChannelKind} for the channels).
 *
 * <p>Threads: the publisher ({@link #listener()}) runs on the engine thread and encodes each update once; each
 * Netty I/O thread keeps its own connections and subscribers ({@link LoopShard}) and writes the shared buffers.
 * Snapshots are built on the engine thread through {@code ExchangeBackend.query}, in order with the updates.
 * Passwords are checked on auth threads. A timer thread asks the engine, once per throttle interval, for the
 * ticker and kline updates the interval held back.
 *
 * <p>Life cycle: create it, give {@link #listener()} to the core (with the DIFF publisher, through a
 * {@code CompositeListener}), {@link #attach} the running core, install {@link #router} in each new channel's
 * pipeline after the HTTP aggregator, and on a clean stop {@link #announceShutdown} before closing the connections,
 * then {@link #close()}.
 */
public final class ChannelGateway implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChannelGateway.class.getName());
    /** The close reason of the connections a state replacement ends (see {@code onStateReplaced}). */
    public static final String STATE_REPLACED = "exchange state replaced by a state transfer: reconnect, subscribe "
            + "again";

    private final ChannelsConfig config;
    private final ChannelPublisher publisher;
    private final SymbolDirectory symbols = new SymbolDirectory();
    private final Map<String, Integer> interest = new ConcurrentHashMap<>();
    private final Map<EventExecutor, LoopShard> shardsByLoop = new ConcurrentHashMap<>();
    private final List<LoopShard> shards = new CopyOnWriteArrayList<>();
    private final List<LoginCheck> loginChecks = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong cuts = new AtomicLong();
    private final AtomicInteger phaseDealer = new AtomicInteger();
    private final ThreadPoolExecutor authExecutor;
    private final ScheduledExecutorService timer;
    private final LongSupplier monotonicNs;
    private volatile ExchangeBackend core;

    /**
     * @param config     the settings
     * @param users      the users file DIFF logs in against (a {@link PasswordLoginCheck} is installed on it)
     * @param moneyScale decimal places of the money unit (the venue's)
     * @param clockNs    wall clock, nanoseconds since the epoch, for the event time of every message (when it was
     *                   published)
     */
    public ChannelGateway(ChannelsConfig config, UserStore users, int moneyScale, LongSupplier clockNs) {
        this(config, users, moneyScale, clockNs, System::nanoTime);
    }

    /**
     * @param monotonicNs the monotonic clock the phase windows are cut from ({@link System#nanoTime()}; a model
     *                    clock in tests)
     */
    ChannelGateway(ChannelsConfig config, UserStore users, int moneyScale, LongSupplier clockNs,
                   LongSupplier monotonicNs) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.monotonicNs = monotonicNs;
        this.publisher = new ChannelPublisher(this, moneyScale, Objects.requireNonNull(clockNs, "clockNs"),
                monotonicNs);
        loginChecks.add(new PasswordLoginCheck(users));
        AtomicInteger threads = new AtomicInteger();
        this.authExecutor = new ThreadPoolExecutor(config.authThreads(), config.authThreads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), runnable -> {
                    Thread thread = new Thread(runnable, "channels-auth-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "channels-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the listener to give the core: the channel publisher (engine thread) */
    public ExchangeListener listener() {
        return publisher;
    }

    /**
     * Connects the running core: takes its instruments (waits for the engine thread) and starts the throttle timer.
     *
     * @param running the core started with {@link #listener()} among its listeners
     */
    public void attach(ExchangeBackend running) {
        this.core = Objects.requireNonNull(running, "running must not be null");
        running.await(publisher::attach, 30_000);
        timer.scheduleAtFixedRate(() -> running.query(state -> publisher.publishThrottled()), config.throttleMs(),
                config.throttleMs(), TimeUnit.MILLISECONDS);
        if (config.updateIntervalMs() > 0) {
            // Ticks at the start of every phase window (fixed rate: no drift against the publisher's windows).
            long windowNs = publisher.phaseWindowNs();
            long firstNs = publisher.nextPhaseWindowStartNs(monotonicNs.getAsLong());
            timer.scheduleAtFixedRate(() -> running.query(state -> publisher.publishDue()),
                    firstNs - monotonicNs.getAsLong(), windowNs, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Adds a way to log in, asked after the ones before it (the password check comes first). For example, a token
     * check from the HTTP API: {@code gateway.addLoginCheck(request -> request.has("token") ? ... :
     * LoginOutcome.notMine())}.
     *
     * @param check the check, thread-safe, not {@code null}
     */
    public void addLoginCheck(LoginCheck check) {
        loginChecks.add(Objects.requireNonNull(check, "check must not be null"));
    }

    /**
     * A handler that turns a channel whose HTTP request asks for {@code /ws} into a channel connection, and leaves
     * every other request to the handlers after it. Install it right after the HTTP aggregator.
     *
     * @param maxFrameBytes         the largest client message accepted
     * @param frameViolationHandler the server's handler for frame-decoder violations, placed before the protocol
     *                              handler as on {@code /trade}
     * @return a new handler for one channel
     */
    public ChannelHandler router(int maxFrameBytes, ChannelHandler frameViolationHandler) {
        return new ChannelRouter(this, maxFrameBytes, frameViolationHandler);
    }

    /** @return connections at {@code /ws} whose handshake completed and that are not closed yet */
    public int connectionCount() {
        return connections.get();
    }

    /** @return how many connections were cut for being too slow since start */
    public long cutCount() {
        return cuts.get();
    }

    /**
     * Sends {@code {"event":"serverShutdown"}} to every connection and waits (up to 2 s) until each I/O thread has
     * written it. Call before closing the connections.
     *
     * @param reason said to the clients
     */
    public void announceShutdown(String reason) {
        for (LoopShard shard : shards) {
            try {
                shard.executor().submit(() -> shard.announceShutdown(reason)).awaitUninterruptibly(2,
                        TimeUnit.SECONDS);
            } catch (RejectedExecutionException stopped) {
                LOG.log(System.Logger.Level.DEBUG, "I/O thread already stopped; no shutdown notice on it");
            }
        }
    }

    /** Closes every connection (WebSocket close 1012) with the reason, on each connection's I/O thread. */
    void closeAll(String reason) {
        LOG.log(System.Logger.Level.WARNING, "closing every channel connection: " + reason);
        for (LoopShard shard : shards) {
            try {
                shard.executor().execute(() -> shard.closeAll(WebSocketCloseStatus.SERVICE_RESTART, reason));
            } catch (RejectedExecutionException stopped) {
                LOG.log(System.Logger.Level.DEBUG, "I/O thread already stopped; its connections are closed");
            }
        }
    }

    /** Stops the timer and the auth threads. The core and the connections are closed by their owner. */
    @Override
    public void close() {
        timer.shutdownNow();
        authExecutor.shutdownNow();
    }

    ChannelsConfig config() {
        return config;
    }

    SymbolDirectory symbols() {
        return symbols;
    }

    List<LoopShard> shards() {
        return shards;
    }

    ByteBufAllocator allocator() {
        return PooledByteBufAllocator.DEFAULT;
    }

    LoopShard shardOf(EventExecutor loop) {
        return shardsByLoop.computeIfAbsent(loop, executor -> {
            LoopShard shard = new LoopShard(executor, config);
            shards.add(shard);
            return shard;
        });
    }

    void interest(String topic, int delta) {
        interest.compute(topic, (key, count) -> {
            int next = (count == null ? 0 : count) + delta;
            return next <= 0 ? null : next;
        });
    }

    boolean interested(String topic) {
        return interest.containsKey(topic);
    }

    /** I/O thread: asks the engine for the subscription's snapshot; false if the engine could not take it. */
    boolean requestSnapshot(Subscription subscription, LoopShard shard) {
        ExchangeBackend running = core;
        return running != null && running.query(state -> {
            ByteBuf body;
            try {
                body = publisher.snapshot(subscription);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "snapshot of " + subscription.name.name() + " failed", e);
                return;
            }
            shard.submitSnapshot(subscription, body);
        }) == null;
    }

    /** I/O thread: checks the credentials on an auth thread and hands the outcome back to the connection. */
    void login(ChannelConnection connection, JsonNode id, JsonNode request) {
        EventExecutor loop = connection.context().executor();
        try {
            authExecutor.execute(() -> {
                LoginOutcome outcome = check(request);
                loop.execute(() -> connection.loginDone(id, outcome.user(), outcome.refusal()));
            });
        } catch (RejectedExecutionException busy) {
            connection.loginDone(id, null, "too many logins in progress; try again");
        }
    }

    /** @return the phase group of a connection whose handshake just completed: dealt round-robin */
    int nextPhaseGroup() {
        return Math.floorMod(phaseDealer.getAndIncrement(), config.effectivePhaseGroups());
    }

    void opened() {
        connections.incrementAndGet();
    }

    void closed() {
        connections.decrementAndGet();
    }

    void cut() {
        cuts.incrementAndGet();
    }

    private LoginOutcome check(JsonNode request) {
        try {
            for (LoginCheck check : loginChecks) {
                LoginOutcome outcome = check.check(request);
                if (!outcome.isNotMine()) {
                    return outcome;
                }
            }
            return LoginOutcome.refused("login needs user and password" + (loginChecks.size() > 1
                    ? " (or another credential this server accepts)" : ""));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "login check failed", e);
            return LoginOutcome.refused("login could not be checked: " + e.getMessage());
        }
    }
}
