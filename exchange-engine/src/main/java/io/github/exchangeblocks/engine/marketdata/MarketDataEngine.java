package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import java.nio.ByteBuffer;

/**
 * The one implementation of {@link InstrumentMarketData}: validates each input, clamps its time, counts the
 * version and routes the input to the parts (quote, klines, tape, ticker, depth mirror).
 */
final class MarketDataEngine implements InstrumentMarketData {
    final MarketDataSettings settings;
    final DepthMirror depth;
    final DayQuote quote;
    final KlineSet klines;
    final TradeTape tape;
    final RollingTicker ticker;
    long version;
    long timestampNs;

    MarketDataEngine(MarketDataSettings settings) {
        this.settings = settings;
        depth = new DepthMirror(settings.expectedDepthLevels());
        quote = new DayQuote(depth, settings.quoteLevels());
        klines = new KlineSet(settings.klineCapacity());
        for (long durationNs : settings.klineDurationsNs()) {
            klines.add(durationNs);
        }
        tape = new TradeTape(settings.tickCapacity());
        ticker = new RollingTicker(settings.tickerWindowNs(), settings.tickerBucketNs());
    }

    /** Checks the timestamp, counts a version and moves market-data time (and the ticker's window) forward. */
    private long begin(long inputNs) {
        if (inputNs < 0 || inputNs > MAX_TIMESTAMP_NS) {
            throw new IllegalArgumentException("timestampNs=" + inputNs + " must be in 0.." + MAX_TIMESTAMP_NS);
        }
        version++;
        if (inputNs > timestampNs) {
            timestampNs = inputNs;
            ticker.advance(inputNs, version);
        }
        return timestampNs;
    }

    private static void checkTimestamp(long inputNs) {
        if (inputNs < 0 || inputNs > MAX_TIMESTAMP_NS) {
            throw new IllegalArgumentException("timestampNs=" + inputNs + " must be in 0.." + MAX_TIMESTAMP_NS);
        }
    }

    private void quoteChanged(long now) {
        quote.version = version;
        quote.datetimeNs = now;
    }

    @Override
    public void onTrade(long inputNs, long tradeId, Side aggressorSide, long price, long volume) {
        checkTimestamp(inputNs);
        if (aggressorSide == null) {
            throw new IllegalArgumentException("aggressorSide=null must not be null");
        }
        requirePositive("price", price);
        requirePositive("volume", volume);
        if (price > Long.MAX_VALUE / volume) {
            throw new IllegalArgumentException("price*volume=" + price + "*" + volume + " must be <= "
                + Long.MAX_VALUE);
        }
        long amount = price * volume;
        long now = Math.max(inputNs, timestampNs);
        if (quote.amount > Long.MAX_VALUE - amount || ticker.amount > Long.MAX_VALUE - amount
            || !klines.amountFits(now, amount)) {
            throw new IllegalArgumentException("amount=" + amount + " must keep the running amounts <= "
                + Long.MAX_VALUE);
        }
        begin(inputNs);
        klines.onTrade(now, price, volume, amount, quote.openInterest, version);
        tape.add(tradeId, now, price, volume, aggressorSide);
        ticker.onTrade(now, price, volume, amount, version);
        quote.onTrade(price, volume, amount);
        quoteChanged(now);
    }

    @Override
    public void onTrade(long inputNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                        long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                        long takerRemaining) {
        onTrade(inputNs, tradeId, aggressorSide, price, quantity);
    }

    @Override
    public void onLevelChanged(long inputNs, long sequence, Side side, long price, long totalQuantity,
                               int orderCount) {
        checkTimestamp(inputNs);
        if (side == null) {
            throw new IllegalArgumentException("side=null must not be null");
        }
        requirePositive("price", price);
        if (totalQuantity < 0) {
            throw new IllegalArgumentException("totalQuantity=" + totalQuantity + " must be >= 0");
        }
        if (orderCount < 0 || (orderCount == 0) != (totalQuantity == 0)) {
            throw new IllegalArgumentException("orderCount=" + orderCount + " must be " + (totalQuantity == 0
                ? "0 when totalQuantity=0" : ">= 1 when totalQuantity=" + totalQuantity));
        }
        long now = begin(inputNs);
        int rank = depth.onLevel(side, price, totalQuantity, orderCount);
        if (rank != DepthSide.UNCHANGED && rank < quote.levels()) {
            quoteChanged(now);
        }
    }

    @Override
    public void onDepth(long inputNs, DepthSnapshot snapshot) {
        checkTimestamp(inputNs);
        if (snapshot == null) {
            throw new IllegalArgumentException("depth=null must not be null");
        }
        for (int level = 0; level < snapshot.bidLevels(); level++) {
            checkSnapshotLevel("bid", level, snapshot.bidPrice(level), snapshot.bidQuantity(level),
                snapshot.bidCount(level), level == 0 || snapshot.bidPrice(level) < snapshot.bidPrice(level - 1));
        }
        for (int level = 0; level < snapshot.askLevels(); level++) {
            checkSnapshotLevel("ask", level, snapshot.askPrice(level), snapshot.askQuantity(level),
                snapshot.askCount(level), level == 0 || snapshot.askPrice(level) > snapshot.askPrice(level - 1));
        }
        long now = begin(inputNs);
        int rank = depth.resync(snapshot);
        if (rank != DepthSide.UNCHANGED && rank < quote.levels()) {
            quoteChanged(now);
        }
    }

