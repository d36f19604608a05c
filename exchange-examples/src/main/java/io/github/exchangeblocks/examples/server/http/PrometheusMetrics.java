package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.RejectCode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The figures of the operator's monitoring as Prometheus metrics, through Micrometer's Prometheus registry, served at
 * {@code GET /metrics} in the text format 0.0.4. All figures are aggregate (no per-user data), which is why the path
 * needs no token: an operator's scraper on loopback or a private network reads it; a public port should keep it
 * behind a firewall or proxy.
 *
 * <p>Live figures (engine queue, journal sequence, commands per second, connections per endpoint, up) are read from
 * thread-safe fields at each scrape. The account figures ({@code exchange_accounts}, {@code exchange_capital_*}) need
 * the engine thread: {@link #refreshThen} takes them with one {@code ExchangeBackend.query} at most once a second and
 * keeps them until the next; they are NaN before the first. Money is in the venue's currency unit. Thread-safe; no
 * call blocks.
 */
final class PrometheusMetrics implements AutoCloseable {
    /** The content type of {@link #scrape()}'s text. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final System.Logger LOG = System.getLogger(PrometheusMetrics.class.getName());
    private static final long REFRESH_NS = TimeUnit.SECONDS.toNanos(1);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ApiContext context;
    private final LongSupplier clockNs;
    private final double moneyUnit;
    private final AtomicLong nextRefreshNs;
    private volatile EngineFigures figures;

    /**
     * @param context the figures' sources (core, throughput, connection counts)
     * @param clockNs a monotonic clock in nanoseconds, for the refresh interval
     */
    PrometheusMetrics(ApiContext context, LongSupplier clockNs) {
        this.context = context;
        this.clockNs = clockNs;
        this.moneyUnit = Math.pow(10, context.moneyScale);
        this.nextRefreshNs = new AtomicLong(clockNs.getAsLong());
        live("exchange.up", "1 while the engine runs, 0 once it stopped on a journal failure",
                m -> m.context.core.failure() == null ? 1 : 0);
        live("exchange.engine.queue.depth", "commands and reads waiting in the engine's ring",
                m -> m.context.core.queueDepth());
        live("exchange.engine.queue.capacity", "size of the engine's ring",
                m -> m.context.core.queueCapacity());
        live("exchange.journal.applied.sequence", "sequence of the last command the engine applied",
                m -> m.context.core.appliedSequence());
        live("exchange.commands.per.second", "commands applied during the last whole second",
                m -> m.context.throughput.commandsPerSecond());
        connections("diff", m -> m.context.diffConnections.getAsInt());
        connections("channels", m -> m.context.channelConnections.getAsInt());
        connections("http", m -> m.context.httpConnections());
        engine("exchange.accounts", "accounts on the venue", f -> f.accounts());
        engine("exchange.capital.balance", "sum of the accounts' balances", f -> f.balance() / moneyUnit);
        engine("exchange.capital.available", "sum of the accounts' available funds", f -> f.available() / moneyUnit);
        engine("exchange.capital.margin", "sum of the margin held by positions", f -> f.margin() / moneyUnit);
        engine("exchange.capital.reconciliation.difference", "balance minus lifetime net deposits minus fees; 0 "
                + "when capital reconciles", f -> (f.balance() - f.expectedBalance()) / moneyUnit);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /**
     * Refreshes the account figures if the last refresh is a second old, then runs {@code then}: at once when no
     * refresh is due (or the engine refuses the read), else on the engine thread right after the read, so
     * {@code then} must not block and should hand the scrape to an I/O thread. Nothing thrown there reaches the
 * engine: it is logged.
     */
    void refreshThen(Runnable then) {
        long due = nextRefreshNs.get();
        long now = clockNs.getAsLong();
        if (now - due < 0 || !nextRefreshNs.compareAndSet(due, now + REFRESH_NS)) {
            then.run();
            return;
        }
        RejectCode refused = context.core.query(state -> {
            try {
                figures = EngineFigures.of(state);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "metrics: reading the accounts failed; the engine goes on", e);
            }
            try {
                then.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "metrics: the scrape could not be answered", e);
            }
        });
        if (refused != null) {
            then.run();
        }
    }

    /** @return every metric in the Prometheus text format 0.0.4 */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        registry.close();
    }

    private void live(String name, String help, ToDoubleFunction<PrometheusMetrics> value) {
        Gauge.builder(name, this, value).description(help).strongReference(true).register(registry);
    }

    private void connections(String endpoint, ToDoubleFunction<PrometheusMetrics> value) {
        Gauge.builder("exchange.connections", this, value).description("open connections per endpoint")
                .tag("endpoint", endpoint).strongReference(true).register(registry);
    }

    private void engine(String name, String help, ToDoubleFunction<EngineFigures> value) {
        Gauge.builder(name, this, m -> {
            EngineFigures taken = m.figures;
            return taken == null ? Double.NaN : value.applyAsDouble(taken);
        }).description(help + " (refreshed at most once a second)").strongReference(true).register(registry);
    }
}
