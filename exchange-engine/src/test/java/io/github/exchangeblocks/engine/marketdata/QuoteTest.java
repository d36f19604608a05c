package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangeblocks.api.Side;
import org.junit.jupiter.api.Test;

class QuoteTest {
    private final InstrumentMarketData data = MarketData.create(MarketDataSettings.builder().instrumentId(7).build());
    private final QuoteView quote = data.quote();

    @Test
    void shouldShowNoPricesWhenNothingTraded() {
        assertThat(quote.lastPrice()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.open()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.averagePrice()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.volume()).isZero();
        assertThat(quote.bidPrice(4)).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.askVolume(0)).isZero();
        assertThat(quote.version()).isZero();
    }

    @Test
    void shouldTrackTheDaysFiguresWhenTradesArrive() {
        data.setPriceLimits(1, 90, 110);
        data.onTrade(10, 1, Side.BUY, 100, 3);
        data.onTrade(20, 2, Side.SELL, 97, 1);
        data.onTrade(30, 3, Side.BUY, 104, 2);
        data.onOpenInterest(30, 12);

        assertThat(quote.lastPrice()).isEqualTo(104);
        assertThat(quote.open()).isEqualTo(100);
        assertThat(quote.highest()).isEqualTo(104);
        assertThat(quote.lowest()).isEqualTo(97);
        assertThat(quote.volume()).isEqualTo(6);
        assertThat(quote.amount()).isEqualTo(300 + 97 + 208);
        assertThat(quote.averagePrice()).isEqualTo(101); // 605 / 6 = 100.83 -> 101
        assertThat(quote.openInterest()).isEqualTo(12);
        assertThat(quote.lowerLimit()).isEqualTo(90);
        assertThat(quote.upperLimit()).isEqualTo(110);
        assertThat(quote.datetimeNs()).isEqualTo(30);
        assertThat(quote.version()).isEqualTo(data.version());
    }

    @Test
    void shouldRoundTheAveragePriceHalfUpWhenTheVwapIsNotWhole() {
        data.onTrade(1, 1, Side.BUY, 100, 1);
        data.onTrade(2, 2, Side.BUY, 101, 1);
        assertThat(quote.averagePrice()).isEqualTo(101); // 100.5 -> 101

        data.onTrade(3, 3, Side.BUY, 100, 1);
        assertThat(quote.averagePrice()).isEqualTo(100); // 100.33 -> 100
        assertThat(quote.amount()).isEqualTo(301);
    }

    @Test
    void shouldMoveCloseSettlementAndOpenInterestIntoThePreFieldsWhenTheDayRolls() {
        data.setPreviousDay(0, 95, 96, 10);
        data.onTrade(10, 1, Side.BUY, 100, 3);
        data.onTrade(20, 2, Side.SELL, 99, 1);
        data.onOpenInterest(20, 14);
        data.settle(30, 98);
        assertThat(quote.close()).isEqualTo(99);
        assertThat(quote.settlement()).isEqualTo(98);
        assertThat(quote.preClose()).isEqualTo(95);

        data.startDay(40, 89, 109);

        assertThat(quote.preClose()).isEqualTo(99);
        assertThat(quote.preSettlement()).isEqualTo(98);
        assertThat(quote.preOpenInterest()).isEqualTo(14);
        assertThat(quote.openInterest()).isEqualTo(14);
        assertThat(quote.lastPrice()).isEqualTo(99);
        assertThat(quote.open()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.highest()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.lowest()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.close()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.settlement()).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.volume()).isZero();
        assertThat(quote.amount()).isZero();
        assertThat(quote.lowerLimit()).isEqualTo(89);
        assertThat(quote.upperLimit()).isEqualTo(109);
    }

    @Test
    void shouldKeepThePreFieldsWhenADayWithoutTradesOrSettlementRolls() {
        data.setPreviousDay(0, 95, 96, 10);

        data.startDay(40, QuoteView.NULL_PRICE, QuoteView.NULL_PRICE);

        assertThat(quote.preClose()).isEqualTo(95);
        assertThat(quote.preSettlement()).isEqualTo(96);
        assertThat(quote.preOpenInterest()).isZero();
    }

    @Test
    void shouldShowTheTopLevelsWhenTheBookReportsLevels() {
        data.onLevelChanged(1, 1, Side.BUY, 99, 5, 1);
        data.onLevelChanged(1, 2, Side.BUY, 98, 7, 2);
        data.onLevelChanged(1, 3, Side.SELL, 101, 4, 1);
        for (int i = 0; i < 6; i++) {
            data.onLevelChanged(2, 4 + i, Side.SELL, 102 + i, 1 + i, 1);
        }

        assertThat(quote.bidPrice(0)).isEqualTo(99);
        assertThat(quote.bidVolume(1)).isEqualTo(7);
        assertThat(quote.bidPrice(2)).isEqualTo(QuoteView.NULL_PRICE);
        assertThat(quote.askPrice(0)).isEqualTo(101);
        assertThat(quote.askPrice(4)).isEqualTo(105);
        assertThat(quote.askVolume(4)).isEqualTo(4);
        assertThatThrownBy(() -> quote.askPrice(5)).isInstanceOf(IndexOutOfBoundsException.class)
            .hasMessage("level=5 must be in 0..4");
    }

    @Test
    void shouldMarkTheQuoteChangedOnlyWhenALevelInsideTheTopFiveChanges() {
        for (int i = 0; i < 7; i++) {
            data.onLevelChanged(1, i + 1, Side.BUY, 100 - i, 1, 1);
        }
        long before = quote.version();

        data.onLevelChanged(2, 8, Side.BUY, 94, 3, 2);
        assertThat(quote.version()).isEqualTo(before);

        data.onLevelChanged(3, 9, Side.BUY, 96, 3, 2);
        assertThat(quote.version()).isEqualTo(data.version()).isGreaterThan(before);
        assertThat(quote.datetimeNs()).isEqualTo(3);
    }
}
