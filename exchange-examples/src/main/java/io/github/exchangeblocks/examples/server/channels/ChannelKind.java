package io.github.exchangeblocks.examples.server.channels;

/**
 * The kinds of channel and how each is named and delivered. Public kinds are {@code <symbol>@<suffix>} and need no
 * login; private kinds are {@code @<suffix>} and carry the logged-in user's data only.
 *
 * <p>Conflating kinds are snapshots by nature (each message replaces the last), so a subscriber that falls behind
 * simply gets the latest one later. The other kinds are streams of changes: a subscriber that falls behind is sent
 * a {@code resync} notice and then a fresh snapshot, never a silent skip.
 */
public enum ChannelKind {
    /** The full book: a snapshot, then deltas of changed levels chained by update ids. */
    DEPTH("depth", false, false),
    /** The best 5 levels a side, as a snapshot on every change. */
    DEPTH5("depth5", false, true),
    /** The best 10 levels a side, as a snapshot on every change. */
    DEPTH10("depth10", false, true),
    /** The best 20 levels a side, as a snapshot on every change. */
    DEPTH20("depth20", false, true),
    /** Every trade, in order, chained by tick ids. */
    TRADES("trades", false, false),
    /** The rolling 24-hour ticker, at most once per throttle interval. */
    TICKER("ticker", false, true),
    /** The current bar of one kline interval ({@code kline_1m}), at most once per throttle interval. */
    KLINE("kline", false, true),
    /** The mark price and the next settlement's estimate. */
    MARKPRICE("markprice", false, true),
    /** Every state change of the user's orders. */
    ORDER("order", true, false),
    /** The user's own fills. */
    USERTRADES("usertrades", true, false),
    /** The user's money: balance, available, deposits, withdrawals. */
    BALANCE("balance", true, true),
    /** The user's whole account: money, margin, profit, commission, risk. */
    ACCOUNT("account", true, true),
    /** The user's positions, one message per changed position. */
    POSITION("position", true, false);

    private final String suffix;
    private final boolean userPrivate;
    private final boolean conflating;

    ChannelKind(String suffix, boolean userPrivate, boolean conflating) {
        this.suffix = suffix;
        this.userPrivate = userPrivate;
        this.conflating = conflating;
    }

    /** @return the name after {@code @} (for klines, the part before {@code _<interval>}) */
    public String suffix() {
        return suffix;
    }

    /** @return true if the channel needs a login and carries only the user's data */
    public boolean userPrivate() {
        return userPrivate;
    }

    /** @return true if a slow subscriber may get only the latest message instead of each one */
    public boolean conflating() {
        return conflating;
    }

    /**
     * @return true if the channel goes out in the phase window of each connection's group (depth, fixed depth and
     *         trades: the channels sent once per update interval, see {@link ChannelsConfig#phaseGroups()})
     */
    public boolean phased() {
        return this == DEPTH || this == TRADES || fixedDepth() > 0;
    }

    /** @return the depth levels per side of a fixed-depth kind, 0 for the others */
    public int fixedDepth() {
        return switch (this) {
            case DEPTH5 -> 5;
            case DEPTH10 -> 10;
            case DEPTH20 -> 20;
            default -> 0;
        };
    }
}
