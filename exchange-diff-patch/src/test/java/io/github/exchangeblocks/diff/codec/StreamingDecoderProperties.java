package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.json.JsonFormatException;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming decoder against the tree decoder as oracle (parse the whole frame into a {@link JsonObject}, then
 * read the fields from it): on random frames mixing every aid, valid and invalid values of every kind, unknown and
 * duplicate members, nested values and broken syntax, both give equal messages.
 */
class StreamingDecoderProperties {
    private static final List<String> NAMES = List.of("aid", "aid", "user_id", "order_id", "exchange_id",
            "instrument_id", "direction", "offset", "volume", "price_type", "limit_price", "time_condition",
            "volume_condition", "bid", "user_name", "password", "ins_list", "future_account", "bank_id", "currency",
            "amount", "chart_id", "duration", "view_width", "_private", "extra");
    private static final List<String> VALUES = List.of("\"insert_order\"", "\"peek_message\"", "\"cancel_order\"",
            "\"req_login\"", "\"subscribe_quote\"", "\"set_chart\"", "\"req_transfer\"", "\"confirm_settlement\"",
            "\"rm_rf\"", "\"BUY\"", "\"SELL\"", "\"OPEN\"", "\"CLOSETODAY\"", "\"LIMIT\"", "\"MARKET\"", "\"ANY\"",
            "\"ALL\"", "\"GFD\"", "\"GTC\"", "\"IOC\"", "\"SHFE.cu2512\"", "\"SHFE.cu2512,CFFEX.IF2512\"", "\"cu\"",
            "\"\"", "\"u1\"", "\"caf\\u00e9\\n\"", "10", "0", "-1", "1.5", "1e2", "75230.10", "1E+3", "-0",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999.5",
            "1e999999999", "1e-999999999", "0E-8", "1e99999999999", "null", "true", "false", "{\"a\":1}", "[1]",
            "{\"a\":1,\"a\":2}", "NaN", "'x'", "+1", "\"\u4ef7\u683c\"", "\"" + "x".repeat(9000) + "\"",
            "\"" + "y".repeat(5000) + "\"");

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(VALUES))
                .as((name, value) -> "\"" + name + "\":" + value);
        Arbitrary<String> object = member.list().ofMaxSize(14).map(list -> "{" + String.join(",", list) + "}");
        Arbitrary<String> spaced = object.map(text -> " \n" + text.replace(",", " , ") + "\t");
        Arbitrary<String> broken = object.map(text -> text.substring(0, text.length() / 2) + "}");
        Arbitrary<String> trailing = object.map(text -> text + " {}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, object), net.jqwik.api.Tuple.of(1, spaced),
                net.jqwik.api.Tuple.of(1, broken), net.jqwik.api.Tuple.of(1, trailing));
    }

    @Provide
    Arbitrary<String> nearlyValidFrames() {
        List<String> insertOrder = List.of("\"aid\":\"insert_order\"", "\"user_id\":\"u1\"", "\"order_id\":\"o1\"",
                "\"exchange_id\":\"SHFE\"", "\"instrument_id\":\"cu2512\"", "\"direction\":\"BUY\"",
                "\"offset\":\"OPEN\"", "\"volume\":3", "\"price_type\":\"LIMIT\"", "\"limit_price\":75230.10",
                "\"time_condition\":\"IOC\"", "\"volume_condition\":\"ALL\"", "\"extra\":\"ignored\"");
        List<String> transfer = List.of("\"aid\":\"req_transfer\"", "\"future_account\":\"u1\"",
                "\"bank_id\":\"b\"", "\"currency\":\"CNY\"", "\"amount\":-100.50", "\"future_password\":\"p\"");
        List<String> login = List.of("\"aid\":\"req_login\"", "\"bid\":\"x\"", "\"user_name\":\"u1\"",
                "\"password\":\"p\"");
        return Combinators.combine(Arbitraries.of(insertOrder, transfer, login), Arbitraries.of(NAMES),
                Arbitraries.of(VALUES), Arbitraries.integers().between(0, 1), Arbitraries.randoms())
                .as((members, name, value, mode, random) -> {
                    List<String> shuffled = new java.util.ArrayList<>(members);
                    java.util.Collections.shuffle(shuffled, random);
                    String mutated = "\"" + name + "\":" + value;
                    if (mode == 0) {
                        shuffled.removeIf(member -> member.startsWith("\"" + name + "\":"));
                    }
                    shuffled.add(random.nextInt(shuffled.size() + 1), mutated);
                    return "{" + String.join(",", shuffled) + "}";
                });
    }

    @Property(tries = 3000)
    void shouldMatchTreeDecoderWhenDecodingNearlyValidFrames(@ForAll("nearlyValidFrames") String frame) {
        ClientMessage streamed = ClientMessageDecoder.decode(frame);

        assertThat(streamed).isEqualTo(viaTree(frame));
    }

    @Property(tries = 5000)
    void shouldMatchTreeDecoderWhenDecodingAnyFrame(@ForAll("frames") String frame) {
        ClientMessage streamed = ClientMessageDecoder.decode(frame);

        assertThat(streamed).isEqualTo(viaTree(frame));
    }

    @Property(tries = 1000)
    void shouldKeepDecodingCorrectlyAfterDecliningFrames(@ForAll("frames") String first,
                                                        @ForAll("frames") String second) {
        ClientMessageDecoder.decode(first);

        assertThat(ClientMessageDecoder.decode(second)).isEqualTo(viaTree(second));
    }

    static ClientMessage viaTree(String frame) {
        JsonValue value;
        try {
            value = JsonReader.parse(frame);
        } catch (JsonFormatException e) {
            return new InvalidMessage("", RejectCode.DIFF_MALFORMED_JSON, e.getMessage());
        }
        if (!value.isObject()) {
            String text = value.toString();
            String shown = text.length() <= 64 ? text : text.substring(0, 64) + "...";
            return new InvalidMessage("", RejectCode.DIFF_NOT_AN_OBJECT,
                    "message must be a JSON object with an aid, got " + shown);
        }
        return ClientMessageDecoder.decode((JsonObject) value);
    }
}
