package io.github.exchangeblocks.diff.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Thrown by {@link JsonReader} when input is not one well-formed JSON value (syntax error, trailing content,
 * nesting deeper than {@link JsonReader#MAX_NESTING_DEPTH}, NaN tokens, duplicate member names). The message says
 * what was wrong and where, in words fit to send back to the client that sent the input: it never carries the
 * parser's advice about its own configuration (such as Jackson's "enable {@code JsonReadFeature...}").
 */
public final class JsonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Longest message kept from the parser, in chars; the rest is cut and marked with {@code ...}. */
    static final int MAX_DETAIL_LENGTH = 160;
    private static final String[] ADVICE_MARKERS = {
        ": enable ", "; enable ", " enable `", " enable Json", "(enable ", ", from `", " from `"};

    /**
     * Creates the exception.
     *
     * @param message what was wrong, and where
     * @param cause the underlying parser error, or {@code null}
     */
    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The exception for a streaming parser's error: {@code "malformed JSON at line L column C: <what>"}, where the
     * parser's own text is cut before any advice about parser features or constraints and bounded in length.
     *
     * @param error the parser's error, never {@code null}
     * @return a new exception whose cause is {@code error}
     */
    public static JsonFormatException of(JsonProcessingException error) {
        return new JsonFormatException(describe(error.getLocation(), error.getOriginalMessage()), error);
    }

    /**
     * The client-facing text for a parser error at a location.
     *
     * @param location where the parser stopped, or {@code null}
     * @param parserMessage the parser's message without location, or {@code null}
     * @return {@code "malformed JSON at line L column C: <what>"}
     */
    public static String describe(JsonLocation location, String parserMessage) {
        String where = location == null
                ? ""
                : " at line " + location.getLineNr() + " column " + location.getColumnNr();
        return "malformed JSON" + where + ": " + withoutAdvice(parserMessage);
    }

    /**
     * A parser message with its configuration advice removed and its length bounded.
     *
     * @param parserMessage the message, or {@code null}
     * @return the cleaned message, never {@code null}
     */
    static String withoutAdvice(String parserMessage) {
        if (parserMessage == null || parserMessage.isEmpty()) {
            return "invalid input";
        }
        String text = parserMessage;
        for (String marker : ADVICE_MARKERS) {
            int at = text.indexOf(marker);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        text = text.replace('`', '\'').strip();
        while (!text.isEmpty() && ",;:(".indexOf(text.charAt(text.length() - 1)) >= 0) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            return "invalid input";
        }
        if (text.chars().filter(c -> c == '(').count() > text.chars().filter(c -> c == ')').count()) {
            text += ")";
        }
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "...";
    }
}
