package io.github.exchangeblocks.diff.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {

    @Test
    void shouldKeepIntegersAsLongAndDecimalsExactWhenParsing() {
        JsonObject object = (JsonObject) JsonReader.parse(
                "{\"i\":9223372036854775807,\"d\":75230.10,\"big\":92233720368547758070,\"e\":1e-3}");

        assertThat(((JsonNumber) object.get("i")).isLong()).isTrue();
        assertThat(((JsonNumber) object.get("i")).longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(((JsonNumber) object.get("d")).decimalValue()).isEqualByComparingTo("75230.1");
        assertThat(object.get("d").toString()).isEqualTo("75230.10");
        assertThat(((JsonNumber) object.get("big")).decimalValue())
                .isEqualTo(new BigDecimal("92233720368547758070"));
        assertThat(((JsonNumber) object.get("e")).decimalValue()).isEqualByComparingTo("0.001");
    }

    @Test
    void shouldKeepMemberOrderWhenRoundTripping() {
        String text = "{\"z\":1,\"a\":[true,false,null,\"s\"],\"m\":{\"y\":-2.50,\"b\":{}}}";

        assertThat(JsonWriter.toJson(JsonReader.parse(text))).isEqualTo(text);
    }

    @Test
    void shouldRejectMalformedInputWithPosition() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":}"))
                .isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1} x")).isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> JsonReader.parse("")).isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":NaN}")).isInstanceOf(JsonFormatException.class);
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,\"a\":2}")).isInstanceOf(JsonFormatException.class);
    }

    @Test
    void shouldRejectNestingDeeperThanLimit() {
        String deep = "[".repeat(JsonReader.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonReader.MAX_NESTING_DEPTH + 1);

        assertThatThrownBy(() -> JsonReader.parse(deep)).isInstanceOf(JsonFormatException.class);
    }

    @Test
    void shouldWriteDashWhenDoubleIsNotFinite() {
        JsonObject object = new JsonObject().put("nan", Double.NaN).put("inf", Double.NEGATIVE_INFINITY)
                .put("x", 0.1);

        assertThat(JsonWriter.toJson(object)).isEqualTo("{\"nan\":\"-\",\"inf\":\"-\",\"x\":0.1}");
    }

    @Test
    void shouldCompareNumbersByValueWhenRepresentationsDiffer() {
        assertThat(JsonNumber.of(2)).isEqualTo(JsonNumber.of(new BigDecimal("2.00")));
        assertThat(JsonNumber.of(2).hashCode()).isEqualTo(JsonNumber.of(new BigDecimal("2.00")).hashCode());
        assertThat(JsonNumber.of(new BigDecimal("0.0")).hashCode()).isEqualTo(JsonNumber.of(0).hashCode());
        assertThat(JsonNumber.of(Long.MAX_VALUE).hashCode())
                .isEqualTo(JsonNumber.of(new BigDecimal(Long.MAX_VALUE).setScale(2)).hashCode());
        assertThat(JsonNumber.of(2)).isNotEqualTo(JsonNumber.of(new BigDecimal("2.01")));
    }

    @Test
    void shouldReadValueEmbeddedInHostParserAndFromStream() throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonParser parser = new com.fasterxml.jackson.core.JsonFactory()
                .createParser("{\"aid\":\"rtn_data\",\"data\":[{\"a\":1}]}")) {
            parser.nextToken();
            parser.nextFieldName();
            parser.nextToken();
            parser.nextFieldName();
            parser.nextToken();

            assertThat(JsonReader.read(parser).toString()).isEqualTo("[{\"a\":1}]");
        }
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(
                "{\"x\":[1.50,\"-\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(JsonReader.parse(in).toString()).isEqualTo("{\"x\":[1.50,\"-\"]}");
    }
}
