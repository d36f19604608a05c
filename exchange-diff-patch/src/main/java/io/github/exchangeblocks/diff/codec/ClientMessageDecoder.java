package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.diff.json.JsonFormatException;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.github.exchangeblocks.diff.codec.MessageFields.AID;
import static io.github.exchangeblocks.diff.codec.MessageFields.AMOUNT;
import static io.github.exchangeblocks.diff.codec.MessageFields.BANK_ID;
import static io.github.exchangeblocks.diff.codec.MessageFields.BID;
import static io.github.exchangeblocks.diff.codec.MessageFields.CHART_ID;
import static io.github.exchangeblocks.diff.codec.MessageFields.CURRENCY;
import static io.github.exchangeblocks.diff.codec.MessageFields.DIRECTION;
import static io.github.exchangeblocks.diff.codec.MessageFields.DURATION;
import static io.github.exchangeblocks.diff.codec.MessageFields.EXCHANGE_ID;
import static io.github.exchangeblocks.diff.codec.MessageFields.FUTURE_ACCOUNT;
import static io.github.exchangeblocks.diff.codec.MessageFields.INSTRUMENT_ID;
import static io.github.exchangeblocks.diff.codec.MessageFields.INS_LIST;
import static io.github.exchangeblocks.diff.codec.MessageFields.LIMIT_PRICE;
import static io.github.exchangeblocks.diff.codec.MessageFields.MISSING;
import static io.github.exchangeblocks.diff.codec.MessageFields.OFFSET;
import static io.github.exchangeblocks.diff.codec.MessageFields.ORDER_ID;
import static io.github.exchangeblocks.diff.codec.MessageFields.PASSWORD;
import static io.github.exchangeblocks.diff.codec.MessageFields.PRICE_TYPE;
import static io.github.exchangeblocks.diff.codec.MessageFields.STRING;
import static io.github.exchangeblocks.diff.codec.MessageFields.TIME_CONDITION;
import static io.github.exchangeblocks.diff.codec.MessageFields.USER_ID;
import static io.github.exchangeblocks.diff.codec.MessageFields.USER_NAME;
import static io.github.exchangeblocks.diff.codec.MessageFields.VIEW_WIDTH;
import static io.github.exchangeblocks.diff.codec.MessageFields.VOLUME;
import static io.github.exchangeblocks.diff.codec.MessageFields.VOLUME_CONDITION;

/**
 * Decodes DIFF client messages into typed {@link ClientMessage}s. Thread-safe. Never throws for bad input:
 * malformed JSON, a non-object, an unknown aid or a broken field rule come back as an {@link InvalidMessage} whose
 * message names the field and the rule (a parser's own text is passed on without its configuration advice).
 * Unknown extra fields are ignored, as DIFF's forward compatibility requires.
 *
 * <p>Streaming: a flat frame (an object whose members are all scalars, which is what clients send) is decoded in
 * one pass of jackson-core's streaming parser straight into the typed message, with no intermediate tree: a
 * {@code peek_message} allocates nothing, an {@code insert_order} only the message (its record, its strings and its
 * price). Other frames (nested values, {@code set_chart}, which echoes the whole request, and anything malformed)
 * are parsed into a tree first; both paths apply the same rules and give the same answers. Each thread keeps one
 * reusable parser (a thread-local of about 20 KB), so call from a bounded set of threads, such as I/O threads.
 *
 * <p>Hostile numbers: decimal fields ({@code limit_price}, {@code amount}) are limited to
 * {@value #MAX_INTEGER_DIGITS} integer digits and {@value #MAX_FRACTION_DIGITS} decimal places (trailing zeros do
 * not count) and rejected with {@link RejectCode#DIFF_INVALID_FIELD} otherwise; integer fields must fit a
 * {@code long}. Every check takes time proportional to the digits written, never to the exponent.
 */
public final class ClientMessageDecoder {
    /** Most integer digits a decimal field may have ({@code 10^18} and more are rejected). */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** Most decimal places a decimal field may have, trailing zeros not counted. */
    public static final int MAX_FRACTION_DIGITS = 18;

    private static final Side[] SIDES = Side.values();
    private static final Offset[] OFFSETS = Offset.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final String[] AIDS = {PeekMessage.AID, InsertOrder.AID, CancelOrder.AID, ReqLogin.AID,
        SubscribeQuote.AID, SetChart.AID, ReqTransfer.AID, ConfirmSettlement.AID};

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
     * Decodes one frame of UTF-8 bytes. The bytes are only read during the call.
     *
     * @param utf8 the buffer, never {@code null}
     * @param offset the first byte
     * @param length the number of bytes
     * @return the message, never {@code null}
     */
    public static ClientMessage decode(byte[] utf8, int offset, int length) {
        FlatFrame frame = FrameScanner.current().scan(utf8, offset, length);
        if (frame != null && !isSetChart(frame)) {
            return decode(frame);
        }
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
        return decode(new TreeFields(message));
    }

    private static boolean isSetChart(FlatFrame frame) {
        return frame.kind(AID) == STRING && frame.textEquals(AID, SetChart.AID);
    }

