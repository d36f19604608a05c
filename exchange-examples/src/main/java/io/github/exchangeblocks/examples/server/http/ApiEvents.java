package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.examples.exchange.ExchangeCore;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import io.github.exchangeblocks.engine.venue.Venue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the HTTP API keeps from the core's events: instrument specifications (read on I/O threads to turn decimal
 * prices into ticks), the daily statements by trading day (also archived to files, see {@link StatementArchive},
 * and read back at start), and the forced-liquidation orders since this server started (replay publishes no
 * events). Statements and liquidations are engine-thread state: endpoints read them inside
 * {@code ExchangeCore.query}. The newest {@value #MAX_DAYS} days and {@value #MAX_LIQUIDATIONS} liquidation orders are
 * kept.
 */
final class ApiEvents implements ExchangeListener {
    static final int MAX_DAYS = 366;
    static final int MAX_LIQUIDATIONS = 10_000;

    final ConcurrentMap<String, InstrumentSpec> specs = new ConcurrentHashMap<>();
    final TreeMap<Integer, List<AccountStatement>> statementsByDay = new TreeMap<>();
    final LinkedHashMap<String, LiquidationRecord> liquidations = new LinkedHashMap<>();
    private final StatementArchive archive;
    private volatile ExchangeCore core;
    private int lastArchivedDay;

    ApiEvents(StatementArchive archive) {
        this.archive = archive;
    }

    /**
     * Connects the running core, reads every instrument's specification and the archived statements; waits for the
     * engine.
     */
    void attach(ExchangeCore running) {
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
        ExchangeCore running = core;
        if (running != null) {
            InstrumentSpec spec = running.state().venue().registry().get(instrumentIndex).spec();
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

    @Override
    public void onOrder(OrderRecord order) {
        if (order.clientOrderId().startsWith(ExchangeState.LIQUIDATION_PREFIX)) {
            liquidations.put(order.user() + "/" + order.clientOrderId(), LiquidationRecord.of(order));
            if (liquidations.size() > MAX_LIQUIDATIONS) {
                Iterator<Map.Entry<String, LiquidationRecord>> oldest = liquidations.entrySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }
}
