package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;

/**
 * Names and small builders for the DIFF snapshot layout, so hosts do not spell paths by hand:
 *
 * <pre>
 * quotes.&lt;EX.ins&gt;                       klines.&lt;EX.ins&gt;.&lt;duration_ns&gt;.{last_id, data.&lt;id&gt;}
 * ticks.&lt;EX.ins&gt;.{last_id, data.&lt;id&gt;}  charts.&lt;chart_id&gt;.state    notify.&lt;id&gt;
 * ins_list                                mdhis_more_data
 * trade.&lt;user&gt;.{accounts.&lt;currency&gt;, positions.&lt;EX.ins&gt;, orders.&lt;order_id&gt;, trades.&lt;trade_id&gt;,
 *               session, trade_more_data}
 * </pre>
 *
 * Stateless; every builder returns a new object.
 */
public final class DiffLayout {
    /**
     * The version of this layout; golden files of each version live in test resources under
     * {@code golden/v<version>/} and are never rewritten.
     */
    public static final int VERSION = 1;
    /** Top-level member holding quotes by instrument. */
    public static final String QUOTES = "quotes";
    /** Top-level member holding kline series by instrument and duration. */
    public static final String KLINES = "klines";
    /** Top-level member holding tick series by instrument. */
    public static final String TICKS = "ticks";
    /** Top-level member holding chart states by chart id. */
    public static final String CHARTS = "charts";
    /** Top-level member holding notifications by id. */
    public static final String NOTIFY = "notify";
    /** Top-level member echoing the quote subscription exactly. */
    public static final String INS_LIST = "ins_list";
    /** Top-level flag: more history (klines/ticks) is still coming. */
    public static final String MDHIS_MORE_DATA = "mdhis_more_data";
    /** Top-level member holding each user's trading data. */
    public static final String TRADE = "trade";
    /** Member of {@code trade.<user>}: accounts by currency. */
    public static final String ACCOUNTS = "accounts";
    /** Member of {@code trade.<user>}: positions by instrument. */
    public static final String POSITIONS = "positions";
    /** Member of {@code trade.<user>}: orders by order id. */
    public static final String ORDERS = "orders";
    /** Member of {@code trade.<user>}: trades by trade id. */
    public static final String TRADES = "trades";
    /** Member of {@code trade.<user>}: the session/login state. */
    public static final String SESSION = "session";
    /** Member of {@code trade.<user>}: more trading data is still coming. */
    public static final String TRADE_MORE_DATA = "trade_more_data";

    private DiffLayout() {
    }

    /**
     * A {@code trade.<user>}-relative patch that sets fields of one entry of a section, e.g.
     * {@code entry(ORDERS, "order456", fields)} gives {@code {"orders":{"order456":{...fields}}}}.
     *
     * @param section one of {@link #ACCOUNTS}, {@link #POSITIONS}, {@link #ORDERS}, {@link #TRADES}
     * @param key the currency, instrument, order id or trade id
     * @param fields the fields to set; retained, not copied
     * @return a new patch
     */
    public static JsonObject entry(String section, String key, JsonObject fields) {
        return new JsonObject().put(section, new JsonObject().put(key, fields));
    }

    /**
     * A kline or tick series patch adding bars: {@code {"last_id":lastId,"data":{"<id>":bar,...}}}.
     *
     * @param lastId the id of the newest bar
     * @param firstId the id of the first bar in {@code bars}
     * @param bars consecutive bars starting at {@code firstId}; retained, not copied
     * @return a new patch
     */
    public static JsonObject bars(long lastId, long firstId, JsonObject... bars) {
        JsonObject data = new JsonObject();
        for (int i = 0; i < bars.length; i++) {
            data.put(Long.toString(firstId + i), bars[i]);
        }
        return new JsonObject().put("last_id", lastId).put("data", data);
    }
}
