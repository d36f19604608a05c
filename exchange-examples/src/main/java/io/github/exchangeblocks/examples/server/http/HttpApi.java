package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.server.auth.Principal;
import io.github.exchangeblocks.examples.server.auth.ServerSecret;
import io.github.exchangeblocks.examples.server.auth.TokenService;
import io.github.exchangeblocks.examples.server.diff.DiffGateway;
import io.netty.channel.ChannelHandler;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The HTTP API on the server's port. Life cycle: create it (reads or creates the token secret
 * {@code http-token-secret} in the data directory; settled days' statements live in {@code settlements/}), give {@link #listener()} to the core (beside the other
 * gateways' listeners), {@link #attach} the running core, then install {@link #handler()} in each channel's
 * pipeline after the HTTP aggregator, before the plain HTTP handler. {@link #close()} stops its threads.
 */
public final class HttpApi implements AutoCloseable {
    /** Name of the token secret's file in the data directory. */
    public static final String SECRET_FILE = "http-token-secret";
    /** Name of the directory of settled days' statements in the data directory. */
    public static final String STATEMENTS_DIRECTORY = "settlements";

    private final HttpApiConfig config;
    private final DiffGateway diff;
    private final TokenService tokens;
    private final StatementArchive archive;
    private final ApiEvents events;
    private final ExecutorService authExecutor;
    private final Router router = new Router();
    private volatile HttpApiHandler handler;
    private Throughput throughput;
    private PrometheusMetrics metrics;

    /**
     * @param config        the API's settings
     * @param dataDirectory where the token secret lives
     * @param diff          the DIFF gateway: its users file and login lockout serve HTTP logins too, its
     *                      connections are counted in monitoring
     */
    public HttpApi(HttpApiConfig config, Path dataDirectory, DiffGateway diff) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.diff = Objects.requireNonNull(diff, "diff must not be null");
        this.tokens = new TokenService(ServerSecret.loadOrCreate(dataDirectory.resolve(SECRET_FILE)),
                config.tokenTtlSec(), () -> System.currentTimeMillis() / 1000);
        this.archive = new StatementArchive(dataDirectory.resolve(STATEMENTS_DIRECTORY));
        this.events = new ApiEvents(archive);
        AtomicInteger threads = new AtomicInteger();
        this.authExecutor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64),
                runnable -> {
                    Thread thread = new Thread(runnable, "http-auth-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** @return the listener to add to the core's (engine thread) */
    public ExchangeListener listener() {
        return events;
    }

    /**
     * Connects the running core, reads the instruments and builds the routes and the metrics; waits for the engine.
     *
     * @param core               the core started with {@link #listener()} among its listeners
     * @param channelConnections the channel gateway's open connections (thread-safe), counted in monitoring
     */
    public void attach(ExchangeBackend core, IntSupplier channelConnections) {
        events.attach(core);
        throughput = new Throughput(core::appliedSequence);
        ApiContext context = new ApiContext(core, events, config, tokens, diff, authExecutor, throughput,
                () -> handler == null ? 0 : handler.openConnections(), channelConnections);
        metrics = new PrometheusMetrics(context, System::nanoTime);
        AuthEndpoints.register(router, context);
        AccountEndpoints.register(router, context);
        OrderEndpoints.register(router, context);
        InstrumentEndpoints.register(router, context);
        SettlementEndpoints.register(router, context);
        RiskEndpoints.register(router, context);
        MonitoringEndpoints.register(router, context);
        SnapshotEndpoints.register(router, context);
        MarketEndpoints.register(router, context);
        router.add("GET", "/openapi.json", Access.PUBLIC, "This document", List.of(), List.of(),
                call -> call.reply(openApi()));
        handler = new HttpApiHandler(router, tokens, new RateLimiter(config.requestsPerSecond(), config.burst(),
                System::nanoTime), config.maxBodyBytes(), metrics);
    }

    /**
     * @return the sharable Netty handler of {@code /api/}, {@code /openapi.json} and {@code /metrics} (Prometheus,
     *         no token, aggregate figures only, see {@link PrometheusMetrics}); after {@link #attach}
     */
    public ChannelHandler handler() {
        return Objects.requireNonNull(handler, "attach the core first");
    }

    /**
     * Checks a bearer token (for the DIFF login and other gateways).
     *
     * @param token the token as presented
     * @return whom it speaks for, or {@code null} if invalid or expired
     */
    public Principal verifyToken(String token) {
        return tokens.verify(token);
    }

    /** @return the OpenAPI document of every route */
    ObjectNode openApi() {
        return OpenApiDocument.of(router);
    }

    /** Stops the password-check and sampling threads; writes the statements still queued. */
    @Override
    public void close() {
        authExecutor.shutdownNow();
        archive.close();
        if (throughput != null) {
            throughput.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
