package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import org.junit.jupiter.api.Test;

class KlineTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /** 2025-10-06T14:30:00Z in nanoseconds. */
    private static final long T0 = 1_759_761_000L * SECOND;

    private final InstrumentMarketData data = MarketData.create(MarketDataSettings.builder().instrumentId(7)
        .klineDurationsNs(MINUTE, 5 * MINUTE, SECOND).klineCapacity(3).build());

    @Test
    void shouldNumberBarsByTheirIndexSinceTheEpochWhenTradesArrive() {
        data.onTrade(T0 + 5 * SECOND, 1, Side.BUY, 75_000, 2);

        KlineSeriesView minutes = data.klines(MINUTE);
        assertThat(minutes.lastId()).isEqualTo(T0 / MINUTE).isEqualTo(29_329_350L);
        assertThat(data.klines(5 * MINUTE).lastId()).isEqualTo(5_865_870L);
        assertThat(data.klines(SECOND).lastId()).isEqualTo(1_759_761_005L);
    }

    @Test
    void shouldBuildOhlcVolumeAmountAndOpenInterestWhenTradesFallInTwoMinutes() {
        data.onOpenInterest(T0, 100);
        data.onTrade(T0 + SECOND, 1, Side.BUY, 75_010, 2);
        data.onOpenInterest(T0 + SECOND, 102);
        data.onTrade(T0 + 20 * SECOND, 2, Side.SELL, 74_990, 1);
        data.onOpenInterest(T0 + 20 * SECOND, 101);
        data.onTrade(T0 + 40 * SECOND, 3, Side.BUY, 75_030, 3);
        data.onTrade(T0 + MINUTE + SECOND, 4, Side.SELL, 75_000, 4);
        data.onOpenInterest(T0 + MINUTE + SECOND, 97);

        long id = T0 / MINUTE;
        assertThat(Bars.all(data.klines(MINUTE))).containsExactly(
            Bars.bar(MINUTE, id, 75_010, 75_030, 74_990, 75_030, 6, 75_010 * 2 + 74_990 + 75_030 * 3, 100, 101),
            Bars.bar(MINUTE, id + 1, 75_000, 75_000, 75_000, 75_000, 4, 300_000, 101, 97));
        assertThat(Bars.all(data.klines(5 * MINUTE))).containsExactly(
            Bars.bar(5 * MINUTE, T0 / (5 * MINUTE), 75_010, 75_030, 74_990, 75_000, 10,
                75_010 * 2 + 74_990 + 75_030 * 3 + 300_000, 100, 97));
    }

    @Test
    void shouldDropTheOldestBarWhenTheRingIsFull() {
        for (int minute = 0; minute < 5; minute++) {
            data.onTrade(T0 + minute * MINUTE, minute + 1, Side.BUY, 100 + minute, 1);
        }

        KlineSeriesView minutes = data.klines(MINUTE);
        assertThat(minutes.size()).isEqualTo(3);
        assertThat(minutes.firstId()).isEqualTo(T0 / MINUTE + 2);
        assertThat(minutes.lastId()).isEqualTo(T0 / MINUTE + 4);
        assertThat(Bars.all(minutes)).hasSize(3).first().asString().contains(" O102 ");
    }

    @Test
    void shouldVisitOnlyTheRequestedIdRangeWhenBarsHaveGaps() {
        data.onTrade(T0, 1, Side.BUY, 100, 1);
        data.onTrade(T0 + 2 * MINUTE, 2, Side.BUY, 102, 1);
        data.onTrade(T0 + 3 * MINUTE, 3, Side.BUY, 103, 1);
        long id = T0 / MINUTE;
        Bars bars = new Bars();

        int visited = data.klines(MINUTE).visit(id + 1, id + 2, bars);

        assertThat(visited).isEqualTo(1);
        assertThat(bars.bars).containsExactly(Bars.bar(MINUTE, id + 2, 102, 102, 102, 102, 1, 102, 0, 0));
        assertThat(data.klines(MINUTE).visit(id + 4, id + 9, new Bars())).isZero();
    }

    @Test
    void shouldVisitTheNewestBarsWhenAChartAsksForItsViewWidth() {
        data.onTrade(T0, 1, Side.BUY, 100, 1);
        data.onTrade(T0 + 2 * MINUTE, 2, Side.BUY, 102, 1);
        data.onTrade(T0 + 5 * MINUTE, 3, Side.BUY, 105, 1);
        long id = T0 / MINUTE;
        Bars last = new Bars();

        assertThat(data.klines(MINUTE).visitLast(2, last)).isEqualTo(2);

        assertThat(last.bars).containsExactly(Bars.bar(MINUTE, id + 2, 102, 102, 102, 102, 1, 102, 0, 0),
            Bars.bar(MINUTE, id + 5, 105, 105, 105, 105, 1, 105, 0, 0));
        assertThat(data.klines(MINUTE).visitLast(10, new Bars())).isEqualTo(3);
        assertThat(data.klines(MINUTE).visitLast(0, new Bars())).isZero();
        assertThat(data.klines(MINUTE).visitLast(-1, new Bars())).isZero();
    }

    @Test
    void shouldReportOnlyTheBarsChangedSinceAVersionWhenAPublisherDiffs() {
        data.onTrade(T0, 1, Side.BUY, 100, 1);
        data.onTrade(T0 + MINUTE, 2, Side.BUY, 101, 1);
        long published = data.version();
        assertThat(Bars.changedSince(data.klines(MINUTE), published)).isEmpty();

        data.onTrade(T0 + MINUTE + SECOND, 3, Side.SELL, 99, 2);
        data.onTrade(T0 + 2 * MINUTE, 4, Side.SELL, 98, 1);

        long id = T0 / MINUTE;
        assertThat(Bars.changedSince(data.klines(MINUTE), published)).containsExactly(
            Bars.bar(MINUTE, id + 1, 101, 101, 99, 99, 3, 101 + 198, 0, 0),
            Bars.bar(MINUTE, id + 2, 98, 98, 98, 98, 1, 98, 0, 0));
        assertThat(data.klines(MINUTE).lastChangedVersion()).isEqualTo(data.version());
    }

    @Test
    void shouldTakeAnEarlierTimestampAsTheLatestWhenTimeJittersBackward() {
        data.onTrade(T0 + MINUTE, 1, Side.BUY, 100, 1);
        data.onTrade(T0 + 30 * SECOND, 2, Side.BUY, 90, 1);

        assertThat(data.timestampNs()).isEqualTo(T0 + MINUTE);
        assertThat(Bars.all(data.klines(MINUTE))).containsExactly(
            Bars.bar(MINUTE, T0 / MINUTE + 1, 100, 100, 90, 90, 2, 190, 0, 0));
    }

    @Test
    void shouldStartAnEmptySeriesWhenADurationIsAddedOnDemand() {
        data.onTrade(T0, 1, Side.BUY, 100, 1);

        KlineSeriesView hours = data.addKlineDuration(60 * MINUTE);
        assertThat(hours.size()).isZero();
        assertThat(hours.firstId()).isEqualTo(KlineSeriesView.NULL_ID);
        data.onTrade(T0 + SECOND, 2, Side.BUY, 101, 1);

        assertThat(hours.size()).isEqualTo(1);
        assertThat(data.addKlineDuration(60 * MINUTE)).isSameAs(hours);
        assertThat(data.klineDurationCount()).isEqualTo(4);
        assertThat(data.klineDurationNs(0)).isEqualTo(SECOND);
        assertThat(data.klineDurationNs(3)).isEqualTo(60 * MINUTE);
        assertThat(data.klines(2 * MINUTE)).isNull();
    }
}
