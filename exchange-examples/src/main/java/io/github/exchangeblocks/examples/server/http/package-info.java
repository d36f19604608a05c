/**
 * The HTTP API of the exchange server under {@code /api/} on the server's port: users log in with their DIFF
 * credentials and act on their own account and orders; operators (admin role) manage instruments, settlement and
 * risk and read monitoring and market figures. Every write is a core command; every read runs on the engine thread
 * through {@code ExchangeBackend.query} and copies a small result. JSON in and out; every error is
 * {@code {"code": "...", "message": "..."}} with the status code saying its class. {@code /openapi.json} describes
 * every route.
 */
package io.github.exchangeblocks.examples.server.http;
