package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.diff.json.JsonObject;

import java.math.BigDecimal;

/**
 * The top-level members of one client message, read by name: either a parsed {@link JsonObject}
 * ({@link TreeFields}) or the flat frame the streaming decoder scanned ({@link FlatFrame}). The field rules in
 * {@link Fields} and {@link ClientMessageDecoder} are written once against this view, so both paths validate alike
 * and produce the same messages. Methods other than {@link #kind(String)} require the kind they read.
 */
interface MessageFields {
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
     * @param field the member name
     * @return one of {@link #MISSING}, {@link #NULL}, {@link #STRING}, {@link #NUMBER}, {@link #OTHER}
     */
    int kind(String field);

    /**
     * A string member's text. Allocates on the streaming path.
     *
     * @param field a {@link #STRING} member
     * @return the text
     */
    String string(String field);

    /**
     * Whether a string member's text equals {@code expected}, without allocating.
     *
     * @param field a {@link #STRING} member
     * @param expected the text to compare with
     * @return {@code true} if equal
     */
    boolean textEquals(String field, String expected);

    /**
     * The length of a string member's text in UTF-16 chars, without allocating.
     *
     * @param field a {@link #STRING} member
     * @return the length
     */
    int textLength(String field);

    /**
     * Whether a number member is an integer written without fraction or exponent that fits a {@code long}.
     *
     * @param field a {@link #NUMBER} member
     * @return {@code true} if {@link #longValue(String)} may be called
     */
    boolean isLong(String field);

    /**
     * A number member's value as a {@code long}.
     *
     * @param field a {@link #NUMBER} member for which {@link #isLong(String)} holds
     * @return the value
     */
    long longValue(String field);

    /**
     * A number member's exact value.
     *
     * @param field a {@link #NUMBER} member
     * @return the value with the digits and scale it was written with
     */
    BigDecimal decimal(String field);

    /**
     * A member's value as JSON text, exactly as {@code JsonValue.toString()} of the parsed member: for messages.
     *
     * @param field a present member
     * @return the text
     */
    String json(String field);

    /**
     * The whole message as an object, for the aids that echo it ({@code set_chart}).
     *
     * @return the parsed message
     * @throws IllegalStateException if this view has no tree (the streaming path never decodes those aids)
     */
    JsonObject tree();
}
