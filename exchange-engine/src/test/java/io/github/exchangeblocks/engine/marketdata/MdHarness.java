package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs {@link MdStep}s through the real market data and the {@link ReferenceMarketData} oracle, comparing every
 * figure and checking the invariants after every step; a RESTORE step swaps the real instance for a copy restored
 * from its snapshot (same state hash) and carries on with the copy.
 */
final class MdHarness {
    final MarketDataSettings settings;
    final ReferenceMarketData oracle;
    InstrumentMarketData real;
    long clock;
    int restores;
    int drainedBatches;
    private final Map<Long, Published> published = new HashMap<>();

    private record Published(long version, long lastId, List<String> bars) {
    }

    MdHarness(MarketDataSettings settings) {
        this.settings = settings;
        oracle = new ReferenceMarketData(settings);
        real = MarketData.create(settings);
    }

    void run(List<MdStep> steps) {
        long tradeId = 0;
        for (MdStep step : steps) {
            clock = Math.max(0, clock + step.dtNs());
            switch (step.kind()) {
                case TRADE -> {
                    tradeId++;
                    real.onTrade(clock, tradeId, step.side(), step.a(), step.b());
                    oracle.trade(clock, tradeId, step.side(), step.a(), step.b());
                }
                case LEVEL -> {
                    int count = (int) Math.min(step.b(), 3);
                    real.onLevelChanged(clock, 0, step.side(), step.a(), step.b(), count);
                    oracle.level(clock, step.side(), step.a(), step.b(), count);
                }
                case OPEN_INTEREST -> {
                    real.onOpenInterest(clock, step.a());
                    oracle.openInterest(clock, step.a());
                }
                case ADVANCE -> {
                    real.advanceTime(clock);
                    oracle.advance(clock);
                }
                case DRAIN -> drain();
                case SETTLE -> {
                    real.settle(clock, step.a());
                    oracle.settle(clock, step.a());
                }
                case START_DAY -> {
                    real.startDay(clock, step.a(), step.a() + step.b());
                    oracle.startDay(clock, step.a(), step.a() + step.b());
                }
                case LIMITS -> {
                    real.setPriceLimits(clock, step.a(), step.a() + step.b());
                    oracle.limits(clock, step.a(), step.a() + step.b());
                }
                case DEPTH -> depth(step.a());
                case RESTORE -> restore();
                default -> throw new IllegalStateException(step.toString());
            }
            compare(step);
        }
    }

    private void drain() {
        Deltas deltas = new Deltas();
        boolean any = real.drainDepthDelta(deltas);
        List<String> expected = oracle.drain();
        assertThat(deltas.lines).as("drained batch").isEqualTo(expected);
        assertThat(any).isEqualTo(!expected.isEmpty());
        if (any) {
            drainedBatches++;
        }
        publish();
    }

    /** Checks what changed since the last publish against the bars then, and remembers the bars now. */
    private void publish() {
        for (int i = 0; i < real.klineDurationCount(); i++) {
            long durationNs = real.klineDurationNs(i);
            KlineSeriesView series = real.klines(durationNs);
            List<String> now = Bars.all(series);
            Published before = published.get(durationNs);
            if (before != null) {
                List<String> changed = Bars.changedSince(series, before.version());
                List<String> mustContain = new ArrayList<>(now);
                mustContain.removeAll(before.bars());
                assertThat(changed).as("bars changed since version %s", before.version())
                    .containsAll(mustContain).allMatch(bar -> idOf(bar) >= before.lastId());
            }
            published.put(durationNs, new Published(real.version(), series.lastId(), now));
        }
    }

    private static long idOf(String bar) {
        return Long.parseLong(bar.substring(bar.indexOf('#') + 1, bar.indexOf(' ')));
    }

    private void depth(long seed) {
        Random random = new Random(seed);
        DepthSnapshot snapshot = new DepthSnapshot(4);
        Map<Long, long[]> bids = new LinkedHashMap<>();
        Map<Long, long[]> asks = new LinkedHashMap<>();
        for (long price = 100; price >= 90 && bids.size() < 4; price--) {
            if (random.nextInt(3) == 0) {
                long quantity = 1 + random.nextInt(9);
                int count = 1 + random.nextInt(3);
                snapshot.addBid(price, quantity, count);
                bids.put(price, new long[] {quantity, count});
            }
        }
        for (long price = 101; price <= 110 && asks.size() < 4; price++) {
            if (random.nextInt(3) == 0) {
                long quantity = 1 + random.nextInt(9);
                int count = 1 + random.nextInt(3);
                snapshot.addAsk(price, quantity, count);
                asks.put(price, new long[] {quantity, count});
            }
        }
        real.onDepth(clock, snapshot);
        oracle.depth(clock, bids, asks);
    }

