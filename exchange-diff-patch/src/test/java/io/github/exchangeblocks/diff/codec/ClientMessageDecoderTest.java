package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ClientMessageDecoderTest {

    private static InvalidMessage invalid(String json) {
        ClientMessage message = ClientMessageDecoder.decode(json);
        assertThat(message).isInstanceOf(InvalidMessage.class);
        return (InvalidMessage) message;
    }

    @Test
    void shouldDecodePeekMessage() {
        assertThat(ClientMessageDecoder.decode("{\"aid\":\"peek_message\"}")).isSameAs(PeekMessage.INSTANCE);
    }

    @Test
    void shouldDecodeReqLoginAndHidePassword() {
        ReqLogin login = (ReqLogin) ClientMessageDecoder.decode(
                "{\"aid\":\"req_login\",\"bid\":\"qaexchange\",\"user_name\":\"user123\",\"password\":\"secret\"}");

        assertThat(login).isEqualTo(new ReqLogin("qaexchange", "user123", "secret"));
        assertThat(login.toString()).doesNotContain("secret");
    }

    @Test
    void shouldKeepInsListVerbatimWhenDecodingSubscribeQuote() {
        SubscribeQuote subscribe = (SubscribeQuote) ClientMessageDecoder.decode(
                "{\"aid\":\"subscribe_quote\",\"ins_list\":\"SHFE.cu2501, CFFEX.IF2501,,SHFE.cu2501\"}");

        assertThat(subscribe.insList()).isEqualTo("SHFE.cu2501, CFFEX.IF2501,,SHFE.cu2501");
        assertThat(subscribe.instruments()).containsExactly("SHFE.cu2501", "CFFEX.IF2501");
    }

    @Test
    void shouldAcceptEmptyInsListWhenUnsubscribingAll() {
        SubscribeQuote subscribe = (SubscribeQuote) ClientMessageDecoder.decode(
                "{\"aid\":\"subscribe_quote\",\"ins_list\":\"\"}");

        assertThat(subscribe.instruments()).isEmpty();
    }

    @Test
    void shouldDecodeSetChartWithEchoedRequest() {
        SetChart chart = (SetChart) ClientMessageDecoder.decode("{\"aid\":\"set_chart\",\"chart_id\":\"c1\","
                + "\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,\"view_width\":500}");

        assertThat(chart.chartId()).isEqualTo("c1");
        assertThat(chart.instruments()).containsExactly("SHFE.cu2512");
        assertThat(chart.durationNs()).isEqualTo(60_000_000_000L);
        assertThat(chart.viewWidth()).isEqualTo(500);
        assertThat(chart.request().toString()).isEqualTo(
                "{\"chart_id\":\"c1\",\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,\"view_width\":500}");
    }

    @Test
    void shouldDecodeInsertOrderWithExactPrice() {
        InsertOrder order = (InsertOrder) ClientMessageDecoder.decode("{\"aid\":\"insert_order\","
                + "\"user_id\":\"user123\",\"order_id\":\"order456\",\"exchange_id\":\"SHFE\","
                + "\"instrument_id\":\"cu2512\",\"direction\":\"BUY\",\"offset\":\"OPEN\",\"volume\":10,"
                + "\"price_type\":\"LIMIT\",\"limit_price\":75230.10}");

        assertThat(order).isEqualTo(new InsertOrder("user123", "order456", "SHFE", "cu2512", Side.BUY, Offset.OPEN,
                10, OrderType.LIMIT, new BigDecimal("75230.10"), TimeInForce.GFD));
        assertThat(order.symbol()).isEqualTo("SHFE.cu2512");
    }

    @ParameterizedTest
    @CsvSource({"IOC,ANY,IOC", "IOC,ALL,FOK", "GFD,ANY,GFD", "GTC,ANY,GTC"})
    void shouldMapTimeAndVolumeConditionsWhenDecodingInsertOrder(String time, String volume, TimeInForce expected) {
        InsertOrder order = (InsertOrder) ClientMessageDecoder.decode("{\"aid\":\"insert_order\",\"user_id\":\"u\","
                + "\"order_id\":\"o\",\"exchange_id\":\"SHFE\",\"instrument_id\":\"cu2512\",\"direction\":\"SELL\","
                + "\"offset\":\"CLOSETODAY\",\"volume\":1,\"price_type\":\"ANY\",\"time_condition\":\"" + time
                + "\",\"volume_condition\":\"" + volume + "\"}");

        assertThat(order.timeInForce()).isEqualTo(expected);
        assertThat(order.priceType()).isEqualTo(OrderType.MARKET);
        assertThat(order.limitPrice()).isNull();
    }

    @Test
    void shouldDecodeCancelTransferAndConfirm() {
        assertThat(ClientMessageDecoder.decode("{\"aid\":\"cancel_order\",\"user_id\":\"u\",\"order_id\":\"o\"}"))
                .isEqualTo(new CancelOrder("u", "o"));
        assertThat(ClientMessageDecoder.decode("{\"aid\":\"req_transfer\",\"future_account\":\"u\","
                + "\"future_password\":\"p\",\"bank_id\":\"1\",\"currency\":\"CNY\",\"amount\":-100.5}"))
                .isEqualTo(new ReqTransfer("u", "1", "CNY", new BigDecimal("-100.5")));
        assertThat(ClientMessageDecoder.decode("{\"aid\":\"confirm_settlement\"}"))
                .isEqualTo(new ConfirmSettlement(""));
    }

    @Test
    void shouldReturnMalformedJsonWhenFrameIsNotJson() {
        InvalidMessage invalid = invalid("{\"aid\":\"peek_message\"");

        assertThat(invalid.code()).isEqualTo(RejectCode.DIFF_MALFORMED_JSON);
        assertThat(invalid.message()).contains("malformed JSON");
    }

    @Test
    void shouldReturnNotAnObjectWhenFrameIsArray() {
        assertThat(invalid("[1,2]").code()).isEqualTo(RejectCode.DIFF_NOT_AN_OBJECT);
    }

    @Test
    void shouldReturnUnknownAidWhenAidIsNotKnown() {
        InvalidMessage invalid = invalid("{\"aid\":\"rm_rf\"}");

        assertThat(invalid.code()).isEqualTo(RejectCode.DIFF_UNKNOWN_AID);
        assertThat(invalid.message()).isEqualTo("aid=rm_rf is not a known client aid");
        assertThat(invalid.aid()).isEqualTo("rm_rf");
    }

    @Test
    void shouldNameFieldAndRuleWhenFieldsAreWrong() {
        assertThat(invalid("{\"user_name\":\"u\"}").message()).isEqualTo("aid is missing: it is required");
        assertThat(invalid("{\"aid\":7}").message()).isEqualTo("aid=7 must be a string");
        assertThat(invalid("{\"aid\":\"req_login\",\"password\":\"p\"}").message())
                .isEqualTo("req_login: user_name is missing: it is required");
        String order = "{\"aid\":\"insert_order\",\"user_id\":\"u\",\"order_id\":\"o\",\"exchange_id\":\"SHFE\","
                + "\"instrument_id\":\"cu\",\"direction\":\"BUY\",\"offset\":\"OPEN\",\"price_type\":\"LIMIT\",";
        assertThat(invalid(order + "\"volume\":0,\"limit_price\":1}").message())
                .isEqualTo("insert_order: volume=0 must be >= 1");
        assertThat(invalid(order + "\"volume\":1.5,\"limit_price\":1}").message())
                .isEqualTo("insert_order: volume=1.5 must be an integer that fits 64 bits");
        assertThat(invalid(order + "\"volume\":1,\"limit_price\":0}").message())
                .isEqualTo("insert_order: limit_price=0 must be > 0 for a LIMIT order");
        assertThat(invalid(order + "\"volume\":1}").code()).isEqualTo(RejectCode.DIFF_MISSING_FIELD);
        assertThat(invalid(order.replace("BUY", "LONG") + "\"volume\":1,\"limit_price\":1}").message())
                .isEqualTo("insert_order: direction=LONG must be one of BUY, SELL");
        assertThat(invalid(order + "\"volume\":1,\"limit_price\":1,\"time_condition\":\"GFD\","
                + "\"volume_condition\":\"ALL\"}").message())
                .isEqualTo("insert_order: volume_condition=ALL requires time_condition=IOC, got GFD");
        assertThat(invalid("{\"aid\":\"subscribe_quote\",\"ins_list\":\"cu2512\"}").message())
                .isEqualTo("subscribe_quote: ins_list entry cu2512 must have the form EXCHANGE.code");
        assertThat(invalid("{\"aid\":\"subscribe_quote\",\"ins_list\":\"_SHFE.cu2512\"}").message())
                .isEqualTo("subscribe_quote: ins_list entry _SHFE.cu2512 must have the form EXCHANGE.code");
        assertThat(invalid(order.replace("\"o\"", "\"_o1\"") + "\"volume\":1,\"limit_price\":1}").message())
                .isEqualTo("insert_order: order_id=_o1 must not start with '_': DIFF clients reserve such names");
        assertThat(invalid("{\"aid\":\"cancel_order\",\"user_id\":\"u\",\"order_id\":\"_o1\"}").code())
                .isEqualTo(RejectCode.DIFF_INVALID_FIELD);
        assertThat(invalid("{\"aid\":\"set_chart\",\"chart_id\":\"_c\",\"ins_list\":\"\",\"duration\":0}")
                .message()).isEqualTo("set_chart: chart_id=_c must not start with '_': DIFF clients reserve such names");
        assertThat(invalid("{\"aid\":\"req_transfer\",\"future_account\":\"u\",\"currency\":\"CNY\",\"amount\":0}")
                .message()).startsWith("req_transfer: amount=0 must be != 0");
        assertThat(invalid("{\"aid\":\"set_chart\",\"chart_id\":\"c\",\"ins_list\":\"SHFE.cu\",\"duration\":-1}")
                .message()).isEqualTo("set_chart: duration=-1 must be >= 0");
    }

    @Test
    void shouldBuildErrorNotifyFromInvalidMessage() {
        assertThat(ErrorNotify.of(invalid("{\"aid\":\"x\"}")).toString()).isEqualTo(
                "{\"type\":\"MESSAGE\",\"level\":\"ERROR\",\"code\":3002,"
                        + "\"content\":\"aid=x is not a known client aid\"}");
    }

    @Test
    void shouldRejectWithInvalidFieldWhenDecimalsAreHostile() {
        String order = "{\"aid\":\"insert_order\",\"user_id\":\"u\",\"order_id\":\"o\",\"exchange_id\":\"SHFE\","
                + "\"instrument_id\":\"cu\",\"direction\":\"BUY\",\"offset\":\"OPEN\",\"price_type\":\"LIMIT\","
                + "\"volume\":1,";

        InvalidMessage huge = invalid(order + "\"limit_price\":1e999999999}");
        InvalidMessage tiny = invalid(order + "\"limit_price\":1e-999999999}");

        assertThat(huge.code()).isEqualTo(RejectCode.DIFF_INVALID_FIELD);
        assertThat(huge.message())
                .isEqualTo("insert_order: limit_price=1E+999999999 must have at most 18 integer digits");
        assertThat(tiny.code()).isEqualTo(RejectCode.DIFF_INVALID_FIELD);
        assertThat(tiny.message())
                .isEqualTo("insert_order: limit_price=1E-999999999 must have at most 18 decimal places");
        assertThat(invalid(order.replace("\"volume\":1,", "\"volume\":1e999999999,") + "\"limit_price\":1}").message())
                .isEqualTo("insert_order: volume=1E+999999999 must be an integer that fits 64 bits");
        assertThat(((InsertOrder) ClientMessageDecoder.decode(order + "\"limit_price\":75230.100000000000000000000}"))
                .limitPrice()).isEqualTo(new BigDecimal("75230.100000000000000000000"));
        assertThat(invalid("{\"aid\":\"req_transfer\",\"future_account\":\"u\",\"currency\":\"CNY\","
                + "\"amount\":1e19}").message()).isEqualTo("req_transfer: amount=10000000000000000000 must have at most"
                + " 18 integer digits");
    }

    @Test
    void shouldNotLeakParserAdviceWhenFrameIsMalformed() {
        for (String frame : new String[] {"{\"aid\":NaN}", "{\"aid\":+1}", "{\"a\":1.}", "{'aid':1}",
            "[" .repeat(300), "{\"a\":1e99999999999}"}) {
            InvalidMessage invalid = invalid(frame);

            assertThat(invalid.code()).isEqualTo(RejectCode.DIFF_MALFORMED_JSON);
            assertThat(invalid.message()).startsWith("malformed JSON")
                    .doesNotContain("enable", "JsonReadFeature", "StreamReadConstraints", "`");
        }
    }

    @Test
    void shouldDecodeSameMessageWhenMembersComeInAnyOrder() {
        ClientMessage reordered = ClientMessageDecoder.decode("{\"limit_price\":75230.10,\"volume\":10,"
                + "\"future\":{\"x\":[1]},\"user_id\":\"user123\",\"order_id\":\"order456\",\"exchange_id\":\"SHFE\","
                + "\"instrument_id\":\"cu2512\",\"direction\":\"BUY\",\"offset\":\"OPEN\",\"price_type\":\"LIMIT\","
                + "\"aid\":\"insert_order\"}");

        assertThat(reordered).isEqualTo(new InsertOrder("user123", "order456", "SHFE", "cu2512", Side.BUY,
                Offset.OPEN, 10, OrderType.LIMIT, new BigDecimal("75230.10"), TimeInForce.GFD));
        assertThat(invalid("{\"aid\":\"peek_message\",\"aid\":\"peek_message\"}").message())
                .contains("Duplicate field 'aid'");
    }
}
