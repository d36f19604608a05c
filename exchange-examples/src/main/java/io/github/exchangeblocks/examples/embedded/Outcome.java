package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.account.Rejection;

/**
 * What applying a command gave: accepted, or rejected with a code and a message naming the field and the rule.
 * Rejects are values, not exceptions; a rejected command changed nothing (it stays in the journal and is rejected
 * again, identically, on replay).
 *
 * @param rejectCode why the command was rejected, or {@code null} when it was accepted
 * @param message    the reject message, empty when accepted; never {@code null}
 */
public record Outcome(RejectCode rejectCode, String message) {
    /** The outcome of every accepted command. */
    public static final Outcome ACCEPTED = new Outcome(null, "");

    /**
     * A rejected outcome.
     *
     * @param code    why, not {@code null}
     * @param message the field and the rule, not {@code null}
     * @return the outcome
     */
    public static Outcome rejected(RejectCode code, String message) {
        return new Outcome(code, message);
    }

    /**
     * A rejected outcome from an engine rejection.
     *
     * @param rejection the engine's rejection, not {@code null}
     * @return the outcome
     */
    static Outcome of(Rejection rejection) {
        return new Outcome(rejection.code(), rejection.message());
    }

    /**
     * Whether the command was accepted.
     *
     * @return true if accepted
     */
    public boolean accepted() {
        return rejectCode == null;
    }

    @Override
    public String toString() {
        return accepted() ? "accepted" : "rejected " + rejectCode + " (" + rejectCode.code() + "): " + message;
    }
}
