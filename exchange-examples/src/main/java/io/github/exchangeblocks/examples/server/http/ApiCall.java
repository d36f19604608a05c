package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.examples.server.auth.Principal;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One request as an endpoint sees it: path and query parameters, the JSON body, the caller, and the one answer it
 * gets. {@link #reply} and {@link #fail} may be called from any thread (the engine's included); the first answer
 * wins and is written on the connection's I/O thread.
 */
final class ApiCall {
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> queryParams;
    private final byte[] body;
    private final Principal principal;
    private final BiConsumer<HttpResponseStatus, JsonNode> responder;
    private final AtomicBoolean answered = new AtomicBoolean();
    private JsonNode parsedBody;

    ApiCall(Map<String, String> pathParams, Map<String, List<String>> queryParams, byte[] body, Principal principal,
            BiConsumer<HttpResponseStatus, JsonNode> responder) {
        this.pathParams = pathParams;
        this.queryParams = queryParams;
        this.body = body;
        this.principal = principal;
        this.responder = responder;
    }

    /** @return the caller, {@code null} on public routes */
    Principal principal() {
        return principal;
    }

    /** @return the caller's user name (user and admin routes) */
    String user() {
        return principal.user();
    }

    /** @return the path parameter, never {@code null} on a route that declares it */
    String path(String name) {
        return pathParams.get(name);
    }

    /** @return the query parameter's first value, or {@code null} */
    String query(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * @return the query parameter as a whole number, {@code fallback} if absent
     * @throws ApiException if it is not a whole number in {@code min..max}
     */
    int queryInt(String name, int fallback, int min, int max) throws ApiException {
        String value = query(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the error naming the rule
        }
        throw ApiException.badRequest(name + "=" + (value.length() > 20 ? value.substring(0, 20) + "..." : value)
                + " must be a whole number in " + min + ".." + max);
    }

    /**
     * @return the body, a JSON object
     * @throws ApiException if the body is empty, malformed or not an object
     */
    Fields body() throws ApiException {
        if (parsedBody == null) {
            if (body.length == 0) {
                throw ApiException.badRequest("body must be a JSON object, got an empty body");
            }
            JsonNode node = Json.parse(body);
            if (!node.isObject()) {
                throw ApiException.badRequest("body must be a JSON object, got " + node.getNodeType());
            }
            parsedBody = node;
        }
        return new Fields((ObjectNode) parsedBody, "");
    }

    /** Answers 200 with {@code content}. */
    void reply(JsonNode content) {
        reply(HttpResponseStatus.OK, content);
    }

    /** Answers with a status and content (the first answer wins). */
    void reply(HttpResponseStatus status, JsonNode content) {
        if (answered.compareAndSet(false, true)) {
            responder.accept(status, content);
        }
    }

    /** Answers with the error shape {@code {"code", "message"}}. */
    void fail(ApiException error) {
        reply(error.status(), errorBody(error.code(), error.getMessage()));
    }

    static ObjectNode errorBody(String code, String message) {
        return Json.object().put("code", code).put("message", message);
    }
}
