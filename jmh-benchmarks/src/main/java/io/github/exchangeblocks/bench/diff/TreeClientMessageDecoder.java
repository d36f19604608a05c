package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.diff.codec.CancelOrder;
import io.github.exchangeblocks.diff.codec.ClientMessage;
import io.github.exchangeblocks.diff.codec.ConfirmSettlement;
import io.github.exchangeblocks.diff.codec.InsertOrder;
import io.github.exchangeblocks.diff.codec.InvalidMessage;
import io.github.exchangeblocks.diff.codec.PeekMessage;
import io.github.exchangeblocks.diff.codec.ReqLogin;
import io.github.exchangeblocks.diff.codec.ReqTransfer;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonFormatException;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The DIFF client-message decoder as it was before the streaming decoder (exchange-blocks issue 16), kept verbatim
 * as the benchmark baseline: every frame is parsed into a {@code JsonObject} tree with {@code JsonReader}, then the
 * fields are read from the tree. Not used by any library code.
 */
final class TreeClientMessageDecoder {
    private TreeClientMessageDecoder() {
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

    /** Typed field access with rules, as before issue 16. */
    private static final class Fields {
        private static final Pattern INSTRUMENT = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_.\\-]+");

        private Fields() {
        }

        static String requiredString(JsonObject message, String field) {
            JsonValue value = message.get(field);
            if (value == null || value.isNull()) {
                throw new FieldException(RejectCode.DIFF_MISSING_FIELD, field + " is missing: it is required");
            }
            if (!(value instanceof JsonString)) {
                throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value + " must be a string");
            }
            return ((JsonString) value).value();
        }

        static String requiredNonEmpty(JsonObject message, String field) {
            String text = requiredString(message, field);
            if (text.isEmpty()) {
                throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=\"\" must not be empty");
            }
            return text;
        }

        static String optionalString(JsonObject message, String field) {
            JsonValue value = message.get(field);
            return value == null || value.isNull() ? "" : requiredString(message, field);
        }

        static long requiredLong(JsonObject message, String field, long min) {
            JsonValue value = message.get(field);
            if (value == null || value.isNull()) {
                throw new FieldException(RejectCode.DIFF_MISSING_FIELD, field + " is missing: it is required");
            }
            if (!(value instanceof JsonNumber)) {
                throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value + " must be an integer");
            }
            BigDecimal decimal = ((JsonNumber) value).decimalValue();
            long result;
            try {
                result = decimal.stripTrailingZeros().longValueExact();
            } catch (ArithmeticException e) {
                throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value
                        + " must be an integer that fits 64 bits");
            }
            if (result < min) {
                throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value + " must be >= " + min);
            }
            return result;
        }

        static BigDecimal requiredDecimal(JsonObject message, String field) {
            JsonValue value = message.get(field);
            if (value == null || value.isNull()) {
                throw new FieldException(RejectCode.DIFF_MISSING_FIELD, field + " is missing: it is required");
            }
            if (!(value instanceof JsonNumber)) {
                throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + value + " must be a number");
            }
            return ((JsonNumber) value).decimalValue();
        }

        static <E extends Enum<E>> E requiredEnum(JsonObject message, String field, Class<E> type) {
            String text = requiredString(message, field);
            return toEnum(field, text, type);
        }

        static <E extends Enum<E>> E toEnum(String field, String text, Class<E> type) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
            }
            throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + "=" + text + " must be one of " + allowed);
        }

        static List<String> instrumentList(String field, String insList) {
            LinkedHashSet<String> instruments = new LinkedHashSet<>();
            for (String entry : insList.split(",", -1)) {
                String trimmed = entry.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!INSTRUMENT.matcher(trimmed).matches()) {
                    throw new FieldException(RejectCode.DIFF_INVALID_FIELD, field + " entry " + trimmed
                            + " must have the form EXCHANGE.code");
                }
                instruments.add(trimmed);
            }
            return new ArrayList<>(instruments);
        }

        static FieldException invalid(String message) {
            return new FieldException(RejectCode.DIFF_INVALID_FIELD, message);
        }
    }

    /** A broken field rule, caught inside the decoder. */
    private static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient RejectCode code;

        FieldException(RejectCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        RejectCode code() {
            return code;
        }
    }
}
