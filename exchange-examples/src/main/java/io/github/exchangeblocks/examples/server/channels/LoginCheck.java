package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One way to log in on {@code /ws}: the gateway asks its checks in order and the first that recognises the
 * request's credentials decides. Runs on an auth thread (never an I/O or engine thread), so it may be slow (a
 * password hash) but must not block indefinitely. A token check (from the HTTP API) plugs in with
 * {@link ChannelGateway#addLoginCheck}: recognise a {@code "token"} field and answer the token's user.
 */
@FunctionalInterface
public interface LoginCheck {

    /**
     * @param request the client's login message, a JSON object
     * @return {@link LoginOutcome#notMine()} if the request carries no credentials of this check's kind, else the
     *     user logged in or the refusal
     */
    LoginOutcome check(JsonNode request);
}
