package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.json.JsonObject;

/**
 * Builds the content of a DIFF notification ({@code notify.<id>}): {@code type}, {@code level}, {@code code},
 * {@code content}. Stateless and thread-safe; every call returns a new object.
 */
public final class ErrorNotify {
    private ErrorNotify() {
    }

    /**
     * The error notification for a message that could not be decoded.
     *
     * @param invalid the decode result
     * @return {@code {"type":"MESSAGE","level":"ERROR","code":<code>,"content":<message>}}
     */
    public static JsonObject of(InvalidMessage invalid) {
        return of(invalid.code(), invalid.message());
    }

    /**
     * An error notification for a reject.
     *
     * @param code the reject code
     * @param message the human message naming the field and the rule
     * @return {@code {"type":"MESSAGE","level":"ERROR","code":<code>,"content":<message>}}
     */
    public static JsonObject of(RejectCode code, String message) {
        return new JsonObject()
                .put("type", "MESSAGE")
                .put("level", "ERROR")
                .put("code", code.code())
                .put("content", message);
    }
}
