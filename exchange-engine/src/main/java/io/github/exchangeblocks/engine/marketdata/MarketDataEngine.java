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
        recordTick(tradeId, now, aggressorSide, price, volume);
        ticker.onTrade(now, price, volume, amount, version);
        quote.onTrade(price, volume, amount);
        quoteChanged(now);
    }

    /**
     * Adds the trade to the tape with the top of book it leaves: the book reports a trade before the level change
     * it causes, so the maker's side is read with the trade taken off its best level when that level is at the
     * trade price (an auction or a feed out of step leaves the mirror as it is).
     */
    private void recordTick(long tradeId, long now, Side aggressorSide, long price, long volume) {
        DepthSide makers = aggressorSide == Side.BUY ? depth.asks : depth.bids;
        DepthSide others = aggressorSide == Side.BUY ? depth.bids : depth.asks;
        long makerPrice = QuoteView.NULL_PRICE;
        long makerVolume = 0;
        int rank = 0;
        if (makers.levels() > 0 && makers.price(0) == price && makers.quantity(0) <= volume) {
            rank = 1;
        }
        if (makers.levels() > rank) {
            makerPrice = makers.price(rank);
            makerVolume = makers.quantity(rank) - (rank == 0 && makerPrice == price ? volume : 0);
        }
        long otherPrice = others.levels() > 0 ? others.price(0) : QuoteView.NULL_PRICE;
        long otherVolume = others.levels() > 0 ? others.quantity(0) : 0;
        if (aggressorSide == Side.BUY) {
            tape.add(tradeId, now, price, volume, aggressorSide, otherPrice, otherVolume, makerPrice, makerVolume);
        } else {
            tape.add(tradeId, now, price, volume, aggressorSide, makerPrice, makerVolume, otherPrice, otherVolume);
        }
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
