package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.Rounding;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.engine.instrument.FixedPoint;
import io.github.exchangeblocks.engine.instrument.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;

/**
 * One instrument's trading-day figures for its DIFF quote (volume, amount, open, high, low, time of the last
 * trade) and the quote's field set, published member by member as it changes. The figures are rebuilt from the day's trades after a restart, so they do not
 * depend on the process having seen every trade. Engine thread only.
 */
final class QuoteStats {
    /** Quote times are shown in China Standard Time, as TqSdk expects of exchange times. */
    static final ZoneId EXCHANGE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int LEVELS = 5;
    private static final int FIRST_DEPTH_MEMBER = 11;
    private static final int MEMBERS = FIRST_DEPTH_MEMBER + 4 * LEVELS;
    private static final String[] BID_PRICE = levelKeys("bid_price");
    private static final String[] BID_VOLUME = levelKeys("bid_volume");
    private static final String[] ASK_PRICE = levelKeys("ask_price");
    private static final String[] ASK_VOLUME = levelKeys("ask_volume");

    long volume;
    long turnoverTicks;
    long openTicks;
    long highTicks;
    long lowTicks;
    long lastTimeNs;
    long openInterest;
    /** What the DIFF snapshot holds of the quote: a later quote sends only what changed. */
    private PublishedValues published = new PublishedValues(MEMBERS);
    private final QuoteTime time = new QuoteTime(EXCHANGE_ZONE);

    void trade(long timeNs, long priceTicks, long lots) {
        if (volume == 0) {
            openTicks = priceTicks;
            highTicks = priceTicks;
            lowTicks = priceTicks;
        }
        highTicks = Math.max(highTicks, priceTicks);
        lowTicks = Math.min(lowTicks, priceTicks);
        volume += lots;
        turnoverTicks += priceTicks * lots;
        lastTimeNs = Math.max(lastTimeNs, timeNs);
    }

    void newDay() {
        volume = 0;
        turnoverTicks = 0;
        openTicks = 0;
        highTicks = 0;
        lowTicks = 0;
    }

    /** Forgets what was published: the next {@link #quote} writes every member (after a failure, or a changed spec). */
    void forgetPublished() {
        published = new PublishedValues(MEMBERS);
    }

    /**
     * The members of the instrument's quote that changed since the last call (every member the first time and after
     * {@link #forgetPublished()}).
     *
     * @param instrument     the instrument
     * @param book           its book
     * @param lastPriceTicks the last trade price, 0 if none
     * @param depth          reused depth holder of at least 5 levels
     * @return a new patch of the quote object, empty when nothing changed
     */
    JsonObject quote(Instrument instrument, OrderBookView book, long lastPriceTicks, DepthSnapshot depth) {
        InstrumentSpec spec = instrument.spec();
        JsonObject quote = new JsonObject();
        if (published.isNew()) {
            String symbol = spec.instrumentId();
            quote.put("instrument_id", symbol)
                    .put("instrument_name", symbol)
                    .put("exchange_id", DiffFields.exchangeOf(symbol))
                    .put("ins_class", "FUTURE")
                    .put("expired", false)
                    .put("price_tick", JsonNumber.ofUnscaled(spec.tickSize(), spec.priceScale()))
                    .put("price_decs", spec.priceScale())
                    .put("volume_multiple", spec.volumeMultiple())
                    .put("max_limit_order_volume", spec.maxOrderVolume())
                    .put("max_market_order_volume", spec.maxOrderVolume())
                    .put("min_limit_order_volume", spec.lotSize())
                    .put("min_market_order_volume", spec.lotSize())
                    .put("close", JsonString.NOT_A_NUMBER)
                    .put("settlement", JsonString.NOT_A_NUMBER)
                    .put("pre_close", JsonString.NOT_A_NUMBER)
                    .put("pre_open_interest", JsonString.NOT_A_NUMBER);
        }
        if (published.changed(0, lastTimeNs)) {
            quote.put("datetime", lastTimeNs == 0 ? "" : time.format(lastTimeNs));
        }
        price(quote, spec, 1, "last_price", lastPriceTicks);
        price(quote, spec, 2, "open", openTicks);
        price(quote, spec, 3, "highest", highTicks);
        price(quote, spec, 4, "lowest", lowTicks);
        price(quote, spec, 5, "pre_settlement", instrument.preSettlementPriceTicks());
        price(quote, spec, 6, "upper_limit", instrument.upperLimitTicks());
        // No band (upper limit "none") shows no lower limit either.
        price(quote, spec, 7, "lower_limit",
                instrument.upperLimitTicks() == Long.MAX_VALUE ? 0 : instrument.lowerLimitTicks());
        boolean volumeMoved = published.changed(8, volume);
        if (volumeMoved) {
            quote.put("volume", volume);
        }
        if (published.changed(9, turnoverTicks) || volumeMoved) {
            quote.put("amount", amount(spec, turnoverTicks))
                    .put("average", volume == 0 ? JsonString.NOT_A_NUMBER : average(spec, turnoverTicks, volume));
        }
        if (published.changed(10, openInterest)) {
            quote.put("open_interest", openInterest);
        }
        book.depth(depth);
        for (int level = 0; level < LEVELS; level++) {
            boolean bid = level < depth.bidLevels();
            boolean ask = level < depth.askLevels();
            int member = FIRST_DEPTH_MEMBER + 4 * level;
            price(quote, spec, member, BID_PRICE[level], bid ? depth.bidPrice(level) : 0);
            if (published.changed(member + 1, bid ? depth.bidQuantity(level) : 0)) {
                quote.put(BID_VOLUME[level], bid ? depth.bidQuantity(level) : 0);
            }
            price(quote, spec, member + 2, ASK_PRICE[level], ask ? depth.askPrice(level) : 0);
            if (published.changed(member + 3, ask ? depth.askQuantity(level) : 0)) {
                quote.put(ASK_VOLUME[level], ask ? depth.askQuantity(level) : 0);
            }
        }
        return quote;
    }

