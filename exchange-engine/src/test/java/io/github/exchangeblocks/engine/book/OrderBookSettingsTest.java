package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import org.junit.jupiter.api.Test;

class OrderBookSettingsTest {

    @Test
    void shouldUseDocumentedDefaultsWhenNothingIsSet() {
        OrderBookSettings settings = OrderBookSettings.builder().build();

        assertThat(settings.tickSize()).isEqualTo(1);
        assertThat(settings.lotSize()).isEqualTo(1);
        assertThat(settings.maxQuantity()).isEqualTo(1_000_000_000_000L);
        assertThat(settings.selfTradePrevention()).isEqualTo(SelfTradePrevention.NONE);
        assertThat(settings.initialPhase()).isEqualTo(TradingPhase.CONTINUOUS);
    }

    @Test
    void shouldNameTheValueAndRuleWhenTheTickSizeIsZero() {
        assertThatThrownBy(() -> OrderBookSettings.builder().tickSize(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("tickSize=0 must be >= 1");
    }

    @Test
    void shouldRefuseBookDefaultAsTheBooksOwnMode() {
        assertThatThrownBy(() -> OrderBookSettings.builder().selfTradePrevention(SelfTradePrevention.BOOK_DEFAULT))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("selfTradePrevention=BOOK_DEFAULT must be a concrete mode (not null, not BOOK_DEFAULT)");
    }

    @Test
    void shouldRefuseAMaximumQuantityOffTheLot() {
        assertThatThrownBy(() -> OrderBookSettings.builder().lotSize(10).maxQuantity(15).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessage("maxQuantity=15 must be a multiple of lotSize=10");
    }

    @Test
    void shouldRefuseAnInvertedPriceBand() {
        assertThatThrownBy(() -> OrderBookSettings.builder().priceBand(200, 100))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("priceBandLow=200 must be <= priceBandHigh=100");
    }
}
