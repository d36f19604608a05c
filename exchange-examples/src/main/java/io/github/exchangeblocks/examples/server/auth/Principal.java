package io.github.exchangeblocks.examples.server.auth;

import java.util.Objects;

/**
 * Who a verified token speaks for.
 *
 * @param user          the user name, not {@code null}
 * @param admin         whether the user holds the operator's (admin) role
 * @param expiresAtSec  when the token stops being accepted, seconds since the epoch
 */
public record Principal(String user, boolean admin, long expiresAtSec) {
    /** Checks the user name is given. */
    public Principal {
        Objects.requireNonNull(user, "user must not be null");
    }
}
