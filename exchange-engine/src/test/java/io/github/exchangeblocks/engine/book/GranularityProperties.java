package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The mask-and-shift fast path for power-of-two units agrees with plain division for every unit. */
class GranularityProperties {

    @Property(tries = 2_000)
    void shouldAgreeWithDivisionWhenUnitIsAnyPositiveValue(
        @ForAll @LongRange(min = 1, max = 1L << 40) long unit,
        @ForAll long value) {
        Granularity granularity = new Granularity(unit);
        assertThat(granularity.divides(value)).isEqualTo(value % unit == 0);
        long positive = value & Long.MAX_VALUE;
        assertThat(granularity.quotient(positive)).isEqualTo(positive / unit);
    }

    @Property(tries = 500)
    void shouldAgreeWithDivisionWhenUnitIsAPowerOfTwo(
        @ForAll @LongRange(min = 0, max = 40) long exponent,
        @ForAll @LongRange(min = -1L << 50, max = 1L << 50) long value) {
        long unit = 1L << exponent;
        Granularity granularity = new Granularity(unit);
        assertThat(granularity.divides(value)).isEqualTo(value % unit == 0);
        assertThat(granularity.divides(value * unit)).isTrue();
        long positive = Math.abs(value);
        assertThat(granularity.quotient(positive)).isEqualTo(positive / unit);
    }

    @Example
    void shouldRejectUnitWhenNotPositive() {
        assertThatThrownBy(() -> new Granularity(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unit=0 must be > 0");
    }
}