    private void restore() {
        ByteBuffer buffer = ByteBuffer.allocate(real.snapshotLength());
        assertThat(real.writeSnapshot(buffer)).isEqualTo(buffer.capacity());
        assertThat(buffer.remaining()).isZero();
        InstrumentMarketData restored = MarketData.restore(settings, buffer.flip());
        assertThat(buffer.remaining()).isZero();
        assertThat(restored.stateHash()).isEqualTo(real.stateHash());
        ByteBuffer again = ByteBuffer.allocate(restored.snapshotLength());
        restored.writeSnapshot(again);
        assertThat(again.flip()).isEqualTo(buffer.rewind());
        real = restored;
        restores++;
    }

    private void compare(MdStep step) {
        String at = "after " + step;
        assertThat(real.version()).as(at).isEqualTo(oracle.version);
        assertThat(real.timestampNs()).as(at).isEqualTo(oracle.now);
        assertThat(ReferenceMarketData.quoteOf(real.quote())).as("quote " + at).isEqualTo(oracle.quote());
        for (long durationNs : settings.klineDurationsNs()) {
            assertThat(Bars.all(real.klines(durationNs))).as("bars of %s %s", durationNs, at)
                .isEqualTo(oracle.bars(durationNs));
        }
        assertThat(ticks()).as("ticks " + at).isEqualTo(oracle.ticks());
        assertThat(ReferenceMarketData.tickerOf(real.ticker())).as("ticker " + at).isEqualTo(oracle.ticker());
        List<String> levels = new ArrayList<>();
        real.depth().visitLevels((side, rank, price, quantity, count) ->
            levels.add(side + "" + rank + " " + quantity + "@" + price + "#" + count));
        assertThat(levels).as("levels " + at).isEqualTo(oracle.levels());
        assertThat(real.depth().lastUpdateId()).as(at).isEqualTo(oracle.lastUpdateId);
        assertThat(real.depth().pendingFirstUpdateId()).as(at).isEqualTo(oracle.lastDrainedUpdateId + 1);
        assertThat(real.depth().pendingLevels()).as(at).isEqualTo(oracle.pending.size());
        invariants(at);
    }

    private void invariants(String at) {
        QuoteView quote = real.quote();
        if (quote.volume() > 0) {
            assertThat(quote.averagePrice()).as(at).isBetween(quote.lowest(), quote.highest());
            assertThat(quote.open()).as(at).isBetween(quote.lowest(), quote.highest());
            assertThat(quote.lastPrice()).as(at).isBetween(quote.lowest(), quote.highest());
        }
        for (long durationNs : settings.klineDurationsNs()) {
            real.klines(durationNs).visit(Long.MIN_VALUE, Long.MAX_VALUE, (d, id, open, high, low, close, volume,
                amount, openOi, closeOi) -> {
                assertThat(low).as(at).isPositive().isLessThanOrEqualTo(Math.min(open, close));
                assertThat(high).as(at).isGreaterThanOrEqualTo(Math.max(open, close));
                assertThat(amount).as(at).isBetween(low * volume, high * volume);
            });
        }
        TickerView ticker = real.ticker();
        assertThat(ticker.low()).as(at).isLessThanOrEqualTo(ticker.high());
        assertThat(ticker.amount()).as(at).isBetween(ticker.low() * ticker.volume(), ticker.high() * ticker.volume());
        TradeTapeView tape = real.tape();
        assertThat(tape.size()).as(at).isLessThanOrEqualTo(tape.capacity());
        assertThat(tape.lastTickId() - tape.firstTickId() + 1).as(at).isEqualTo(tape.size());
    }

    private List<String> ticks() {
        List<String> ticks = new ArrayList<>();
        real.tape().visit(Long.MIN_VALUE, Long.MAX_VALUE, (tickId, tradeId, timestampNs, price, volume, side) ->
            ticks.add(tickId + ":" + tradeId + "@" + timestampNs + " " + volume + "x" + price + " " + side));
        return ticks;
    }
}
