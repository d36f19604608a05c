package io.github.exchangeblocks.bench.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.marketdata.DepthDeltaVisitor;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketData;
import io.github.exchangeblocks.engine.marketdata.MarketData;
import io.github.exchangeblocks.engine.marketdata.MarketDataSettings;

/**
 * The benchmarks' market data and input cycle: three kline durations (1 minute, 5 minutes, 1 hour; 10,000 bars
 * each), a 10,000-tick tape, the default 24-hour ticker in one-minute buckets, 5 quote levels, and 4,096
 * precomputed inputs from a fixed-seed generator. Time moves 25 ms per input, so bars roll over, the ticker's window
 * fills and then drops a bucket a minute, and the rings wrap: the state is steady. The depth starts with 30 levels
 * a side around 75,000; a quarter of the level inputs remove a level (and later ones put it back).
 */
final class MarketDataStream implements DepthDeltaVisitor {
    static final int INPUTS = 4096;
    private static final long STEP_NS = 25_000_000L;
    private static final long MINUTE = MarketDataSettings.MINUTE_NS;
    private static final long MID = 75_000;

    final InstrumentMarketData data = MarketData.create(MarketDataSettings.builder().instrumentId(1)
        .klineDurationsNs(MINUTE, 5 * MINUTE, 60 * MINUTE).build());
    private final long[] prices = new long[INPUTS];
    private final long[] volumes = new long[INPUTS];
    private final Side[] sides = new Side[INPUTS];
    private final long[] levelPrices = new long[INPUTS];
    private final long[] levelQuantities = new long[INPUTS];
    private final int[] levelCounts = new int[INPUTS];
    private long time = 1_759_761_000_000_000_000L;
    private long tradeId;
    private int next;
    long drained;

    MarketDataStream() {
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < INPUTS; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (state >>> 33);
            prices[i] = MID + (r % 41) - 20;
            volumes[i] = 1 + (r >>> 8) % 5;
            sides[i] = (r & 1) == 0 ? Side.BUY : Side.SELL;
            int offset = 1 + (r >>> 12) % 30;
            levelPrices[i] = (r & 2) == 0 ? MID - offset : MID + offset;
            boolean remove = (r >>> 20) % 4 == 0;
            levelQuantities[i] = remove ? 0 : 1 + (r >>> 22) % 50;
            levelCounts[i] = remove ? 0 : 1 + (r >>> 24) % 5;
        }
        for (int offset = 1; offset <= 30; offset++) {
            data.onLevelChanged(time, 0, Side.BUY, MID - offset, 10, 1);
            data.onLevelChanged(time, 0, Side.SELL, MID + offset, 10, 1);
        }
        data.drainDepthDelta(this);
    }

    /** One trade; returns the quote's volume. */
    long trade() {
        int i = next++ & (INPUTS - 1);
        time += STEP_NS;
        data.onTrade(time, ++tradeId, sides[i], prices[i], volumes[i]);
        return data.quote().volume();
    }

    /** One trade and the open interest after it; returns the quote's open interest. */
    long tradeWithOpenInterest() {
        int i = next++ & (INPUTS - 1);
        time += STEP_NS;
        data.onTrade(time, ++tradeId, sides[i], prices[i], volumes[i]);
        data.onOpenInterest(time, 10_000 + (i & 63));
        return data.quote().openInterest();
    }

    /** One level event, and every 16th a drain of the delta batch; returns the depth's update id. */
    long level() {
        int n = next++;
        int i = n & (INPUTS - 1);
        time += STEP_NS;
        long price = levelPrices[i];
        data.onLevelChanged(time, n, price < MID ? Side.BUY : Side.SELL, price, levelQuantities[i], levelCounts[i]);
        if ((n & 15) == 15) {
            data.drainDepthDelta(this);
        }
        return data.depth().lastUpdateId();
    }

    @Override
    public void onLevel(Side side, long price, long quantity, int orderCount) {
        drained += quantity;
    }
}
