package io.github.exchangeblocks.examples.server.channels;

import java.util.Objects;

/**
 * What a {@link LoginCheck} decided.
 *
 * @param user    the user logged in, or {@code null}
 * @param refusal why the credentials were refused (names the field), or {@code null}
 */
public record LoginOutcome(String user, String refusal) {
    private static final LoginOutcome NOT_MINE = new LoginOutcome(null, null);

    /**
     * @param user the user the credentials belong to, not {@code null}
     * @return a success
     */
    public static LoginOutcome user(String user) {
        return new LoginOutcome(Objects.requireNonNull(user, "user must not be null"), null);
    }

    /**
     * @param refusal why, naming the field, not {@code null}
     * @return a refusal
     */
    public static LoginOutcome refused(String refusal) {
        return new LoginOutcome(null, Objects.requireNonNull(refusal, "refusal must not be null"));
    }

    /** @return "these are not my kind of credentials": the next check is asked */
    public static LoginOutcome notMine() {
        return NOT_MINE;
    }

    /** @return true if neither a user nor a refusal */
    public boolean isNotMine() {
        return user == null && refusal == null;
    }
}