    private static void checkSnapshotLevel(String side, int level, long price, long quantity, int count,
                                           boolean ordered) {
        if (price <= 0 || quantity <= 0 || count <= 0) {
            throw new IllegalArgumentException("depth " + side + " level " + level + " (price=" + price
                + ", quantity=" + quantity + ", count=" + count + ") must have positive price, quantity and count");
        }
        if (!ordered) {
            throw new IllegalArgumentException("depth " + side + " level " + level + " price=" + price
                + " must be strictly worse than the level before");
        }
    }

    @Override
    public void onOpenInterest(long inputNs, long openInterest) {
        checkTimestamp(inputNs);
        if (openInterest < 0) {
            throw new IllegalArgumentException("openInterest=" + openInterest + " must be >= 0");
        }
        long now = begin(inputNs);
        klines.onOpenInterest(now, openInterest, version);
        if (quote.openInterest != openInterest) {
            quote.openInterest = openInterest;
            quoteChanged(now);
        }
    }

    @Override
    public void advanceTime(long inputNs) {
        begin(inputNs);
    }

    @Override
    public void setPriceLimits(long inputNs, long lowerLimit, long upperLimit) {
        checkTimestamp(inputNs);
        checkLimits(lowerLimit, upperLimit);
        long now = begin(inputNs);
        quote.lowerLimit = lowerLimit;
        quote.upperLimit = upperLimit;
        quoteChanged(now);
    }

    private static void checkLimits(long lowerLimit, long upperLimit) {
        requireOptionalPrice("lowerLimit", lowerLimit);
        requireOptionalPrice("upperLimit", upperLimit);
        if (lowerLimit != QuoteView.NULL_PRICE && upperLimit != QuoteView.NULL_PRICE && upperLimit < lowerLimit) {
            throw new IllegalArgumentException("upperLimit=" + upperLimit + " must be >= lowerLimit=" + lowerLimit);
        }
    }

    @Override
    public void setPreviousDay(long inputNs, long preClose, long preSettlement, long preOpenInterest) {
        checkTimestamp(inputNs);
        requireOptionalPrice("preClose", preClose);
        requireOptionalPrice("preSettlement", preSettlement);
        if (preOpenInterest < 0) {
            throw new IllegalArgumentException("preOpenInterest=" + preOpenInterest + " must be >= 0");
        }
        long now = begin(inputNs);
        quote.preClose = preClose;
        quote.preSettlement = preSettlement;
        quote.preOpenInterest = preOpenInterest;
        quoteChanged(now);
    }

    @Override
    public void settle(long inputNs, long settlementPrice) {
        checkTimestamp(inputNs);
        requirePositive("settlementPrice", settlementPrice);
        long now = begin(inputNs);
        quote.settle(settlementPrice);
        quoteChanged(now);
    }

    @Override
    public void startDay(long inputNs, long lowerLimit, long upperLimit) {
        checkTimestamp(inputNs);
        checkLimits(lowerLimit, upperLimit);
        long now = begin(inputNs);
        quote.startDay(lowerLimit, upperLimit);
        quoteChanged(now);
    }

    @Override
    public KlineSeriesView addKlineDuration(long durationNs) {
        return klines.add(durationNs);
    }

    @Override
    public boolean drainDepthDelta(DepthDeltaVisitor visitor) {
        return depth.drain(visitor);
    }

    @Override
    public int writeSnapshot(ByteBuffer target) {
        return MarketDataSnapshotWriter.write(this, target);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + "=" + value + " must be > 0");
        }
    }

    private static void requireOptionalPrice(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + "=" + value + " must be > 0 or NULL_PRICE (0)");
        }
    }

    @Override
    public long instrumentId() {
        return settings.instrumentId();
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public long timestampNs() {
        return timestampNs;
    }

    @Override
    public QuoteView quote() {
        return quote;
    }

    @Override
    public TickerView ticker() {
        return ticker;
    }

    @Override
    public TradeTapeView tape() {
        return tape;
    }

    @Override
    public DepthView depth() {
        return depth;
    }

    @Override
    public KlineSeriesView klines(long durationNs) {
        return klines.find(durationNs);
    }

    @Override
    public int klineDurationCount() {
        return klines.count();
    }

    @Override
    public long klineDurationNs(int index) {
        return klines.get(index).durationNs;
    }

    @Override
    public long stateHash() {
        return MarketDataStateHash.of(this);
    }

    @Override
    public int snapshotLength() {
        return MarketDataSnapshotWriter.length(this);
    }

    @Override
    public String toString() {
        return "InstrumentMarketData{instrumentId=" + settings.instrumentId() + ", version=" + version
            + ", timestampNs=" + timestampNs + ", lastPrice=" + quote.lastPrice + ", volume=" + quote.volume + '}';
    }
}
