package io.github.exchangeblocks.examples.server.channels;

/**
 * A parsed channel name: {@code <symbol>@<kind>} for public channels ({@code SHFE.cu2512@depth},
 * {@code SHFE.cu2512@kline_1m}), {@code @<kind>} for private ones ({@code @order}). Immutable.
 *
 * @param name            the name as the client wrote it (echoed in every message of the channel)
 * @param kind            the kind
 * @param symbol          the instrument id for public channels, {@code ""} for private ones
 * @param instrumentIndex the instrument's index, -1 for private channels
 * @param klineDurationNs the bar duration of a kline channel, 0 for the others
 */
public record ChannelName(String name, ChannelKind kind, String symbol, int instrumentIndex, long klineDurationNs) {
    private static final String KLINE_PREFIX = "kline_";

    /** Thrown by {@link #parse} with the error to send. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ChannelError error;

        Invalid(ChannelError error, String message) {
            super(message, null, false, false);
            this.error = error;
        }

        ChannelError error() {
            return error;
        }
    }

    /**
     * Parses a name against the listed instruments.
     *
     * @param name      the client's channel name
     * @param directory the listed symbols and their kline durations
     * @return the parsed name
     * @throws Invalid naming the rule broken ({@link ChannelError#UNKNOWN_CHANNEL} or
     *                 {@link ChannelError#UNKNOWN_SYMBOL})
     */
    static ChannelName parse(String name, SymbolDirectory directory) throws Invalid {
        int at = name.indexOf('@');
        if (at < 0 || at != name.lastIndexOf('@') || at == name.length() - 1) {
            throw new Invalid(ChannelError.UNKNOWN_CHANNEL, "channel '" + name
                    + "' must be <symbol>@<kind> (depth, depth5, depth10, depth20, trades, ticker, kline_<interval>,"
                    + " markprice) or @<kind> (order, usertrades, balance, account, position)");
        }
        String symbol = name.substring(0, at);
        String suffix = name.substring(at + 1);
        ChannelKind kind = kindOf(suffix);
        if (kind == null) {
            throw new Invalid(ChannelError.UNKNOWN_CHANNEL, "channel '" + name + "' has unknown kind '" + suffix
                    + "'");
        }
        if (kind.userPrivate()) {
            if (!symbol.isEmpty()) {
                throw new Invalid(ChannelError.UNKNOWN_CHANNEL, "channel '" + name + "': private channel @"
                        + suffix + " takes no symbol");
            }
            return new ChannelName(name, kind, "", -1, 0);
        }
        if (symbol.isEmpty()) {
            throw new Invalid(ChannelError.UNKNOWN_CHANNEL, "channel '" + name + "': public channel @" + suffix
                    + " needs a symbol before '@'");
        }
        int index = directory.indexOf(symbol);
        if (index < 0) {
            throw new Invalid(ChannelError.UNKNOWN_SYMBOL, "channel '" + name + "': symbol '" + symbol
                    + "' is not listed");
        }
        long durationNs = 0;
        if (kind == ChannelKind.KLINE) {
            String interval = suffix.substring(KLINE_PREFIX.length());
            durationNs = KlineIntervals.parseNs(interval);
            if (durationNs > 0 && !KlineIntervals.name(durationNs).equals(interval)) {
                throw new Invalid(ChannelError.UNKNOWN_CHANNEL, "channel '" + name + "': write kline interval '"
                        + interval + "' as '" + KlineIntervals.name(durationNs) + "'");
            }
            if (durationNs <= 0 || !directory.hasKline(index, durationNs)) {
                throw new Invalid(ChannelError.UNKNOWN_CHANNEL, "channel '" + name + "': kline interval '"
                        + interval + "' is not kept; kept: " + directory.klineIntervals(index));
            }
        }
        return new ChannelName(name, kind, symbol, index, durationNs);
    }

    /**
     * The key subscribers of the same stream share: the name for public channels, the name and the phase group for
     * phased ones ({@link ChannelKind#phased()}), the name and the user for private ones.
     *
     * @param user  the logged-in user, or {@code null}
     * @param group the phase group of the subscriber's connection
     * @return the topic key
     */
    String topic(String user, int group) {
        if (kind.userPrivate()) {
            return topicOf(name, user);
        }
        return kind.phased() ? phasedTopic(name, group) : name;
    }

    /** The topic of a phased channel's stream for one phase group: {@code <name>/<group>}. */
    static String phasedTopic(String channel, int group) {
        return channel + "/" + group;
    }

    static String topicOf(String privateName, String user) {
        return privateName + "#" + user;
    }

    private static ChannelKind kindOf(String suffix) {
        if (suffix.startsWith(KLINE_PREFIX)) {
            return ChannelKind.KLINE;
        }
        for (ChannelKind kind : ChannelKind.values()) {
            if (kind != ChannelKind.KLINE && kind.suffix().equals(suffix)) {
                return kind;
            }
        }
        return null;
    }
}
