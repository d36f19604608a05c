package io.github.exchangeblocks.examples.server.channels;

/**
 * Error codes of the channel protocol, stable numbers a client can switch on. Each error message sent names the
 * field and the rule it broke.
 */
public enum ChannelError {
    /** The message is not a JSON object, or a field has the wrong type. */
    BAD_REQUEST(4000),
    /** {@code op} is missing or not one of {@code subscribe}, {@code unsubscribe}, {@code login}, {@code ping}. */
    UNKNOWN_OP(4001),
    /** A channel name is malformed or names no known kind or kline interval. */
    UNKNOWN_CHANNEL(4002),
    /** A channel names a symbol the exchange does not list. */
    UNKNOWN_SYMBOL(4003),
    /** The subscription would pass the per-connection channel limit. */
    TOO_MANY_CHANNELS(4004),
    /** More client messages in one second than allowed: the connection is closed after this error. */
    TOO_MANY_MESSAGES(4005),
    /** {@code unsubscribe} names a channel the connection is not subscribed to. */
    NOT_SUBSCRIBED(4006),
    /** {@code subscribe} names a channel the connection is already subscribed to. */
    ALREADY_SUBSCRIBED(4007),
    /** A private channel needs a login first. */
    LOGIN_REQUIRED(4010),
    /** The credentials were refused. */
    LOGIN_FAILED(4011),
    /** The connection is already logged in (or a login is in progress). */
    ALREADY_LOGGED_IN(4012),
    /** The exchange could not take the request now (its queue is full or it is stopping); try again. */
    BUSY(5030);

    private final int code;

    ChannelError(int code) {
        this.code = code;
    }

    /** @return the numeric code sent to clients */
    public int code() {
        return code;
    }
}
