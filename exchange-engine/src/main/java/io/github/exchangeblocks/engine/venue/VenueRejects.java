package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.RejectCode;

/** The venue's one reject channel: the last code and a reused message buffer. Venue-thread only. */
final class VenueRejects {
    private final StringBuilder message = new StringBuilder(128);
    private RejectCode code;

    /** Starts a reject: sets the code, empties the message and returns the buffer to append to. */
    StringBuilder start(RejectCode rejectCode) {
        code = rejectCode;
        message.setLength(0);
        return message;
    }

    /** Records a reject whose message is already written elsewhere; always returns false. */
    boolean set(RejectCode rejectCode, CharSequence text) {
        start(rejectCode).append(text);
        return false;
    }

    RejectCode code() {
        return code;
    }

    CharSequence message() {
        return message;
    }
}
