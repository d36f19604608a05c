package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.engine.venue.Venue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the HTTP API keeps from the core's events: instrument specifications (read on I/O threads to turn decimal
 * prices into ticks), the daily statements by trading day (also archived to files, see {@link StatementArchive},
 * and read back at start). Statements are engine-thread state: endpoints read them inside
 * {@code ExchangeBackend.query}. The newest {@value #MAX_DAYS} days are kept. (Forced-liquidation orders are part of
 * the core's durable state: {@code ExchangeState.liquidations()}.)
 */
final class ApiEvents implements ExchangeListener {
    static final int MAX_DAYS = 366;

    final ConcurrentMap<String, InstrumentSpec> specs = new ConcurrentHashMap<>();
    final TreeMap<Integer, List<AccountStatement>> statementsByDay = new TreeMap<>();
    private final StatementArchive archive;
    private volatile ExchangeBackend core;
    private int lastArchivedDay;

    ApiEvents(StatementArchive archive) {
        this.archive = archive;
    }

    /**
     * Connects the running core, reads every instrument's specification and the archived statements; waits for the
     * engine.
     */
    void attach(ExchangeBackend running) {
        core = running;
        TreeMap<Integer, List<AccountStatement>> archived = archive.load(MAX_DAYS);
        running.await(state -> {
            lastArchivedDay = archived.isEmpty() ? 0 : archived.lastKey();
            archived.putAll(statementsByDay);
            statementsByDay.clear();
            statementsByDay.putAll(archived);
            while (statementsByDay.size() > MAX_DAYS) {
                statementsByDay.pollFirstEntry();
            }
            Venue venue = state.venue();
            for (int i = 0; i < venue.instrumentCount(); i++) {
                onInstrument(i);
            }
        }, 30_000);
    }

    @Override
    public void onInstrument(int instrumentIndex) {
        ExchangeBackend running = core;
        if (running != null) {
            InstrumentSpec spec = running.state().venue().registry().get(instrumentIndex).spec();
            specs.put(spec.instrumentId(), spec);
        }
    }

    /**
     * The state was replaced (a cluster replica reloaded a state transfer): the specifications are read again, so
     * that instruments listed meanwhile are priced. Statements settled meanwhile are not in the events; the API
     * serves the ones it had and the archive's.
     */
    @Override
    public void onStateReplaced(ExchangeState state) {
        Venue venue = state.venue();
        for (int i = 0; i < venue.instrumentCount(); i++) {
            InstrumentSpec spec = venue.registry().get(i).spec();
            specs.put(spec.instrumentId(), spec);
        }
    }

    @Override
    public void onSettlement(String user, AccountStatement statement) {
        statementsByDay.computeIfAbsent(statement.tradingDay(), day -> new ArrayList<>()).add(statement);
        while (statementsByDay.size() > MAX_DAYS) {
            statementsByDay.pollFirstEntry();
        }
    }

    @Override
    public void onTradingDay(int tradingDay) {
        Map.Entry<Integer, List<AccountStatement>> settled = statementsByDay.lastEntry();
        if (settled != null && settled.getKey() > lastArchivedDay) {
            lastArchivedDay = settled.getKey();
            archive.save(settled.getKey(), settled.getValue());
        }
    }
}
