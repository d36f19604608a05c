package io.github.exchangeblocks.diff.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonNumberTest {

    private static JsonNumber parse(String literal) {
        return (JsonNumber) ((JsonArray) JsonReader.parse("[" + literal + "]")).elements().get(0);
    }

    @Test
    void shouldHashAndCompareWhenExponentIsHuge() {
        JsonNumber huge = parse("1e999999999");
        JsonNumber sameHuge = JsonNumber.of(new BigDecimal(BigInteger.TEN, -999_999_998));
        JsonNumber tiny = parse("1e-999999999");

        assertThat(huge).isEqualTo(sameHuge).isNotEqualTo(tiny).isNotEqualTo(JsonNumber.of(1));
        assertThat(huge.hashCode()).isEqualTo(sameHuge.hashCode());
        assertThat(tiny.hashCode()).isEqualTo(parse("10e-1000000000").hashCode());
        assertThatThrownBy(huge::longValue).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldHashLikeLongWhenDecimalIsIntegerThatFits() {
        assertThat(parse("1.5e3").hashCode()).isEqualTo(JsonNumber.of(1500).hashCode());
        assertThat(parse("9223372036854775807.000").hashCode()).isEqualTo(JsonNumber.of(Long.MAX_VALUE).hashCode());
        assertThat(parse("92233720368547758070")).isNotEqualTo(JsonNumber.of(Long.MAX_VALUE));
    }

    @Test
    void shouldWritePlainNotationWhenDecimalHasExponent() {
        assertThat(JsonNumber.of(BigDecimal.valueOf(0, 8)).toString()).isEqualTo("0.00000000");
        assertThat(JsonWriter.toJson(new JsonObject().put("risk_ratio", JsonNumber.of(BigDecimal.valueOf(0, 8)))))
                .isEqualTo("{\"risk_ratio\":0.00000000}");
        assertThat(parse("1.5E+3").toString()).isEqualTo("1500");
        assertThat(parse("1.23e-9").toString()).isEqualTo("0.00000000123");
        assertThat(parse("75230.10").toString()).isEqualTo("75230.10");
    }

    @Test
    void shouldWritePowerOfTenThatReadsBackWhenPlainFormWouldBeHuge() {
        assertThat(parse("1e999999999").toString()).isEqualTo("1E+999999999");
        assertThat(parse("-25e-999999999").toString()).isEqualTo("-25E-999999999");
        JsonNumber edge = parse("100.1e2147483647");

        assertThat(parse(edge.toString())).isEqualTo(edge);
    }

    @Test
    void shouldDropParserAdviceWhenDescribingParseErrors() {
        assertThat(JsonFormatException.withoutAdvice(
                "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
                .isEqualTo("Non-standard token 'NaN'");
        assertThat(JsonFormatException.withoutAdvice("Document nesting depth (257) exceeds the maximum allowed (256,"
                + " from `StreamReadConstraints.getMaxNestingDepth()`)"))
                .isEqualTo("Document nesting depth (257) exceeds the maximum allowed (256)");
        assertThat(JsonFormatException.withoutAdvice(null)).isEqualTo("invalid input");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":+1}"))
                .hasMessageStartingWith("malformed JSON at line 1 column")
                .hasMessageNotContaining("enable")
                .hasMessageNotContaining("JsonReadFeature");
    }
}
