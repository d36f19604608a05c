package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;
import io.github.exchangeblocks.engine.marketdata.KlineSeriesView;
import io.github.exchangeblocks.engine.marketdata.TickerView;
import io.github.exchangeblocks.engine.marketdata.TradeTapeView;
import io.github.exchangeblocks.engine.venue.VenueView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The trade, ticker, kline and mark-price channels of one instrument, read from the engine's market-data blocks
 * (trade tape, rolling ticker, kline series) and the venue's mark price. {@code @trades} sends each phase group of
 * connections ({@link ChannelsConfig#phaseGroups()}), in its window, every tick the tape recorded since that group's
 * last message, chained by tick ids ({@code firstTickId} = the previous {@code lastTickId} + 1). {@code @ticker}
 * and {@code @kline_<i>} send at most once per throttle interval per channel: a change inside the interval is sent
 * when it ends (the gateway's timer asks). A kline message carries
 * the current bar and, first, the previous bar with {@code closed:true} if it closed since the last message; a
 * bar whose period ended without a new trade is sent closed by the timer. {@code @markprice} sends the mark price
 * and the next settlement's estimate (the venue's rule: the day's last price, else the mark, else the previous
 * settlement) when either changes. Engine thread only.
 */
final class MarketFeed {
    private final int index;
    private final String symbol;
    private final InstrumentSpec spec;
    private final String tradesChannel;
    /** Per phase group: the topic of {@code @trades}. */
    private final String[] tradesTopics;
    private final String tickerTopic;
    private final String markTopic;
    private final long[] klineDurations;
    private final String[] klineTopics;
    private final long throttleNs;
    /** Per phase group: the last tick its {@code @trades} messages carried. */
    private final long[] publishedTickIds;
    private long tickerVersion;
    private long tickerSentNs;
    private boolean tickerPending;
    private final KlineState[] klines;
    private long markSent = -1;
    private long estimateSent = -1;

    private static final class KlineState {
        long sentVersion;
        long sentBarId = KlineSeriesView.NULL_ID;
        long closedBarId = KlineSeriesView.NULL_ID;
        long sentNs;
        boolean pending;
    }

    MarketFeed(int index, String symbol, InstrumentSpec spec, InstrumentMarketDataView data, long throttleNs,
               long nowNs, int groups) {
        this.index = index;
        this.symbol = symbol;
        this.spec = spec;
        this.throttleNs = throttleNs;
        this.tradesChannel = symbol + "@trades";
        this.tradesTopics = new String[groups];
        this.publishedTickIds = new long[groups];
        for (int group = 0; group < groups; group++) {
            tradesTopics[group] = ChannelName.phasedTopic(tradesChannel, group);
            publishedTickIds[group] = data.tape().lastTickId();
        }
        this.tickerTopic = symbol + "@ticker";
        this.markTopic = symbol + "@markprice";
        int count = data.klineDurationCount();
        this.klineDurations = new long[count];
        this.klineTopics = new String[count];
        this.klines = new KlineState[count];
        for (int k = 0; k < count; k++) {
            klineDurations[k] = data.klineDurationNs(k);
            klineTopics[k] = symbol + "@kline_" + KlineIntervals.name(klineDurations[k]);
            klines[k] = new KlineState();
            KlineSeriesView series = data.klines(klineDurations[k]);
            klines[k].sentBarId = series.lastId();
            klines[k].sentVersion = series.lastChangedVersion();
            klines[k].sentNs = nowNs - throttleNs;
        }
        this.tickerVersion = data.ticker().version();
        this.tickerSentNs = nowNs - throttleNs;
    }

    long[] klineDurations() {
        return klineDurations.clone();
    }

    /** @return true if the tape recorded trades that no {@code @trades} message to the group carried yet */
    boolean tradesPending(InstrumentMarketDataView data, int group) {
        return data.tape().lastTickId() != publishedTickIds[group];
    }

    /** To one group: every trade the tape recorded since its last {@code @trades} message, in one message. */
    void publishTrades(InstrumentMarketDataView data, Outbox out, int group, long timeMs) {
        long last = data.tape().lastTickId();
        if (last != publishedTickIds[group]) {
            if (out.interested(tradesTopics[group])) {
                out.add(tradesTopics[group], trades(data, "trades", publishedTickIds[group] + 1, last, timeMs,
                        out.allocator()));
            }
            publishedTickIds[group] = last;
        }
    }

    /** Batch end: the ticker and klines if their interval allows, and the mark price if it moved. */
    void publish(VenueView venue, Outbox out, long nowNs, long wallNs) {
        InstrumentMarketDataView data = venue.marketData(index);
        if (data.ticker().version() != tickerVersion) {
            tickerVersion = data.ticker().version();
            tickerPending = true;
        }
        publishThrottled(venue, out, nowNs, wallNs);
        publishMark(venue, out, wallNs / 1_000_000);
    }

    /** Timer (and batch end): what waited for its interval, and klines whose bar period ended. */
    void publishThrottled(VenueView venue, Outbox out, long nowNs, long wallNs) {
        InstrumentMarketDataView data = venue.marketData(index);
        if (tickerPending && nowNs - tickerSentNs >= throttleNs) {
            tickerPending = false;
            tickerSentNs = nowNs;
            if (out.interested(tickerTopic)) {
                out.add(tickerTopic, ticker(data, wallNs / 1_000_000, out.allocator()));
            }
        }
        for (int k = 0; k < klines.length; k++) {
            KlineState state = klines[k];
            KlineSeriesView series = data.klines(klineDurations[k]);
            if (series.lastChangedVersion() != state.sentVersion || series.lastId() != state.sentBarId) {
                state.pending = true;
            }
            boolean periodEnded = state.sentBarId != KlineSeriesView.NULL_ID && state.closedBarId != state.sentBarId
                    && wallNs >= (state.sentBarId + 1) * klineDurations[k];
            if ((state.pending || periodEnded) && nowNs - state.sentNs >= throttleNs) {
                if (out.interested(klineTopics[k])) {
                    out.add(klineTopics[k], kline(data, k, state, wallNs, out.allocator()));
                } else {
                    markSent(series, state, wallNs, k);
                }
                state.sentNs = nowNs;
                state.pending = false;
            }
        }
    }

    /** The snapshot a new subscriber gets. */
    ByteBuf snapshot(ChannelKind kind, String channel, long klineDurationNs, VenueView venue, int recentTrades,
                     long wallNs, ByteBufAllocator allocator) {
        InstrumentMarketDataView data = venue.marketData(index);
        return switch (kind) {
            case TRADES -> {
                long last = data.tape().lastTickId();
                yield trades(data, "snapshot", Math.max(1, last - recentTrades + 1), last, wallNs / 1_000_000,
                        allocator);
            }
            case TICKER -> ticker(data, wallNs / 1_000_000, allocator);
            case MARKPRICE -> mark(venue, wallNs / 1_000_000, allocator);
            case KLINE -> {
                KlineSeriesView series = data.klines(klineDurationNs);
                yield MessageWriter.channelBody(allocator, channel, symbol, wallNs / 1_000_000, "snapshot",
                        json -> {
                            json.writeStringField("interval", KlineIntervals.name(klineDurationNs));
                            json.writeArrayFieldStart("bars");
                            series.visitLast(1, (d, id, o, h, l, c, v, a, oi0, oi1) -> bar(json, d, id, o, h, l, c,
                                    v, a, oi1, wallNs >= (id + 1) * d));
                            json.writeEndArray();
                        });
            }
            default -> throw new IllegalArgumentException("kind=" + kind + " is not a market feed channel");
        };
    }

    private void publishMark(VenueView venue, Outbox out, long timeMs) {
        long mark = venue.markPriceTicks(index);
        long estimate = estimate(venue);
        if (mark != markSent || estimate != estimateSent) {
            markSent = mark;
            estimateSent = estimate;
            if (out.interested(markTopic)) {
                out.add(markTopic, mark(venue, timeMs, out.allocator()));
            }
        }
    }

    private long estimate(VenueView venue) {
        long last = venue.lastPriceTicks(index);
        if (last > 0) {
            return last;
        }
        long mark = venue.markPriceTicks(index);
        return mark > 0 ? mark : venue.registry().get(index).preSettlementPriceTicks();
    }

    private ByteBuf mark(VenueView venue, long timeMs, ByteBufAllocator allocator) {
        InstrumentMarketDataView data = venue.marketData(index);
        long mark = venue.markPriceTicks(index);
        long estimate = estimate(venue);
        long preSettlement = venue.registry().get(index).preSettlementPriceTicks();
        return MessageWriter.channelBody(allocator, markTopic, symbol, timeMs, "markprice",
                json -> {
                    json.writeStringField("markPrice", MessageWriter.price(spec, mark));
                    json.writeStringField("estimatedSettlement", MessageWriter.price(spec, estimate));
                    json.writeStringField("preSettlement", MessageWriter.price(spec, preSettlement));
                });
    }

    private ByteBuf trades(InstrumentMarketDataView data, String type, long from, long to, long timeMs,
                           ByteBufAllocator allocator) {
        TradeTapeView tape = data.tape();
        long first = Math.max(from, tape.firstTickId());
        return MessageWriter.channelBody(allocator, tradesChannel, symbol, timeMs, type,
                json -> {
                    if (!"snapshot".equals(type)) {
                        json.writeNumberField("firstTickId", first);
                    }
                    json.writeNumberField("lastTickId", to);
                    json.writeArrayFieldStart("trades");
                    tape.visit(first, to, (tickId, tradeId, timestampNs, price, volume, aggressor) -> tick(json, tickId,
                            tradeId, timestampNs, price, volume, aggressor));
                    json.writeEndArray();
                });
    }

    private ByteBuf ticker(InstrumentMarketDataView data, long timeMs, ByteBufAllocator allocator) {
        TickerView ticker = data.ticker();
        return MessageWriter.channelBody(allocator, tickerTopic, symbol, timeMs, "ticker",
                json -> {
                    json.writeNumberField("windowMs", ticker.windowNs() / 1_000_000);
                    json.writeStringField("open", MessageWriter.price(spec, ticker.open()));
                    json.writeStringField("high", MessageWriter.price(spec, ticker.high()));
                    json.writeStringField("low", MessageWriter.price(spec, ticker.low()));
                    json.writeStringField("last", MessageWriter.price(spec, ticker.last()));
                    json.writeNumberField("volume", ticker.volume());
                    json.writeStringField("turnover", turnover(ticker.amount()));
                    json.writeNumberField("count", ticker.tradeCount());
                });
    }

    private ByteBuf kline(InstrumentMarketDataView data, int k, KlineState state, long wallNs,
                          ByteBufAllocator allocator) {
        KlineSeriesView series = data.klines(klineDurations[k]);
        long previous = state.sentBarId;
        long closedBefore = state.closedBarId;
        markSent(series, state, wallNs, k);
        long current = series.lastId();
        return MessageWriter.channelBody(allocator, klineTopics[k], symbol, wallNs / 1_000_000, "kline",
                json -> {
                    json.writeStringField("interval", KlineIntervals.name(klineDurations[k]));
                    json.writeArrayFieldStart("bars");
                    if (previous != KlineSeriesView.NULL_ID && previous != current && closedBefore != previous) {
                        series.visit(previous, previous, (d, id, o, h, l, c, v, a, oi0, oi1) -> bar(json, d, id, o,
                                h, l, c, v, a, oi1, true));
                    }
                    series.visit(current, current, (d, id, o, h, l, c, v, a, oi0, oi1) -> bar(json, d, id, o, h, l,
                            c, v, a, oi1, wallNs >= (id + 1) * d));
                    json.writeEndArray();
                });
    }

    private static void markSent(KlineSeriesView series, KlineState state, long wallNs, int k) {
        state.sentVersion = series.lastChangedVersion();
        state.sentBarId = series.lastId();
        if (state.sentBarId != KlineSeriesView.NULL_ID && wallNs >= (state.sentBarId + 1) * series.durationNs()) {
            state.closedBarId = state.sentBarId;
        }
    }

    private void tick(JsonGenerator json, long tickId, long tradeId, long timestampNs, long price, long volume,
                      Side aggressor) {
        try {
            json.writeStartObject();
            json.writeNumberField("tick", tickId);
            json.writeNumberField("id", tradeId);
            json.writeNumberField("time", timestampNs / 1_000_000);
            json.writeStringField("price", MessageWriter.price(spec, price));
            json.writeNumberField("qty", volume);
            json.writeStringField("side", aggressor.name());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bar(JsonGenerator json, long durationNs, long id, long open, long high, long low, long close,
                     long volume, long amount, long openInterest, boolean closed) {
        try {
            writeBar(json, durationNs, id, open, high, low, close, volume, amount, openInterest, closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeBar(JsonGenerator json, long durationNs, long id, long open, long high, long low, long close,
                          long volume, long amount, long openInterest, boolean closed) throws IOException {
        json.writeStartObject();
        json.writeNumberField("start", id * (durationNs / 1_000_000));
        json.writeNumberField("end", (id + 1) * (durationNs / 1_000_000) - 1);
        json.writeStringField("open", MessageWriter.price(spec, open));
        json.writeStringField("high", MessageWriter.price(spec, high));
        json.writeStringField("low", MessageWriter.price(spec, low));
        json.writeStringField("close", MessageWriter.price(spec, close));
        json.writeNumberField("volume", volume);
        json.writeStringField("turnover", turnover(amount));
        json.writeNumberField("openInterest", openInterest);
        json.writeBooleanField("closed", closed);
        json.writeEndObject();
    }

    /** Price units times lots, in the quote currency: {@code amount * tickSize * volumeMultiple / 10^scale}. */
    private String turnover(long amount) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(spec.tickSize()))
                .multiply(BigDecimal.valueOf(spec.volumeMultiple())).movePointLeft(spec.priceScale())
                .toPlainString();
    }
}
