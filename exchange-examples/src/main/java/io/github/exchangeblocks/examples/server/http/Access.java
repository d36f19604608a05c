package io.github.exchangeblocks.examples.server.http;

/** Who may call a route. */
enum Access {
    /** Anyone (rate limited by address). */
    PUBLIC,
    /** A holder of a valid token; the route acts on the token's user only. */
    USER,
    /** A holder of a valid token with the admin role. */
    ADMIN
}
