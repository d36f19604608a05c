package io.github.exchangeblocks.engine.marketdata;

import java.util.ArrayList;
import java.util.List;

/** Collects visited bars as readable strings, for assertions. */
final class Bars implements KlineVisitor {
    final List<String> bars = new ArrayList<>();

    static String bar(long durationNs, long id, long open, long high, long low, long close, long volume, long amount,
                      long openOi, long closeOi) {
        return durationNs + "#" + id + " O" + open + " H" + high + " L" + low + " C" + close + " V" + volume + " A"
            + amount + " OI" + openOi + "->" + closeOi;
    }

    @Override
    public void onBar(long durationNs, long id, long open, long high, long low, long close, long volume,
                      long amount, long openOpenInterest, long closeOpenInterest) {
        bars.add(bar(durationNs, id, open, high, low, close, volume, amount, openOpenInterest, closeOpenInterest));
    }

    static List<String> all(KlineSeriesView series) {
        Bars bars = new Bars();
        series.visit(Long.MIN_VALUE, Long.MAX_VALUE, bars);
        return bars.bars;
    }

    static List<String> changedSince(KlineSeriesView series, long version) {
        Bars bars = new Bars();
        series.visitChangedSince(version, bars);
        return bars.bars;
    }
}
