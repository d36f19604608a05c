package io.github.exchangeblocks.examples.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * An expected failure of a request, answered as {@code {"code": code, "message": message}} with {@code status}.
 * Thrown by endpoints while they validate input (before anything reaches the core), or built from a core reject.
 */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient HttpResponseStatus status;
    private final String code;

    ApiException(HttpResponseStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiException badRequest(String message) {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, "INVALID_FIELD", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    static ApiException conflict(String message) {
        return new ApiException(HttpResponseStatus.CONFLICT, "CONFLICT", message);
    }

    HttpResponseStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
