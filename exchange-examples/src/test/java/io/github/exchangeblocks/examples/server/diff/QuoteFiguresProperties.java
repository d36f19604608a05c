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
 * The quote's {@code amount} and {@code average} from long arithmetic equal, value and written text, the
 * {@code BigDecimal} formulas they replace (tick x turnover x multiple; tick x turnover / volume at two more places,
 * half-even), including half-way quotients and products past a {@code long}.
 */
class QuoteFiguresProperties {
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
