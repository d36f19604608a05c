package io.github.exchangeblocks.engine.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Decimal text and scaled longs convert exactly both ways, checked against BigDecimal. */
class DecimalsProperties {

    @Property(tries = 2000)
    void shouldFormatAsBigDecimalDoesAndParseBackWhenValueIsAnyLong(@ForAll long value,
            @ForAll @IntRange(min = 0, max = 18) int scale) {
        String text = Decimals.append(new StringBuilder(), value, scale).toString();
        assertThat(text).isEqualTo(BigDecimal.valueOf(value, scale).toPlainString());
        if (value != Long.MIN_VALUE) {
            assertThat(Decimals.parse(text, scale)).isEqualTo(value);
        }
    }

    @Property(tries = 2000)
    void shouldParseExactlyOrRefuseWhenScaleCannotHoldTheValue(@ForAll long unscaled,
            @ForAll @IntRange(min = 0, max = 12) int textScale, @ForAll @IntRange(min = 0, max = 12) int scale) {
        String text = BigDecimal.valueOf(unscaled, textScale).toPlainString();
        long parsed = Decimals.parse(text, scale);
        BigDecimal expected = BigDecimal.valueOf(unscaled, textScale).movePointRight(scale);
        boolean exact = expected.stripTrailingZeros().scale() <= 0
                && expected.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && expected.compareTo(BigDecimal.valueOf(-Long.MAX_VALUE)) >= 0;
        if (exact) {
            assertThat(parsed).isEqualTo(expected.longValueExact());
        } else {
            assertThat(parsed).isEqualTo(Decimals.INVALID);
        }
    }

    @Test
    void shouldRefuseTextThatIsNotAPlainDecimal() {
        for (String bad : new String[] {"", "-", ".", "1e3", "1,000", "1.2.3", " 1", "0x10", "--1"}) {
            assertThat(Decimals.parse(bad, 4)).as(bad).isEqualTo(Decimals.INVALID);
        }
        assertThat(Decimals.parse(null, 2)).isEqualTo(Decimals.INVALID);
        assertThat(Decimals.parse("0.20", 1)).isEqualTo(2);
        assertThat(Decimals.parse("+7", 0)).isEqualTo(7);
        assertThat(Decimals.scaleOf("0.020")).isEqualTo(2);
        assertThat(Decimals.scaleOf("300")).isZero();
        assertThat(Decimals.scaleOf("1e3")).isEqualTo(-1);
    }
}
