package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The oracle: keeps every input in plain lists and recomputes each figure from scratch when asked, with no rings,
 * no deques and no incremental sums. Slow and obviously correct.
 */
final class ReferenceMarketData {
    /** One recorded input, with its clamped time and the open interest in effect after it. */
    record Event(long version, long timestampNs, boolean trade, long tradeId, Side side, long price, long volume,
                 long openInterestAfter, int day) {
    }

    final MarketDataSettings settings;
    final List<Event> events = new ArrayList<>();
    final TreeMap<Long, long[]> bids = new TreeMap<>(Collections.reverseOrder());
    final TreeMap<Long, long[]> asks = new TreeMap<>();
    final Map<String, String> pending = new LinkedHashMap<>();
    long lastUpdateId;
    long lastDrainedUpdateId;
    long version;
    long now;
    long openInterest;
    int day;
    long settlement;
    long close;
    long lowerLimit;
    long upperLimit;
    long preClose;
    long preSettlement;
    long preOpenInterest;

    ReferenceMarketData(MarketDataSettings settings) {
        this.settings = settings;
    }

    private long begin(long timestampNs) {
        version++;
        now = Math.max(now, timestampNs);
        return now;
    }

    void trade(long timestampNs, long tradeId, Side side, long price, long volume) {
        long at = begin(timestampNs);
        events.add(new Event(version, at, true, tradeId, side, price, volume, openInterest, day));
    }

    void openInterest(long timestampNs, long value) {
        long at = begin(timestampNs);
        openInterest = value;
        events.add(new Event(version, at, false, 0, null, 0, 0, value, day));
    }

    void advance(long timestampNs) {
        begin(timestampNs);
    }

    void level(long timestampNs, Side side, long price, long quantity, int count) {
        begin(timestampNs);
        applyLevel(side, price, quantity, count);
    }

    private void applyLevel(Side side, long price, long quantity, int count) {
        TreeMap<Long, long[]> book = side == Side.BUY ? bids : asks;
        long[] old = book.get(price);
        if (quantity == 0 ? old == null : old != null && old[0] == quantity && old[1] == count) {
            return;
        }
        if (quantity == 0) {
            book.remove(price);
        } else {
            book.put(price, new long[] {quantity, count});
        }
        lastUpdateId++;
        pending.put(side + " " + price, side + " " + quantity + "@" + price + "#" + count);
    }

    void depth(long timestampNs, Map<Long, long[]> newBids, Map<Long, long[]> newAsks) {
        begin(timestampNs);
        resyncSide(Side.BUY, bids, newBids);
        resyncSide(Side.SELL, asks, newAsks);
    }

    private void resyncSide(Side side, TreeMap<Long, long[]> book, Map<Long, long[]> wanted) {
        List<Long> worstFirst = new ArrayList<>(book.keySet());
        Collections.reverse(worstFirst);
        for (long price : worstFirst) {
            if (!wanted.containsKey(price)) {
                applyLevel(side, price, 0, 0);
            }
        }
        for (Map.Entry<Long, long[]> level : wanted.entrySet()) {
            applyLevel(side, level.getKey(), level.getValue()[0], (int) level.getValue()[1]);
        }
    }

