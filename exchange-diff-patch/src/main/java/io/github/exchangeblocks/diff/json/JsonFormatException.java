package io.github.exchangeblocks.diff.json;

/**
 * Thrown by {@link JsonReader} when input is not one well-formed JSON value (syntax error, trailing content,
 * nesting deeper than {@link JsonReader#MAX_NESTING_DEPTH}, NaN tokens, duplicate member names). The message says
 * what was wrong and where.
 */
public final class JsonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, and where
     * @param cause the underlying parser error, or {@code null}
     */
    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
