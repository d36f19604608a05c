package io.github.exchangeblocks.engine.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class FixedPointProperties {

    @Property(tries = 2000)
    void shouldMatchBigIntegerWhenQuotientFits(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b,
                                               @ForAll @LongRange(min = 1) long c) {
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        BigInteger floor = product.divide(BigInteger.valueOf(c));
        BigInteger ceil = new java.math.BigDecimal(product).divide(new java.math.BigDecimal(c), 0, RoundingMode.CEILING)
                .toBigInteger();
        if (ceil.bitLength() < 63) {
            assertThat(FixedPoint.mulDivFloor(a, b, c)).isEqualTo(floor.longValueExact());
            assertThat(FixedPoint.mulDivCeil(a, b, c)).isEqualTo(ceil.longValueExact());
        } else if (floor.bitLength() >= 64) {
            assertThatThrownBy(() -> FixedPoint.mulDivFloor(a, b, c)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property(tries = 1000)
    void shouldMatchBigIntegerWhenProductExceeds64Bits(@ForAll @LongRange(min = 1L << 40) long a,
                                                      @ForAll @LongRange(min = 1L << 40) long b) {
        long c = Math.max(a, b);
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(c));
        assertThat(FixedPoint.mulDivFloor(a, b, c)).isEqualTo(qr[0].longValueExact());
        assertThat(FixedPoint.mulDivCeil(a, b, c)).isEqualTo(qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0));
    }

    @Property(tries = 3000)
    void shouldRoundLikeBigDecimalInEveryModeWhenQuotientFits(@ForAll @LongRange(min = 0) long a,
            @ForAll @LongRange(min = 0) long b, @ForAll @LongRange(min = 1) long c,
            @ForAll io.github.exchangeblocks.api.instrument.Rounding rounding) {
        RoundingMode mode = switch (rounding) {
            case UP -> RoundingMode.CEILING;
            case HALF_UP -> RoundingMode.HALF_UP;
            case HALF_EVEN -> RoundingMode.HALF_EVEN;
        };
        BigInteger expected = new java.math.BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(new java.math.BigDecimal(c), 0, mode).toBigInteger();
        if (expected.bitLength() < 63) {
            assertThat(FixedPoint.mulDiv(a, b, c, rounding)).isEqualTo(expected.longValueExact());
        }
    }

    @Example
    void shouldRoundTiesByModeWhenRemainderIsExactlyHalf() {
        // 35,050,000 x 5,000 / 10^8 = 1752.5
        assertThat(FixedPoint.mulDiv(35_050_000, 5_000, 100_000_000,
                io.github.exchangeblocks.api.instrument.Rounding.HALF_UP)).isEqualTo(1_753);
        assertThat(FixedPoint.mulDiv(35_050_000, 5_000, 100_000_000,
                io.github.exchangeblocks.api.instrument.Rounding.HALF_EVEN)).isEqualTo(1_752);
        assertThat(FixedPoint.mulMod(35_050_000, 5_000, 100_000_000)).isEqualTo(50_000_000);
    }

    @Example
    void shouldRoundUpOnlyWhenThereIsARemainder() {
        assertThat(FixedPoint.mulDivCeil(35_050_000, 5_000, 100_000_000)).isEqualTo(1_753);
        assertThat(FixedPoint.mulDivFloor(35_050_000, 5_000, 100_000_000)).isEqualTo(1_752);
        assertThat(FixedPoint.mulDivCeil(70_000_000, 5_000, 100_000_000)).isEqualTo(3_500);
        assertThat(FixedPoint.mulDivCeil(0, 5, 7)).isZero();
    }

    @Example
    void shouldRejectNegativeArgumentsWhenMisused() {
        assertThatThrownBy(() -> FixedPoint.mulDivFloor(-1, 1, 1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FixedPoint.mulDivCeil(1, 1, 0)).isInstanceOf(ArithmeticException.class);
    }
}
