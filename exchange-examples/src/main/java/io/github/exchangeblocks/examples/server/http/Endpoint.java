package io.github.exchangeblocks.examples.server.http;

/**
 * What a route does: validates the call and answers it, now or later (from the engine thread) through
 * {@link ApiCall#reply} or {@link ApiCall#fail}. Runs on a Netty I/O thread; must not block.
 */
@FunctionalInterface
interface Endpoint {
    /**
     * @param call the request, its path parameters and its caller
     * @throws ApiException when the input breaks a rule (nothing was submitted)
     */
    void handle(ApiCall call) throws ApiException;
}
