package io.github.exchangeblocks.diff.json;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A compact decimal ({@link JsonNumber#ofUnscaled}) against the {@link BigDecimal} form as the oracle. */
class JsonNumberCompactProperties {

    @Property(tries = 2000)
    void shouldEqualHashAndWriteLikeTheBigDecimalForm(@ForAll long unscaled, @ForAll @IntRange(max = 24) int scale) {
        JsonNumber compact = JsonNumber.ofUnscaled(unscaled, scale);
        JsonNumber oracle = JsonNumber.of(BigDecimal.valueOf(unscaled, scale));

        assertThat(compact).isEqualTo(oracle).hasSameHashCodeAs(oracle);
        assertThat(oracle).isEqualTo(compact);
        assertThat(compact.toString()).isEqualTo(oracle.toString());
        assertThat(JsonWriter.toJson(compact)).isEqualTo(JsonWriter.toJson(oracle));
        assertThat(compact.decimalValue()).isEqualTo(BigDecimal.valueOf(unscaled, scale));
        assertThat(JsonReader.parse(JsonWriter.toJson(compact))).isEqualTo(compact);
    }

    @Property(tries = 500)
    void shouldEqualTheSameValueAtAnotherScaleOrAsAnInteger(@ForAll @IntRange(min = -1_000_000, max = 1_000_000)
                                                             int value, @ForAll @IntRange(min = 1, max = 9) int scale) {
        JsonNumber integer = JsonNumber.of(value);
        JsonNumber scaled = JsonNumber.ofUnscaled(value * 1_000_000_000L / (long) Math.pow(10, 9 - scale), scale);

        assertThat(scaled).isEqualTo(integer).hasSameHashCodeAs(integer);
        assertThat(scaled.isLong()).isFalse();
        assertThat(scaled.longValue()).isEqualTo(value);
    }

    @Example
    void shouldWritePlainTextWithEveryDecimalPlace() {
        assertThat(JsonNumber.ofUnscaled(150, 2).toString()).isEqualTo("1.50");
        assertThat(JsonNumber.ofUnscaled(5, 3).toString()).isEqualTo("0.005");
        assertThat(JsonNumber.ofUnscaled(0, 2).toString()).isEqualTo("0.00");
        assertThat(JsonNumber.ofUnscaled(-1, 8).toString()).isEqualTo("-0.00000001");
        assertThat(JsonNumber.ofUnscaled(Long.MIN_VALUE, 18).toString()).isEqualTo("-9.223372036854775808");
        assertThat(JsonNumber.ofUnscaled(7, 0).isLong()).isTrue();
        assertThatThrownBy(() -> JsonNumber.ofUnscaled(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale=-1 must be >= 0");
    }
}
