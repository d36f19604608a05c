package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.diff.json.JsonObject;

import java.math.BigDecimal;

/**
 * The top-level members of one client message, read by name: either a parsed {@link JsonObject}
 * ({@link TreeFields}) or the flat frame the streaming decoder scanned ({@link FlatFrame}). The field rules in
 * {@link Fields} and {@link ClientMessageDecoder} are written once against this view, so both paths validate alike
 * and produce the same messages. Members are named by the ids below ({@link #NAMES} holds their JSON names), so
 * that the streaming path finds a member by array index. Methods other than {@link #kind(int)} require the kind
 * they read.
 */
interface MessageFields {
    /** The JSON member name of every field id. */
    String[] NAMES = {"aid", "user_id", "order_id", "exchange_id", "instrument_id", "direction", "offset", "volume",
        "price_type", "limit_price", "time_condition", "volume_condition", "bid", "user_name", "password", "ins_list",
        "future_account", "bank_id", "currency", "amount", "chart_id", "duration", "view_width"};
    /** Field id of {@code aid}. */
    int AID = 0;
    /** Field id of {@code user_id}. */
    int USER_ID = 1;
    /** Field id of {@code order_id}. */
    int ORDER_ID = 2;
    /** Field id of {@code exchange_id}. */
    int EXCHANGE_ID = 3;
    /** Field id of {@code instrument_id}. */
    int INSTRUMENT_ID = 4;
    /** Field id of {@code direction}. */
    int DIRECTION = 5;
    /** Field id of {@code offset}. */
    int OFFSET = 6;
    /** Field id of {@code volume}. */
    int VOLUME = 7;
    /** Field id of {@code price_type}. */
    int PRICE_TYPE = 8;
    /** Field id of {@code limit_price}. */
    int LIMIT_PRICE = 9;
    /** Field id of {@code time_condition}. */
    int TIME_CONDITION = 10;
    /** Field id of {@code volume_condition}. */
    int VOLUME_CONDITION = 11;
    /** Field id of {@code bid}. */
    int BID = 12;
    /** Field id of {@code user_name}. */
    int USER_NAME = 13;
    /** Field id of {@code password}. */
    int PASSWORD = 14;
    /** Field id of {@code ins_list}. */
    int INS_LIST = 15;
    /** Field id of {@code future_account}. */
    int FUTURE_ACCOUNT = 16;
    /** Field id of {@code bank_id}. */
    int BANK_ID = 17;
    /** Field id of {@code currency}. */
    int CURRENCY = 18;
    /** Field id of {@code amount}. */
    int AMOUNT = 19;
    /** Field id of {@code chart_id}. */
    int CHART_ID = 20;
    /** Field id of {@code duration}. */
    int DURATION = 21;
    /** Field id of {@code view_width}. */
    int VIEW_WIDTH = 22;
    /** Field ids run from 0 to this, exclusive. */
    int FIELD_COUNT = 23;

    /** No such member. */
    int MISSING = 0;
    /** The member is JSON {@code null}. */
    int NULL = 1;
    /** A string. */
    int STRING = 2;
    /** A number. */
    int NUMBER = 3;
    /** Anything else: a boolean, an object or an array. */
    int OTHER = 4;

    /**
     * What a member holds.
     *
     * @param field the field id
     * @return one of {@link #MISSING}, {@link #NULL}, {@link #STRING}, {@link #NUMBER}, {@link #OTHER}
     */
    int kind(int field);

    /**
     * A string member's text. Allocates on the streaming path.
     *
     * @param field the id of a {@link #STRING} member
     * @return the text
     */
    String string(int field);

    /**
     * Whether a string member's text equals {@code expected}, without allocating.
     *
     * @param field the id of a {@link #STRING} member
     * @param expected the text to compare with
     * @return {@code true} if equal
     */
    boolean textEquals(int field, String expected);

    /**
     * The length of a string member's text in UTF-16 chars, without allocating.
     *
     * @param field the id of a {@link #STRING} member
     * @return the length
     */
    int textLength(int field);

    /**
     * Whether a number member is an integer written without fraction or exponent that fits a {@code long}.
     *
     * @param field the id of a {@link #NUMBER} member
     * @return {@code true} if {@link #longValue(int)} may be called
     */
    boolean isLong(int field);

    /**
     * A number member's value as a {@code long}.
     *
     * @param field the id of a {@link #NUMBER} member for which {@link #isLong(int)} holds
     * @return the value
     */
    long longValue(int field);

    /**
     * A number member's exact value.
     *
     * @param field the id of a {@link #NUMBER} member
     * @return the value with the digits and scale it was written with
     */
    BigDecimal decimal(int field);

    /**
     * A member's value as JSON text, exactly as {@code JsonValue.toString()} of the parsed member: for messages.
     *
     * @param field the id of a present member
     * @return the text
     */
    String json(int field);

    /**
     * The whole message as an object, for the aids that echo it ({@code set_chart}).
     *
     * @return the parsed message
     * @throws IllegalStateException if this view has no tree (the streaming path never decodes those aids)
     */
    JsonObject tree();
}
