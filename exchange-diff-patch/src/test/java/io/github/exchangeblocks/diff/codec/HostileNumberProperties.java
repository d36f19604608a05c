package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.json.JsonArray;
import io.github.exchangeblocks.diff.json.JsonFormatException;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Huge, tiny and over-precise numbers in every numeric position of client frames and documents. Each frame must be
 * answered (bounded by construction: before the fix, hashing {@code 1e9999999} took ~26 s and
 * {@code 1e999999999} threw), decimal fields must come back within their digit bounds or as
 * {@link RejectCode#DIFF_INVALID_FIELD}, and hashing, comparing and writing such numbers must complete.
 */
class HostileNumberProperties {
    private static final String ORDER = "{\"aid\":\"insert_order\",\"user_id\":\"u\",\"order_id\":\"o\","
            + "\"exchange_id\":\"SHFE\",\"instrument_id\":\"cu2512\",\"direction\":\"BUY\",\"offset\":\"OPEN\","
            + "\"price_type\":\"LIMIT\",";

    @Provide
    Arbitrary<String> literals() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(60)
                .map(text -> text.charAt(0) == '0' && text.length() > 1 ? "1" + text : text);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(40)
                .map(text -> text.isEmpty() ? "" : "." + text);
        Arbitrary<Long> exponents = Arbitraries.oneOf(Arbitraries.longs().between(-40, 40),
                Arbitraries.longs().between(-9_999_999_999L, 9_999_999_999L),
                Arbitraries.of(999_999_999L, -999_999_999L, 2_147_483_647L, -2_147_483_648L, 99_999_999_999L));
        return Combinators.combine(Arbitraries.of("", "-"), digits, fraction, exponents, Arbitraries.of("e", "E", ""))
                .as((sign, integer, decimals, exponent, marker) -> sign + integer + decimals
                        + (marker.isEmpty() ? "" : marker + exponent));
    }

    @Property(tries = 1500)
    void shouldAnswerEveryFrameWhenNumbersAreHostile(@ForAll("literals") String number) {
        String[] frames = {
            ORDER + "\"volume\":1,\"limit_price\":" + number + "}",
            ORDER + "\"volume\":" + number + ",\"limit_price\":1}",
            "{\"aid\":\"req_transfer\",\"future_account\":\"u\",\"currency\":\"CNY\",\"amount\":" + number + "}",
            "{\"aid\":\"set_chart\",\"chart_id\":\"c\",\"ins_list\":\"SHFE.cu\",\"duration\":" + number
                    + ",\"view_width\":" + number + "}",
            "{\"aid\":\"peek_message\",\"unknown\":" + number + "}"};
        for (String frame : frames) {
            ClientMessage message = ClientMessageDecoder.decode(frame);

            assertThat(message).isNotNull().isEqualTo(StreamingDecoderProperties.viaTree(frame));
            if (message instanceof InvalidMessage) {
                InvalidMessage invalid = (InvalidMessage) message;
                assertThat(invalid.code()).isIn(Set.of(RejectCode.DIFF_INVALID_FIELD, RejectCode.DIFF_MALFORMED_JSON));
                assertThat(invalid.message()).doesNotContain("enable", "JsonReadFeature", "StreamReadConstraints", "`")
                        .hasSizeLessThan(400);
            } else if (message instanceof InsertOrder) {
                assertWithinBounds(((InsertOrder) message).limitPrice());
            } else if (message instanceof ReqTransfer) {
                assertWithinBounds(((ReqTransfer) message).amount());
            }
        }
    }

    @Property(tries = 1500)
    void shouldHashCompareAndWriteWhenNumbersAreHostile(@ForAll("literals") String first,
                                                        @ForAll("literals") String second) {
        JsonNumber a;
        JsonNumber b;
        try {
            a = (JsonNumber) ((JsonArray) JsonReader.parse("[" + first + "]")).elements().get(0);
            b = (JsonNumber) ((JsonArray) JsonReader.parse("[" + second + "]")).elements().get(0);
        } catch (JsonFormatException e) {
            assertThat(e.getMessage()).startsWith("malformed JSON").doesNotContain("`");
            return;
        }
        JsonNumber sameValue = JsonNumber.of(a.decimalValue().multiply(BigDecimal.TEN).scaleByPowerOfTen(-1));

        assertThat(a).isEqualTo(sameValue);
        assertThat(a.hashCode()).isEqualTo(sameValue.hashCode());
        assertThat(a.equals(b)).isEqualTo(a.decimalValue().compareTo(b.decimalValue()) == 0);
        assertThat(JsonWriter.toJson(a).length())
                .isLessThanOrEqualTo(a.decimalValue().precision() + JsonNumber.MAX_PLAIN_PADDING + 16);
        assertThat(JsonReader.parse(JsonWriter.toJson(a))).isEqualTo(a);
    }

    /**
     * Numbers so large that stripping their trailing zeros would take the scale below {@code Integer.MIN_VALUE}
     * (CI found {@code 100e2147483647}, whose hash threw): they hash alike when equal and compare and write as the
     * rest.
     */
    @Example
    void shouldHashNumbersWhoseStrippedScaleLeavesTheIntRange() {
        shouldHashCompareAndWriteWhenNumbersAreHostile("100e2147483647", "0e0");
        shouldHashCompareAndWriteWhenNumbersAreHostile("100e2147483647", "1000e2147483646");
        shouldHashCompareAndWriteWhenNumbersAreHostile("-7000e2147483647", "-7e2147483647");
        JsonNumber a = (JsonNumber) ((JsonArray) JsonReader.parse("[100e2147483647]")).elements().get(0);
        JsonNumber b = (JsonNumber) ((JsonArray) JsonReader.parse("[1000e2147483646]")).elements().get(0);
        JsonNumber c = (JsonNumber) ((JsonArray) JsonReader.parse("[200e2147483647]")).elements().get(0);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }

    private static void assertWithinBounds(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        assertThat((long) stripped.precision() - stripped.scale())
                .isLessThanOrEqualTo(ClientMessageDecoder.MAX_INTEGER_DIGITS);
        assertThat(stripped.scale()).isLessThanOrEqualTo(ClientMessageDecoder.MAX_FRACTION_DIGITS);
    }
}
