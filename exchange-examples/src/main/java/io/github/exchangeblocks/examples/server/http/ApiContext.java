package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.server.auth.TokenService;
import io.github.exchangeblocks.examples.server.diff.DiffGateway;
import io.github.exchangeblocks.examples.server.diff.UserStore;

import java.util.concurrent.ExecutorService;
import java.util.function.IntSupplier;

/**
 * What the endpoints share: the core and how to call it, the event records, the renderings, the tokens, the users
 * and the password check (the DIFF gateway's, with its lockout), the settings, the thread pool for password checks,
 * and the figures monitoring reports.
 */
final class ApiContext {
    final ExchangeBackend core;
    final CoreCalls calls;
    final ApiEvents events;
    final Views views;
    final HttpApiConfig config;
    final TokenService tokens;
    final UserStore users;
    final DiffGateway passwords;
    final ExecutorService authExecutor;
    final Throughput throughput;
    final IntSupplier diffConnections;
    final IntSupplier tcpConnections;
    final IntSupplier channelConnections;
    final int moneyScale;

    ApiContext(ExchangeBackend core, ApiEvents events, HttpApiConfig config, TokenService tokens, DiffGateway diff,
               ExecutorService authExecutor, Throughput throughput, IntSupplier tcpConnections,
               IntSupplier channelConnections) {
        this.core = core;
        this.calls = new CoreCalls(core);
        this.events = events;
        this.moneyScale = core.venueSettings().moneyScale();
        this.views = new Views(moneyScale, events.specs);
        this.config = config;
        this.tokens = tokens;
        this.users = diff.users();
        this.passwords = diff;
        this.authExecutor = authExecutor;
        this.throughput = throughput;
        this.diffConnections = diff::connectionCount;
        this.tcpConnections = tcpConnections;
        this.channelConnections = channelConnections;
    }

    /** @return TCP connections that are neither DIFF nor channel WebSockets: plain HTTP and HTTP API ones */
    int httpConnections() {
        return Math.max(0, tcpConnections.getAsInt() - diffConnections.getAsInt() - channelConnections.getAsInt());
    }

    /**
     * @param instrumentId an id from a request
     * @return its specification
     * @throws ApiException 404 if no such instrument is listed
     */
    InstrumentSpec spec(String field, String instrumentId) throws ApiException {
        InstrumentSpec spec = instrumentId == null ? null : events.specs.get(instrumentId);
        if (spec == null) {
            throw ApiException.notFound(field + "=" + instrumentId + " must be a listed instrument");
        }
        return spec;
    }
}