    /**
     * The day's turnover in money: price tick x turnover in ticks x volume multiple, at the price's scale (as the
     * {@code BigDecimal} product, without one unless it overflows a {@code long}).
     */
    static JsonNumber amount(InstrumentSpec spec, long turnoverTicks) {
        try {
            return JsonNumber.ofUnscaled(Math.multiplyExact(Math.multiplyExact(spec.tickSize(), turnoverTicks),
                    spec.volumeMultiple()), spec.priceScale());
        } catch (ArithmeticException overflow) {
            return JsonNumber.of(BigDecimal.valueOf(spec.tickSize(), spec.priceScale())
                    .multiply(BigDecimal.valueOf(turnoverTicks)).multiply(BigDecimal.valueOf(spec.volumeMultiple())));
        }
    }

    /**
     * The day's average price (turnover / volume), two places finer than the price, rounded half-even (as the
     * {@code BigDecimal} quotient, without one unless the numerator overflows a {@code long}).
     *
     * @param volume lots traded, {@code > 0}
     */
    static JsonNumber average(InstrumentSpec spec, long turnoverTicks, long volume) {
        int scale = spec.priceScale() + 2;
        if (scale <= JsonNumber.MAX_COMPACT_SCALE) {
            try {
                return JsonNumber.ofUnscaled(FixedPoint.mulDiv(turnoverTicks, Math.multiplyExact(spec.tickSize(),
                        100L), volume, Rounding.HALF_EVEN), scale);
            } catch (ArithmeticException outOfRange) {
                // A negative turnover, or figures past a long: the exact decimal below.
            }
        }
        return JsonNumber.of(BigDecimal.valueOf(spec.tickSize(), spec.priceScale())
                .multiply(BigDecimal.valueOf(turnoverTicks)).divide(BigDecimal.valueOf(volume), scale,
                        RoundingMode.HALF_EVEN));
    }

    /** A price member from ticks ({@code <= 0} or {@link Long#MAX_VALUE}: none, {@code "-"}), if it changed. */
    private void price(JsonObject quote, InstrumentSpec spec, int member, String key, long ticks) {
        if (published.changed(member, ticks)) {
            quote.put(key, DiffFields.price(spec, ticks));
        }
    }

    private static String[] levelKeys(String prefix) {
        String[] keys = new String[LEVELS];
        for (int level = 0; level < LEVELS; level++) {
            keys[level] = prefix + (level + 1);
        }
        return keys;
    }

    static DepthSnapshot newDepth() {
        return new DepthSnapshot(LEVELS);
    }
}
