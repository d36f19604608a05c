package io.github.exchangeblocks.examples.server.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes in registration order, matched by method and path segment by segment: a literal segment must be equal, a
 * {@code {name}} segment takes any non-empty segment as a parameter. Literal routes win over parameter routes at
 * the same position because they are tried first when registered first. Built once, then read-only (thread-safe).
 */
final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; a second route with the same method and pattern is a programming error. */
    Router add(String method, String pattern, Access access, String summary, List<String> queryParams,
               List<String> bodyFields, Endpoint endpoint) {
        for (Route route : routes) {
            if (route.method().equals(method) && route.pattern().equals(pattern)) {
                throw new IllegalArgumentException(method + " " + pattern + " is already routed");
            }
        }
        routes.add(new Route(method, pattern, access, summary, queryParams, bodyFields, endpoint));
        return this;
    }

    /** @return every route in registration order */
    List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    /**
     * @param method the request's method
     * @param path   the request's decoded path
     * @return the match, or {@code null} if no route has this path; {@link Match#route()} is {@code null} if routes
     *         have the path but none has the method
     */
    Match match(String method, String path) {
        if (path.length() < 2 || path.charAt(0) != '/') {
            return null;
        }
        String[] segments = path.substring(1).split("/", -1);
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = bind(route.segments(), segments);
            if (params != null) {
                if (route.method().equals(method)) {
                    return new Match(route, params);
                }
                pathKnown = true;
            }
        }
        return pathKnown ? new Match(null, Map.of()) : null;
    }

    private static Map<String, String> bind(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < pattern.length; i++) {
            String part = pattern[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>();
                }
                params.put(part.substring(1, part.length() - 1), segments[i]);
            } else if (!part.equals(segments[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    /**
     * A matched route.
     *
     * @param route  the route, or {@code null} if the path is routed for other methods only
     * @param params path parameters by name
     */
    record Match(Route route, Map<String, String> params) {
    }
}
