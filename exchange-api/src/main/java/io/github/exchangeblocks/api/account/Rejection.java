package io.github.exchangeblocks.api.account;

import io.github.exchangeblocks.api.RejectCode;

/**
 * A refused command as a value: the code and a message naming the field, the rule and the numbers.
 *
 * @param code    why, not {@code null}
 * @param message human text, not {@code null}
 */
public record Rejection(RejectCode code, String message) {
}
