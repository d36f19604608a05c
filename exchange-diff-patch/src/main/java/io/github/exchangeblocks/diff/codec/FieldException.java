package io.github.exchangeblocks.diff.codec;

import io.github.exchangeblocks.api.RejectCode;

/** A field rule broken while decoding; caught inside {@link ClientMessageDecoder}, never thrown out of it. */
final class FieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RejectCode code;

    FieldException(RejectCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    RejectCode code() {
        return code;
    }
}
