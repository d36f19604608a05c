package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.RejectCode;

/**
 * A client message that could not be decoded: malformed JSON, not an object, unknown aid, or a field that breaks a
 * rule. The host answers it with an error notify ({@link ErrorNotify#of(InvalidMessage)}) for that session.
 *
 * @param aid the aid as received, or {@code ""} if there was none
 * @param code why, one of the DIFF reject codes
 * @param message what was wrong, naming the field and the rule
 */
public record InvalidMessage(String aid, RejectCode code, String message) implements ClientMessage {
}
