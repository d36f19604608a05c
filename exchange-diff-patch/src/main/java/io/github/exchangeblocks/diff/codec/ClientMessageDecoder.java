package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.diff.json.JsonFormatException;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Decodes DIFF client messages into typed {@link ClientMessage}s. Stateless and thread-safe. Never throws for bad
 * input: malformed JSON, a non-object, an unknown aid or a broken field rule come back as an
 * {@link InvalidMessage} whose message names the field and the rule. Unknown extra fields are ignored, as DIFF's
 * forward compatibility requires.
 */
public final class ClientMessageDecoder {
    private ClientMessageDecoder() {
    }

    /**
     * Decodes one text frame.
     *
     * @param json the frame text, never {@code null}
     * @return the message, never {@code null}
     */
    public static ClientMessage decode(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes one frame of UTF-8 bytes.
     *
     * @param utf8 the buffer
     * @param offset the first byte
     * @param length the number of bytes
     * @return the message, never {@code null}
     */
    public static ClientMessage decode(byte[] utf8, int offset, int length) {
        JsonValue value;
        try {
            value = JsonReader.parse(utf8, offset, length);
        } catch (JsonFormatException e) {
            return new InvalidMessage("", RejectCode.DIFF_MALFORMED_JSON, e.getMessage());
        }
        if (!value.isObject()) {
            return new InvalidMessage("", RejectCode.DIFF_NOT_AN_OBJECT,
                    "message must be a JSON object with an aid, got " + abbreviate(value.toString()));
        }
        return decode((JsonObject) value);
    }

    /**
     * Decodes an already parsed message object.
     *
     * @param message the message, not modified
     * @return the message, never {@code null}
     */
    public static ClientMessage decode(JsonObject message) {
        JsonValue aidValue = message.get("aid");
        String aid = aidValue instanceof JsonString ? ((JsonString) aidValue).value() : "";
        try {
            Fields.requiredString(message, "aid");
            switch (aid) {
                case PeekMessage.AID:
                    return PeekMessage.INSTANCE;
                case ReqLogin.AID:
                    return new ReqLogin(Fields.optionalString(message, "bid"),
                            Fields.requiredNonEmpty(message, "user_name"), Fields.requiredString(message, "password"));
                case SubscribeQuote.AID:
                    String insList = Fields.requiredString(message, "ins_list");
                    return new SubscribeQuote(insList, Fields.instrumentList("ins_list", insList));
                case SetChart.AID:
                    return setChart(message);
                case InsertOrder.AID:
                    return insertOrder(message);
                case CancelOrder.AID:
                    return new CancelOrder(Fields.requiredNonEmpty(message, "user_id"),
                            Fields.requiredNonEmpty(message, "order_id"));
                case ReqTransfer.AID:
                    return reqTransfer(message);
                case ConfirmSettlement.AID:
                    return new ConfirmSettlement(Fields.optionalString(message, "user_id"));
                default:
                    return new InvalidMessage(aid, RejectCode.DIFF_UNKNOWN_AID,
                            "aid=" + abbreviate(aid) + " is not a known client aid");
            }
        } catch (FieldException e) {
            return new InvalidMessage(aid, e.code(), (aid.isEmpty() ? "" : aid + ": ") + e.getMessage());
        }
    }

    private static SetChart setChart(JsonObject message) {
        String chartId = Fields.requiredNonEmpty(message, "chart_id");
        List<String> instruments = Fields.instrumentList("ins_list", Fields.requiredString(message, "ins_list"));
        long durationNs = Fields.requiredLong(message, "duration", 0);
        long viewWidth = instruments.isEmpty() ? 0 : Fields.requiredLong(message, "view_width", 1);
        JsonObject request = new JsonObject();
        for (Map.Entry<String, JsonValue> member : message.members()) {
            if (!"aid".equals(member.getKey()) && !member.getKey().startsWith("_")) {
                request.put(member.getKey(), member.getValue().deepCopy());
            }
        }
        return new SetChart(chartId, instruments, durationNs, viewWidth, request);
    }

    private static InsertOrder insertOrder(JsonObject message) {
        String userId = Fields.requiredNonEmpty(message, "user_id");
        String orderId = Fields.requiredNonEmpty(message, "order_id");
        String exchangeId = Fields.requiredNonEmpty(message, "exchange_id");
        String instrumentId = Fields.requiredNonEmpty(message, "instrument_id");
        Side direction = Fields.requiredEnum(message, "direction", Side.class);
        Offset offset = Fields.requiredEnum(message, "offset", Offset.class);
        long volume = Fields.requiredLong(message, "volume", 1);
        String priceTypeText = Fields.requiredString(message, "price_type");
        OrderType priceType = "ANY".equals(priceTypeText)
                ? OrderType.MARKET
                : Fields.toEnum("price_type", priceTypeText, OrderType.class);
        BigDecimal limitPrice = null;
        if (priceType == OrderType.LIMIT) {
            limitPrice = Fields.requiredDecimal(message, "limit_price");
            if (limitPrice.signum() <= 0) {
                throw Fields.invalid("limit_price=" + limitPrice + " must be > 0 for a LIMIT order");
            }
        }
        return new InsertOrder(userId, orderId, exchangeId, instrumentId, direction, offset, volume, priceType,
                limitPrice, timeInForce(message));
    }

    private static TimeInForce timeInForce(JsonObject message) {
        String timeCondition = message.containsKey("time_condition")
                ? Fields.requiredString(message, "time_condition") : "GFD";
        String volumeCondition = message.containsKey("volume_condition")
                ? Fields.requiredString(message, "volume_condition") : "ANY";
        if (!"ANY".equals(volumeCondition) && !"ALL".equals(volumeCondition)) {
            throw Fields.invalid("volume_condition=" + volumeCondition + " must be one of ANY, ALL");
        }
        boolean all = "ALL".equals(volumeCondition);
        switch (timeCondition) {
            case "IOC":
                return all ? TimeInForce.FOK : TimeInForce.IOC;
            case "GFD":
            case "GTC":
                if (all) {
                    throw Fields.invalid("volume_condition=ALL requires time_condition=IOC, got " + timeCondition);
                }
                return "GFD".equals(timeCondition) ? TimeInForce.GFD : TimeInForce.GTC;
            default:
                throw Fields.invalid("time_condition=" + timeCondition + " must be one of GFD, GTC, IOC");
        }
    }

    private static ReqTransfer reqTransfer(JsonObject message) {
        String futureAccount = Fields.requiredNonEmpty(message, "future_account");
        String bankId = Fields.optionalString(message, "bank_id");
        String currency = Fields.requiredNonEmpty(message, "currency");
        BigDecimal amount = Fields.requiredDecimal(message, "amount");
        if (amount.signum() == 0) {
            throw Fields.invalid("amount=" + amount + " must be != 0 (positive deposits, negative withdraws)");
        }
        return new ReqTransfer(futureAccount, bankId, currency, amount);
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
