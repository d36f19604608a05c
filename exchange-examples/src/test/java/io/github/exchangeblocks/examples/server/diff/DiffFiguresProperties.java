package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.diff.json.JsonNumber;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote's {@code amount} and {@code average} and the positions' average prices, from long arithmetic, equal,
 * value and written text, the {@code BigDecimal} formulas they replace (tick x turnover x multiple; tick x turnover /
 * volume at two more places, half-even; cost / (volume x multiple) at four more places, half-even, trailing zeros
 * stripped), including half-way quotients and figures past a {@code long}.
 */
class DiffFiguresProperties {
    @Property(tries = 3000)
    void shouldWriteTheAmountOfTheBigDecimalProduct(@ForAll @IntRange(min = 0, max = 8) int priceScale,
                                                   @ForAll @LongRange(min = 1, max = 100_000) long tickSize,
                                                   @ForAll @LongRange(min = 1, max = 1_000_000) long multiple,
                                                   @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long turnover) {
        InstrumentSpec spec = spec(priceScale, tickSize, multiple);
        BigDecimal expected = BigDecimal.valueOf(tickSize, priceScale).multiply(BigDecimal.valueOf(turnover))
                .multiply(BigDecimal.valueOf(multiple));
        assertWritten(QuoteStats.amount(spec, turnover), JsonNumber.of(expected));
    }

    @Property(tries = 3000)
    void shouldWriteTheAverageOfTheBigDecimalQuotient(@ForAll @IntRange(min = 0, max = 8) int priceScale,
                                                     @ForAll @LongRange(min = 1, max = 100_000) long tickSize,
                                                     @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long turnover,
                                                     @ForAll @LongRange(min = 1, max = 1_000_000_000L) long volume) {
        assertAverage(priceScale, tickSize, turnover, volume);
    }

    @Example
    void shouldRoundHalfWayAveragesToTheEvenDigit() {
        // tick 1, turnover t, volume 200: the average t/200 in hundredths is t/2, exactly half-way for odd t.
        assertAverage(0, 1, 1, 200);
        assertAverage(0, 1, 3, 200);
        assertAverage(2, 5, 7, 1000);
        assertAverage(1, 2, 5, 400);
        assertThat(QuoteStats.average(spec(0, 1, 1), 1, 200).toString()).isEqualTo("0.00");
        assertThat(QuoteStats.average(spec(0, 1, 1), 3, 200).toString()).isEqualTo("0.02");
    }

    private static void assertAverage(int priceScale, long tickSize, long chosen, long volume) {
        InstrumentSpec spec = spec(priceScale, tickSize, 1);
        BigDecimal expected = BigDecimal.valueOf(tickSize, priceScale).multiply(BigDecimal.valueOf(chosen))
                .divide(BigDecimal.valueOf(volume), priceScale + 2, RoundingMode.HALF_EVEN);
        assertWritten(QuoteStats.average(spec, chosen, volume), JsonNumber.of(expected));
    }

    @Property(tries = 3000)
    void shouldWriteTheAveragePriceOfTheBigDecimalQuotient(@ForAll @IntRange(min = 0, max = 6) int priceScale,
                                                          @ForAll @IntRange(min = 0, max = 8) int moneyScale,
                                                          @ForAll @LongRange(min = 1, max = 1_000_000) long multiple,
                                                          @ForAll @LongRange(min = -1_000_000_000_000L,
                                                                  max = Long.MAX_VALUE) long cost,
                                                          @ForAll @LongRange(min = 1, max = 10_000_000) long volume) {
        assertAveragePrice(priceScale, moneyScale, multiple, cost, volume);
    }

    @Example
    void shouldRoundHalfWayAveragePricesToTheEvenDigitAndStripZeros() {
        assertAveragePrice(0, 2, 1, 1, 200);
        assertAveragePrice(0, 2, 1, 3, 200);
        assertAveragePrice(0, 2, 5, 71_000_00L * 10, 2);
        assertAveragePrice(1, 2, 300, 0, 3);
        assertThat(DiffFields.averagePrice(spec(0, 10, 5), 2, 71_000_00L * 10, 2).toString()).isEqualTo("71000");
    }

    private static void assertAveragePrice(int priceScale, int moneyScale, long multiple, long cost, long volume) {
        InstrumentSpec spec = spec(priceScale, 1, multiple);
        BigDecimal average = BigDecimal.valueOf(cost, moneyScale).divide(BigDecimal.valueOf(volume)
                .multiply(BigDecimal.valueOf(multiple)), priceScale + 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        assertWritten(DiffFields.averagePrice(spec, moneyScale, cost, volume),
                JsonNumber.of(average.scale() < 0 ? average.setScale(0) : average));
    }

    private static void assertWritten(JsonNumber actual, JsonNumber expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    private static InstrumentSpec spec(int priceScale, long tickSize, long multiple) {
        return new InstrumentSpec("TEST.x1", priceScale, tickSize, multiple, 1, 10_000_000, 10_000_000,
                CommissionRate.perLot(0), CommissionRate.perLot(0), CommissionRate.perLot(0), 0, 100,
                CloseRule.HISTORY_FIRST);
    }
}
