package io.github.exchangeblocks.engine.marketdata;

/**
 * The kline series of one instrument, sorted by duration. Registering a duration copies the small array; a trade
 * walks it.
 */
final class KlineSet {
    private final int capacity;
    KlineSeries[] series = new KlineSeries[0];

    KlineSet(int capacity) {
        this.capacity = capacity;
    }

    int count() {
        return series.length;
    }

    KlineSeries get(int index) {
        if (index < 0 || index >= series.length) {
            throw new IndexOutOfBoundsException("index=" + index + " must be in 0.." + (series.length - 1));
        }
        return series[index];
    }

    KlineSeries find(long durationNs) {
        for (KlineSeries one : series) {
            if (one.durationNs == durationNs) {
                return one;
            }
        }
        return null;
    }

    KlineSeries add(long durationNs) {
        KlineSeries existing = find(durationNs);
        if (existing != null) {
            return existing;
        }
        MarketDataSettings.Builder.requireDuration(durationNs);
        if (series.length == MarketDataSettings.MAX_KLINE_DURATIONS) {
            throw new IllegalArgumentException("klineDurationCount=" + series.length + " must stay <= "
                + MarketDataSettings.MAX_KLINE_DURATIONS + " to add durationNs=" + durationNs);
        }
        KlineSeries added = new KlineSeries(durationNs, capacity);
        KlineSeries[] grown = new KlineSeries[series.length + 1];
        int at = 0;
        while (at < series.length && series[at].durationNs < durationNs) {
            grown[at] = series[at];
            at++;
        }
        grown[at] = added;
        System.arraycopy(series, at, grown, at + 1, series.length - at);
        series = grown;
        return added;
    }

    /** True when adding {@code amount} to the bar a trade at {@code timestampNs} joins stays within a long. */
    boolean amountFits(long timestampNs, long amount) {
        for (KlineSeries one : series) {
            if (one.joinsCurrentBar(timestampNs) && one.currentAmount() > Long.MAX_VALUE - amount) {
                return false;
            }
        }
        return true;
    }

    void onTrade(long timestampNs, long price, long volume, long amount, long openInterest, long version) {
        for (KlineSeries one : series) {
            one.onTrade(timestampNs, price, volume, amount, openInterest, version);
        }
    }

    void onOpenInterest(long timestampNs, long openInterest, long version) {
        for (KlineSeries one : series) {
            one.onOpenInterest(timestampNs, openInterest, version);
        }
    }
}
