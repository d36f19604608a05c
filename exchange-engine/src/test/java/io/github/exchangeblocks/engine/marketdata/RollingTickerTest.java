package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import org.junit.jupiter.api.Test;

class RollingTickerTest {
    private static final long MINUTE = MarketDataSettings.MINUTE_NS;
    private static final long HOUR = 60 * MINUTE;

    @Test
    void shouldCoverTheTrailingDayInMinuteBucketsWhenTradesAge() {
        InstrumentMarketData data = MarketData.create(MarketDataSettings.builder().build());
        TickerView ticker = data.ticker();
        data.onTrade(0, 1, Side.BUY, 100, 1);
        data.onTrade(30_000_000_000L, 2, Side.BUY, 120, 2);
        data.onTrade(6 * HOUR, 3, Side.SELL, 90, 1);
        data.onTrade(12 * HOUR, 4, Side.BUY, 110, 4);

        assertThat(ticker.open()).isEqualTo(100);
        assertThat(ticker.high()).isEqualTo(120);
        assertThat(ticker.low()).isEqualTo(90);
        assertThat(ticker.volume()).isEqualTo(8);
        assertThat(ticker.amount()).isEqualTo(100 + 240 + 90 + 440);
        assertThat(ticker.tradeCount()).isEqualTo(4);

        data.advanceTime(24 * HOUR);
        assertThat(ticker.open()).isEqualTo(100);

        data.advanceTime(24 * HOUR + MINUTE - 2);
        assertThat(ticker.open()).isEqualTo(100);

        data.advanceTime(24 * HOUR + MINUTE - 1);
        assertThat(ticker.open()).isEqualTo(90);
        assertThat(ticker.high()).isEqualTo(110);
        assertThat(ticker.volume()).isEqualTo(5);
        assertThat(ticker.version()).isEqualTo(data.version());

        data.advanceTime(40 * HOUR);
        assertThat(ticker.open()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(ticker.high()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(ticker.low()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(ticker.volume()).isZero();
        assertThat(ticker.amount()).isZero();
        assertThat(ticker.tradeCount()).isZero();
        assertThat(ticker.last()).isEqualTo(110);
        assertThat(ticker.asOfNs()).isEqualTo(40 * HOUR);
    }

    @Test
    void shouldDropEachTradeExactlyWhenItIsWindowOldWhenBucketsAreOneNanosecond() {
        InstrumentMarketData data = MarketData.create(MarketDataSettings.builder().ticker(1_000, 1).build());
        TickerView ticker = data.ticker();
        data.onTrade(100, 1, Side.BUY, 50, 1);
        data.onTrade(200, 2, Side.BUY, 40, 1);
        data.onTrade(300, 3, Side.BUY, 45, 1);

        data.advanceTime(1_099);
        assertThat(ticker.low()).isEqualTo(40);
        assertThat(ticker.high()).isEqualTo(50);
        data.advanceTime(1_100);
        assertThat(ticker.high()).isEqualTo(45);
        assertThat(ticker.open()).isEqualTo(40);
        data.advanceTime(1_200);
        assertThat(ticker.low()).isEqualTo(45);
        assertThat(ticker.tradeCount()).isEqualTo(1);
    }
}
