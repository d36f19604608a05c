package io.github.exchangeblocks.examples.server.http;

import java.util.List;

/**
 * One route of the API and its documentation.
 *
 * @param method      the HTTP method ({@code GET}, {@code POST}, {@code PUT}, {@code DELETE})
 * @param pattern     the path, with {@code {name}} for a path parameter (one whole segment)
 * @param access      who may call it
 * @param summary     one line for the OpenAPI document
 * @param queryParams names of the query parameters it reads
 * @param bodyFields  names of the JSON body's fields it reads (empty: no body)
 * @param endpoint    what it does
 */
record Route(String method, String pattern, Access access, String summary, List<String> queryParams,
             List<String> bodyFields, Endpoint endpoint) {
    Route {
        queryParams = List.copyOf(queryParams);
        bodyFields = List.copyOf(bodyFields);
    }

    /** @return the pattern's segments */
    String[] segments() {
        return pattern.substring(1).split("/", -1);
    }
}
