package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarketDataSettingsTest {

    @Test
    void shouldUseTheDocumentedDefaultsWhenNothingIsSet() {
        MarketDataSettings settings = MarketDataSettings.builder().build();

        assertThat(settings.instrumentId()).isZero();
        assertThat(settings.klineDurationsNs()).isEmpty();
        assertThat(settings.klineCapacity()).isEqualTo(10_000);
        assertThat(settings.tickCapacity()).isEqualTo(10_000);
        assertThat(settings.tickerWindowNs()).isEqualTo(86_400_000_000_000L);
        assertThat(settings.tickerBucketNs()).isEqualTo(60_000_000_000L);
        assertThat(settings.quoteLevels()).isEqualTo(5);
        assertThat(settings.expectedDepthLevels()).isEqualTo(256);
    }

    @Test
    void shouldSortTheDurationsAndCopyThemWhenBuilt() {
        long[] given = {300, 60, 86_400};
        MarketDataSettings settings = MarketDataSettings.builder().klineDurationsNs(given).build();
        given[0] = 1;

        assertThat(settings.klineDurationsNs()).containsExactly(60, 300, 86_400);
        settings.klineDurationsNs()[0] = 5;
        assertThat(settings.klineDurationsNs()).containsExactly(60, 300, 86_400);
        assertThat(settings).hasToString("MarketDataSettings{instrumentId=0, klineDurationsNs=[60, 300, 86400], "
            + "klineCapacity=10000, tickCapacity=10000, tickerWindowNs=86400000000000, tickerBucketNs=60000000000, "
            + "quoteLevels=5, expectedDepthLevels=256}");
    }

    @Test
    void shouldNameTheFieldAndTheRuleWhenAValueIsBad() {
        MarketDataSettings.Builder builder = MarketDataSettings.builder();

        assertThatThrownBy(() -> builder.instrumentId(-1)).hasMessage("instrumentId=-1 must be in 0.."
            + Long.MAX_VALUE);
        assertThatThrownBy(() -> builder.klineDurationsNs(60, 0)).hasMessage("durationNs=0 must be in 1.."
            + Long.MAX_VALUE / 4);
        assertThatThrownBy(() -> builder.klineDurationsNs(60, 5, 60))
            .hasMessage("klineDurationsNs contains 60 twice; durations must be distinct");
        assertThatThrownBy(() -> builder.klineDurationsNs((long[]) null))
            .hasMessage("klineDurationsNs=null must not be null");
        assertThatThrownBy(() -> builder.klineDurationsNs(new long[65]))
            .hasMessage("klineDurationsNs.length=65 must be <= 64");
        assertThatThrownBy(() -> builder.klineCapacity(0)).hasMessage("klineCapacity=0 must be in 1..16777216");
        assertThatThrownBy(() -> builder.tickCapacity(1 << 25))
            .hasMessage("tickCapacity=33554432 must be in 1..16777216");
        assertThatThrownBy(() -> builder.ticker(0, 1)).hasMessage("tickerWindowNs=0 must be in 1.."
            + Long.MAX_VALUE / 4);
        assertThatThrownBy(() -> builder.ticker(100, 30))
            .hasMessage("tickerWindowNs=100 must be a multiple of tickerBucketNs=30");
        assertThatThrownBy(() -> builder.ticker(MarketDataSettings.DAY_NS, 1_000_000))
            .hasMessage("tickerWindowNs/tickerBucketNs=86400000 must be <= 4194302");
        assertThatThrownBy(() -> builder.quoteLevels(21)).hasMessage("quoteLevels=21 must be in 1..20");
        assertThatThrownBy(() -> builder.expectedDepthLevels(0))
            .hasMessage("expectedDepthLevels=0 must be in 1..16777216");
        assertThat(builder.build().klineDurationsNs()).isEmpty();
    }
}
