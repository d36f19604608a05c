package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 document of the API, built from the router's routes (method, path, parameters, body fields,
 * access), so that what is served at {@code /openapi.json} is what is routed. Every operation documents the error
 * shape and the statuses its access level can produce.
 */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static ObjectNode of(Router router) {
        ObjectNode doc = Json.object().put("openapi", "3.0.3");
        doc.putObject("info").put("title", "exchange-blocks example server HTTP API").put("version", "1")
                .put("description", "Money and prices are JSON decimals in their unit; errors are "
                        + "{code, message}; user routes act on the bearer token's user only.");
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        ObjectNode error = components.putObject("schemas").putObject("Error").put("type", "object");
        error.putArray("required").add("code").add("message");
        ObjectNode errorProps = error.putObject("properties");
        errorProps.putObject("code").put("type", "string").put("description", "stable error code");
        errorProps.putObject("message").put("type", "string")
                .put("description", "names the field and the rule it breaks");
        ObjectNode paths = doc.putObject("paths");
        for (Route route : router.routes()) {
            ObjectNode path = paths.has(route.pattern()) ? (ObjectNode) paths.get(route.pattern())
                    : paths.putObject(route.pattern());
            path.set(route.method().toLowerCase(java.util.Locale.ROOT), operation(route));
        }
        return doc;
    }

    private static ObjectNode operation(Route route) {
        ObjectNode op = Json.object().put("summary", route.summary())
                .put("operationId", route.method().toLowerCase(java.util.Locale.ROOT)
                        + route.pattern().replaceAll("[^A-Za-z0-9]+", "_"));
        op.putArray("tags").add(route.access() == Access.ADMIN ? "admin" : route.access() == Access.USER ? "user"
                : "public");
        if (route.access() != Access.PUBLIC) {
            op.putArray("security").addObject().putArray("bearer");
        }
        ArrayNode parameters = op.putArray("parameters");
        for (String segment : route.segments()) {
            if (segment.startsWith("{")) {
                ObjectNode p = parameters.addObject().put("name", segment.substring(1, segment.length() - 1))
                        .put("in", "path").put("required", true);
                p.putObject("schema").put("type", "string");
            }
        }
        for (String name : route.queryParams()) {
            parameters.addObject().put("name", name).put("in", "query").put("required", false)
                    .set("schema", FieldSchemas.of(name, true));
        }
        if (!route.bodyFields().isEmpty()) {
            ObjectNode schema = op.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").putObject("schema").put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = Json.array();
            // A PATCH body is a partial update: each field may be left out (the endpoint asks for at least one).
            boolean partial = route.method().equals("PATCH");
            for (String field : route.bodyFields()) {
                properties.set(field, FieldSchemas.of(field, false));
                if (!partial && !FieldSchemas.OPTIONAL.contains(field)) {
                    required.add(field);
                }
            }
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
        }
        ObjectNode responses = op.putObject("responses");
        responses.putObject("200").put("description", "success, JSON object");
        error(responses, "400", "a field breaks a rule");
        if (route.access() != Access.PUBLIC) {
            error(responses, "401", "no valid token");
        }
        if (route.access() == Access.ADMIN) {
            error(responses, "403", "the token lacks the admin role");
        }
        error(responses, "404", "unknown instrument, order, day or user");
        error(responses, "409", "conflicts with the current state");
        error(responses, "413", "body too large");
        error(responses, "429", "rate limit");
        error(responses, "503", "engine queue full or engine stopped");
        return op;
    }

    private static void error(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content")
                .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
    }
}