    List<String> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("U" + (lastDrainedUpdateId + 1) + " u" + lastUpdateId + " n" + pending.size());
        lines.addAll(pending.values());
        pending.clear();
        lastDrainedUpdateId = lastUpdateId;
        return lines;
    }

    void limits(long timestampNs, long lower, long upper) {
        begin(timestampNs);
        lowerLimit = lower;
        upperLimit = upper;
    }

    void settle(long timestampNs, long price) {
        begin(timestampNs);
        settlement = price;
        List<Event> today = dayTrades();
        close = today.isEmpty() ? 0 : today.get(today.size() - 1).price();
    }

    void startDay(long timestampNs, long lower, long upper) {
        begin(timestampNs);
        List<Event> today = dayTrades();
        if (!today.isEmpty()) {
            preClose = today.get(today.size() - 1).price();
        }
        if (settlement != 0) {
            preSettlement = settlement;
        }
        preOpenInterest = openInterest;
        settlement = 0;
        close = 0;
        lowerLimit = lower;
        upperLimit = upper;
        day++;
    }

    List<Event> trades() {
        return events.stream().filter(Event::trade).toList();
    }

    List<Event> dayTrades() {
        return events.stream().filter(e -> e.trade() && e.day() == day).toList();
    }

    /** The quote's figures in a fixed order, for comparison with {@link #quoteOf(QuoteView)}. */
    List<Long> quote() {
        List<Event> today = dayTrades();
        List<Event> all = trades();
        long volume = today.stream().mapToLong(Event::volume).sum();
        long amount = today.stream().mapToLong(e -> e.price() * e.volume()).sum();
        long average = 0;
        if (volume > 0) {
            BigInteger[] qr = BigInteger.valueOf(amount).divideAndRemainder(BigInteger.valueOf(volume));
            average = qr[0].longValueExact() + (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(volume)) >= 0 ? 1 : 0);
        }
        List<Long> q = new ArrayList<>(List.of(
            all.isEmpty() ? 0 : all.get(all.size() - 1).price(),
            today.isEmpty() ? 0 : today.get(0).price(),
            today.stream().mapToLong(Event::price).max().orElse(0),
            today.stream().mapToLong(Event::price).min().orElse(0),
            close,
            average, volume, amount, openInterest, settlement, upperLimit, lowerLimit, preSettlement, preClose,
            preOpenInterest));
        addLevels(q, bids);
        addLevels(q, asks);
        return q;
    }

    private void addLevels(List<Long> q, TreeMap<Long, long[]> book) {
        List<Map.Entry<Long, long[]>> levels = new ArrayList<>(book.entrySet());
        for (int i = 0; i < settings.quoteLevels(); i++) {
            q.add(i < levels.size() ? levels.get(i).getKey() : 0);
            q.add(i < levels.size() ? levels.get(i).getValue()[0] : 0);
        }
    }

    static List<Long> quoteOf(QuoteView quote) {
        List<Long> q = new ArrayList<>(List.of(quote.lastPrice(), quote.open(), quote.highest(), quote.lowest(),
            quote.close(), quote.averagePrice(), quote.volume(), quote.amount(), quote.openInterest(),
            quote.settlement(), quote.upperLimit(), quote.lowerLimit(), quote.preSettlement(), quote.preClose(),
            quote.preOpenInterest()));
        for (int i = 0; i < quote.levels(); i++) {
            q.add(quote.bidPrice(i));
            q.add(quote.bidVolume(i));
        }
        for (int i = 0; i < quote.levels(); i++) {
            q.add(quote.askPrice(i));
            q.add(quote.askVolume(i));
        }
        return q;
    }

    /** The kept bars of one duration, recomputed from every event. */
    List<String> bars(long durationNs) {
        Map<Long, List<Event>> byId = new LinkedHashMap<>();
        long oiBefore = 0;
        Map<Long, Long> openOi = new LinkedHashMap<>();
        for (Event e : events) {
            long id = Math.floorDiv(e.timestampNs(), durationNs);
            if (e.trade() && !byId.containsKey(id)) {
                byId.put(id, new ArrayList<>());
                openOi.put(id, oiBefore);
            }
            if (byId.containsKey(id)) {
                byId.get(id).add(e);
            }
            oiBefore = e.openInterestAfter();
        }
        List<String> bars = new ArrayList<>();
        for (Map.Entry<Long, List<Event>> bar : byId.entrySet()) {
            List<Event> in = bar.getValue();
            List<Event> trades = in.stream().filter(Event::trade).toList();
            bars.add(Bars.bar(durationNs, bar.getKey(), trades.get(0).price(),
                trades.stream().mapToLong(Event::price).max().orElseThrow(),
                trades.stream().mapToLong(Event::price).min().orElseThrow(),
                trades.get(trades.size() - 1).price(), trades.stream().mapToLong(Event::volume).sum(),
                trades.stream().mapToLong(e -> e.price() * e.volume()).sum(), openOi.get(bar.getKey()),
                in.get(in.size() - 1).openInterestAfter()));
        }
        return bars.subList(Math.max(0, bars.size() - settings.klineCapacity()), bars.size());
    }

    /** The kept ticks, oldest first. */
    List<String> ticks() {
        List<Event> all = trades();
        List<String> ticks = new ArrayList<>();
        for (int i = Math.max(0, all.size() - settings.tickCapacity()); i < all.size(); i++) {
            Event e = all.get(i);
            ticks.add((i + 1) + ":" + e.tradeId() + "@" + e.timestampNs() + " " + e.volume() + "x" + e.price() + " "
                + e.side());
        }
        return ticks;
    }

    /** The ticker's figures: open, high, low, last, volume, amount, count. */
    List<Long> ticker() {
        long bucket = settings.tickerBucketNs();
        List<Event> in = trades().stream()
            .filter(e -> (Math.floorDiv(e.timestampNs(), bucket) + 1) * bucket - 1 > now - settings.tickerWindowNs())
            .toList();
        List<Event> all = trades();
        return List.of(in.isEmpty() ? 0 : in.get(0).price(),
            in.stream().mapToLong(Event::price).max().orElse(0),
            in.stream().mapToLong(Event::price).min().orElse(0),
            all.isEmpty() ? 0 : all.get(all.size() - 1).price(),
            in.stream().mapToLong(Event::volume).sum(),
            in.stream().mapToLong(e -> e.price() * e.volume()).sum(),
            (long) in.size());
    }

    static List<Long> tickerOf(TickerView t) {
        return List.of(t.open(), t.high(), t.low(), t.last(), t.volume(), t.amount(), t.tradeCount());
    }

    List<String> levels() {
        List<String> levels = new ArrayList<>();
        int rank = 0;
        for (Map.Entry<Long, long[]> level : bids.entrySet()) {
            levels.add("BUY" + rank++ + " " + level.getValue()[0] + "@" + level.getKey() + "#" + level.getValue()[1]);
        }
        rank = 0;
        for (Map.Entry<Long, long[]> level : asks.entrySet()) {
            levels.add("SELL" + rank++ + " " + level.getValue()[0] + "@" + level.getKey() + "#" + level.getValue()[1]);
        }
        return levels;
    }
}
