package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.engine.instrument.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One instrument's trading-day figures for its DIFF quote (volume, amount, open, high, low, time of the last
 * trade) and the quote's field set. The figures are rebuilt from the day's trades after a restart, so they do not
 * depend on the process having seen every trade. Engine thread only.
 */
final class QuoteStats {
    /** Quote times are shown in China Standard Time, as TqSdk expects of exchange times. */
    static final ZoneId EXCHANGE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(EXCHANGE_ZONE);
    private static final int LEVELS = 5;

    long volume;
    long turnoverTicks;
    long openTicks;
    long highTicks;
    long lowTicks;
    long lastTimeNs;
    long openInterest;

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

    /**
     * The whole quote of an instrument.
     *
     * @param instrument    the instrument
     * @param book          its book
     * @param lastPriceTicks the last trade price, 0 if none
     * @param depth         reused depth holder of at least 5 levels
     * @return a new quote object
     */
    JsonObject quote(Instrument instrument, OrderBookView book, long lastPriceTicks, DepthSnapshot depth) {
        InstrumentSpec spec = instrument.spec();
        String symbol = spec.instrumentId();
        BigDecimal tick = BigDecimal.valueOf(spec.tickSize(), spec.priceScale());
        JsonObject quote = new JsonObject()
                .put("instrument_id", symbol)
                .put("instrument_name", symbol)
                .put("exchange_id", DiffFields.exchangeOf(symbol))
                .put("ins_class", "FUTURE")
                .put("expired", false)
                .put("price_tick", JsonNumber.of(tick))
                .put("price_decs", spec.priceScale())
                .put("volume_multiple", spec.volumeMultiple())
                .put("max_limit_order_volume", spec.maxOrderVolume())
                .put("max_market_order_volume", spec.maxOrderVolume())
                .put("min_limit_order_volume", spec.lotSize())
                .put("min_market_order_volume", spec.lotSize())
                .put("datetime", lastTimeNs == 0 ? "" : DATETIME.format(Instant.ofEpochSecond(0, lastTimeNs)))
                .put("last_price", DiffFields.price(spec, lastPriceTicks))
                .put("open", DiffFields.price(spec, openTicks))
                .put("highest", DiffFields.price(spec, highTicks))
                .put("lowest", DiffFields.price(spec, lowTicks))
                .put("close", JsonString.NOT_A_NUMBER)
                .put("settlement", JsonString.NOT_A_NUMBER)
                .put("pre_close", JsonString.NOT_A_NUMBER)
                .put("pre_open_interest", JsonString.NOT_A_NUMBER)
                .put("pre_settlement", DiffFields.price(spec, instrument.preSettlementPriceTicks()))
                .put("upper_limit", DiffFields.price(spec, instrument.upperLimitTicks()))
                .put("lower_limit", instrument.upperLimitTicks() == Long.MAX_VALUE ? JsonString.NOT_A_NUMBER
                        : DiffFields.price(spec, instrument.lowerLimitTicks()))
                .put("volume", volume)
                .put("amount", JsonNumber.of(tick.multiply(BigDecimal.valueOf(turnoverTicks))
                        .multiply(BigDecimal.valueOf(spec.volumeMultiple()))))
                .put("average", volume == 0 ? JsonString.NOT_A_NUMBER : JsonNumber.of(tick.multiply(
                        BigDecimal.valueOf(turnoverTicks)).divide(BigDecimal.valueOf(volume),
                        spec.priceScale() + 2, RoundingMode.HALF_EVEN)))
                .put("open_interest", openInterest);
        book.depth(depth);
        for (int level = 0; level < LEVELS; level++) {
            boolean bid = level < depth.bidLevels();
            boolean ask = level < depth.askLevels();
            quote.put("bid_price" + (level + 1), bid ? DiffFields.price(spec, depth.bidPrice(level))
                    : JsonString.NOT_A_NUMBER);
            quote.put("bid_volume" + (level + 1), bid ? depth.bidQuantity(level) : 0);
            quote.put("ask_price" + (level + 1), ask ? DiffFields.price(spec, depth.askPrice(level))
                    : JsonString.NOT_A_NUMBER);
            quote.put("ask_volume" + (level + 1), ask ? depth.askQuantity(level) : 0);
        }
        return quote;
    }

    static DepthSnapshot newDepth() {
        return new DepthSnapshot(LEVELS);
    }
}
