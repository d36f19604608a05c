package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.examples.server.diff.UserStore;

import java.util.Objects;

/**
 * {@code {"op":"login","user":"alice","password":"..."}} checked against the same users file as DIFF's login
 * ({@link UserStore}: salted PBKDF2). Thread-safe.
 */
public final class PasswordLoginCheck implements LoginCheck {
    private final UserStore users;

    /** @param users the users and their password hashes, not {@code null} */
    public PasswordLoginCheck(UserStore users) {
        this.users = Objects.requireNonNull(users, "users must not be null");
    }

    @Override
    public LoginOutcome check(JsonNode request) {
        JsonNode user = request.get("user");
        JsonNode password = request.get("password");
        if (user == null && password == null) {
            return LoginOutcome.notMine();
        }
        if (user == null || !user.isTextual() || user.asText().isEmpty()) {
            return LoginOutcome.refused("user must be a non-empty string");
        }
        if (password == null || !password.isTextual()) {
            return LoginOutcome.refused("password must be a string");
        }
        return users.verify(user.asText(), password.asText()) ? LoginOutcome.user(user.asText())
                : LoginOutcome.refused("user or password is wrong");
    }
}
