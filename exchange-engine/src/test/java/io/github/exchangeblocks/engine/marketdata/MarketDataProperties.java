package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The differential property: random streams of trades (with clock jitter), level changes, open interest, time
 * steps, drains, settlements, day rolls, limits, depth resyncs and snapshot/restore swaps run through the real
 * market data and the {@link ReferenceMarketData} oracle; every figure (quote with levels, every kline series,
 * the tape, the ticker, the depth mirror, the drained delta batches) is compared and invariants are checked after
 * every step. Small rings (4 bars, 6 ticks) and short windows make eviction frequent.
 */
class MarketDataProperties {
    private static final MarketDataSettings EXACT = MarketDataSettings.builder().instrumentId(3)
        .klineDurationsNs(7, 50, 400).klineCapacity(4).tickCapacity(6).ticker(300, 1).quoteLevels(3)
        .expectedDepthLevels(2).build();
    private static final MarketDataSettings BUCKETED = MarketDataSettings.builder().instrumentId(3)
        .klineDurationsNs(1, 60).klineCapacity(5).tickCapacity(3).ticker(300, 30).quoteLevels(5)
        .expectedDepthLevels(1).build();

    @Property(tries = 250)
    void shouldMatchTheOracleAfterEveryStepWhenTheTickerIsExact(@ForAll("streams") List<MdStep> steps) {
        MdHarness harness = new MdHarness(EXACT);
        harness.run(steps);
        Statistics.label("restored").collect(harness.restores > 0);
        Statistics.label("restored").coverage(c -> c.check(true).percentage(p -> p >= 70));
        Statistics.label("drained a batch").collect(harness.drainedBatches > 0);
        Statistics.label("drained a batch").coverage(c -> c.check(true).percentage(p -> p >= 70));
    }

    @Property(tries = 150)
    void shouldMatchTheOracleAfterEveryStepWhenTheTickerIsBucketed(@ForAll("streams") List<MdStep> steps) {
        new MdHarness(BUCKETED).run(steps);
    }

    @Provide
    Arbitrary<List<MdStep>> streams() {
        Arbitrary<Long> dt = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.longs().between(0, 30)),
            Tuple.of(2, Arbitraries.longs().between(-25, -1)),
            Tuple.of(1, Arbitraries.longs().between(100, 700)));
        Arbitrary<Side> side = Arbitraries.of(Side.class);
        Arbitrary<MdStep> trade = Combinators.combine(dt, side, Arbitraries.longs().between(95, 105),
            Arbitraries.longs().between(1, 5)).as((t, s, p, v) -> new MdStep(MdStep.Kind.TRADE, t, s, p, v, 0));
        Arbitrary<MdStep> level = Combinators.combine(dt, side, Arbitraries.longs().between(92, 108),
            Arbitraries.longs().between(0, 6)).as((t, s, p, q) -> new MdStep(MdStep.Kind.LEVEL, t, s, p, q, 0));
        Arbitrary<MdStep> openInterest = Combinators.combine(dt, Arbitraries.longs().between(0, 40))
            .as((t, oi) -> new MdStep(MdStep.Kind.OPEN_INTEREST, t, null, oi, 0, 0));
        Arbitrary<MdStep> advance = dt.map(t -> new MdStep(MdStep.Kind.ADVANCE, t, null, 0, 0, 0));
        Arbitrary<MdStep> drain = Arbitraries.just(new MdStep(MdStep.Kind.DRAIN, 0, null, 0, 0, 0));
        Arbitrary<MdStep> settle = Combinators.combine(dt, Arbitraries.longs().between(95, 105))
            .as((t, p) -> new MdStep(MdStep.Kind.SETTLE, t, null, p, 0, 0));
        Arbitrary<MdStep> startDay = Combinators.combine(dt, Arbitraries.longs().between(0, 95),
            Arbitraries.longs().between(0, 20)).as((t, low, span) -> new MdStep(MdStep.Kind.START_DAY, t, null,
            low, low == 0 ? 0 : span, 0));
        Arbitrary<MdStep> limits = Combinators.combine(dt, Arbitraries.longs().between(1, 95),
            Arbitraries.longs().between(0, 20)).as((t, low, span) -> new MdStep(MdStep.Kind.LIMITS, t, null, low,
            span, 0));
        Arbitrary<MdStep> depth = Combinators.combine(dt, Arbitraries.longs())
            .as((t, seed) -> new MdStep(MdStep.Kind.DEPTH, t, null, seed, 0, 0));
        Arbitrary<MdStep> restore = Arbitraries.just(new MdStep(MdStep.Kind.RESTORE, 0, null, 0, 0, 0));
        Arbitrary<MdStep> step = Arbitraries.frequencyOf(
            Tuple.of(30, trade), Tuple.of(25, level), Tuple.of(8, openInterest),
            Tuple.of(4, advance), Tuple.of(6, drain), Tuple.of(1, settle),
            Tuple.of(1, startDay), Tuple.of(1, limits), Tuple.of(1, depth),
            Tuple.of(2, restore));
        return step.list().ofMinSize(20).ofMaxSize(200).withSizeDistribution(RandomDistribution.uniform());
    }
}