    private static ClientMessage decode(MessageFields message) {
        String aid = knownAid(message);
        if (aid == null) {
            aid = message.kind(AID) == STRING ? message.string(AID) : "";
        }
        try {
            Fields.requireString(message, AID);
            switch (aid) {
                case PeekMessage.AID:
                    return PeekMessage.INSTANCE;
                case ReqLogin.AID:
                    return new ReqLogin(Fields.optionalString(message, BID),
                            Fields.requiredNonEmpty(message, USER_NAME), Fields.requiredString(message, PASSWORD));
                case SubscribeQuote.AID:
                    String insList = Fields.requiredString(message, INS_LIST);
                    return new SubscribeQuote(insList, Fields.instrumentList(INS_LIST, insList));
                case SetChart.AID:
                    return setChart(message.tree());
                case InsertOrder.AID:
                    return insertOrder(message);
                case CancelOrder.AID:
                    return new CancelOrder(Fields.requiredNonEmpty(message, USER_ID),
                            Fields.requiredKey(message, ORDER_ID));
                case ReqTransfer.AID:
                    return reqTransfer(message);
                case ConfirmSettlement.AID:
                    return new ConfirmSettlement(Fields.optionalString(message, USER_ID));
                default:
                    return new InvalidMessage(aid, RejectCode.DIFF_UNKNOWN_AID,
                            "aid=" + abbreviate(aid) + " is not a known client aid");
            }
        } catch (FieldException e) {
            return new InvalidMessage(aid, e.code(), (aid.isEmpty() ? "" : aid + ": ") + e.getMessage());
        }
    }

    /** The aid constant the message names, compared without allocating, or {@code null}. */
    private static String knownAid(MessageFields message) {
        if (message.kind(AID) != STRING) {
            return null;
        }
        for (String aid : AIDS) {
            if (message.textEquals(AID, aid)) {
                return aid;
            }
        }
        return null;
    }

    private static SetChart setChart(JsonObject message) {
        MessageFields fields = new TreeFields(message);
        String chartId = Fields.requiredKey(fields, CHART_ID);
        List<String> instruments = Fields.instrumentList(INS_LIST, Fields.requiredString(fields, INS_LIST));
        long durationNs = Fields.requiredLong(fields, DURATION, 0);
        long viewWidth = instruments.isEmpty() ? 0 : Fields.requiredLong(fields, VIEW_WIDTH, 1);
        JsonObject request = new JsonObject();
        for (Map.Entry<String, JsonValue> member : message.members()) {
            if (!"aid".equals(member.getKey()) && !member.getKey().startsWith("_")) {
                request.put(member.getKey(), member.getValue().deepCopy());
            }
        }
        return new SetChart(chartId, instruments, durationNs, viewWidth, request);
    }

    private static InsertOrder insertOrder(MessageFields message) {
        String userId = Fields.requiredNonEmpty(message, USER_ID);
        String orderId = Fields.requiredKey(message, ORDER_ID);
        String exchangeId = Fields.requiredNonEmpty(message, EXCHANGE_ID);
        String instrumentId = Fields.requiredNonEmpty(message, INSTRUMENT_ID);
        Side direction = Fields.requiredEnum(message, DIRECTION, SIDES);
        Offset offset = Fields.requiredEnum(message, OFFSET, OFFSETS);
        long volume = Fields.requiredLong(message, VOLUME, 1);
        Fields.requireString(message, PRICE_TYPE);
        OrderType priceType = message.textEquals(PRICE_TYPE, "ANY")
                ? OrderType.MARKET
                : Fields.requiredEnum(message, PRICE_TYPE, ORDER_TYPES);
        BigDecimal limitPrice = null;
        if (priceType == OrderType.LIMIT) {
            limitPrice = Fields.requiredDecimal(message, LIMIT_PRICE);
            if (limitPrice.signum() <= 0) {
                throw Fields.invalid("limit_price=" + limitPrice + " must be > 0 for a LIMIT order");
            }
        }
        return new InsertOrder(userId, orderId, exchangeId, instrumentId, direction, offset, volume, priceType,
                limitPrice, timeInForce(message));
    }

    private static TimeInForce timeInForce(MessageFields message) {
        boolean hasTime = message.kind(TIME_CONDITION) != MISSING;
        if (hasTime) {
            Fields.requireString(message, TIME_CONDITION);
        }
        if (message.kind(VOLUME_CONDITION) != MISSING) {
            Fields.requireString(message, VOLUME_CONDITION);
            if (!message.textEquals(VOLUME_CONDITION, "ANY") && !message.textEquals(VOLUME_CONDITION, "ALL")) {
                throw Fields.invalid("volume_condition=" + message.string(VOLUME_CONDITION)
                        + " must be one of ANY, ALL");
            }
        }
        boolean all = message.kind(VOLUME_CONDITION) != MISSING
                && message.textEquals(VOLUME_CONDITION, "ALL");
        if (!hasTime || message.textEquals(TIME_CONDITION, "GFD")) {
            return gfdOrGtc(all, "GFD", TimeInForce.GFD);
        }
        if (message.textEquals(TIME_CONDITION, "GTC")) {
            return gfdOrGtc(all, "GTC", TimeInForce.GTC);
        }
        if (message.textEquals(TIME_CONDITION, "IOC")) {
            return all ? TimeInForce.FOK : TimeInForce.IOC;
        }
        throw Fields.invalid("time_condition=" + message.string(TIME_CONDITION) + " must be one of GFD, GTC, IOC");
    }

    private static TimeInForce gfdOrGtc(boolean all, String timeCondition, TimeInForce timeInForce) {
        if (all) {
            throw Fields.invalid("volume_condition=ALL requires time_condition=IOC, got " + timeCondition);
        }
        return timeInForce;
    }

    private static ReqTransfer reqTransfer(MessageFields message) {
        String futureAccount = Fields.requiredNonEmpty(message, FUTURE_ACCOUNT);
        String bankId = Fields.optionalString(message, BANK_ID);
        String currency = Fields.requiredNonEmpty(message, CURRENCY);
        BigDecimal amount = Fields.requiredDecimal(message, AMOUNT);
        if (amount.signum() == 0) {
            throw Fields.invalid("amount=" + amount + " must be != 0 (positive deposits, negative withdraws)");
        }
        return new ReqTransfer(futureAccount, bankId, currency, amount);
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
