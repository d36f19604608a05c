package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * The book mirror: both {@link DepthSide}s, the update id, and the pending delta batch (one entry per distinct
 * level changed since the last drain, in the order of its first change, holding the level's latest state; a
 * per-side map from price to entry makes the batch collapse repeated changes). Grows to the working size and then
 * allocates nothing.
 */
final class DepthMirror implements DepthView {
    final DepthSide bids;
    final DepthSide asks;
    long lastUpdateId;
    long lastDrainedUpdateId;
    int pendingSize;
    byte[] pendingSides;
    long[] pendingPrices;
    long[] pendingQuantities;
    int[] pendingCounts;
    private final Long2IntOpenHashMap pendingBids;
    private final Long2IntOpenHashMap pendingAsks;

    DepthMirror(int expectedLevels) {
        bids = new DepthSide(Side.BUY, expectedLevels);
        asks = new DepthSide(Side.SELL, expectedLevels);
        int pending = Math.max(16, Math.min(expectedLevels, 1 << 16));
        pendingSides = new byte[pending];
        pendingPrices = new long[pending];
        pendingQuantities = new long[pending];
        pendingCounts = new int[pending];
        pendingBids = new Long2IntOpenHashMap(pending);
        pendingAsks = new Long2IntOpenHashMap(pending);
        pendingBids.defaultReturnValue(-1);
        pendingAsks.defaultReturnValue(-1);
    }

    DepthSide side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /**
     * Applies one level change.
     *
     * @return the level's rank (see {@link DepthSide#apply}) or {@link DepthSide#UNCHANGED}
     */
    int onLevel(Side side, long price, long quantity, int count) {
        int rank = side(side).apply(price, quantity, count);
        if (rank != DepthSide.UNCHANGED) {
            lastUpdateId++;
            record(side, price, quantity, count);
        }
        return rank;
    }

    /**
     * Makes the mirror hold exactly the levels of {@code snapshot} (a depth read from the book), recording each
     * difference as a change. Costs one scan of the snapshot per mirrored level: a resynchronisation path.
     *
     * @return the best rank touched, or {@link DepthSide#UNCHANGED}
     */
    int resync(DepthSnapshot snapshot) {
        int bid = resyncSide(bids, snapshot);
        int ask = resyncSide(asks, snapshot);
        return bid == DepthSide.UNCHANGED ? ask : ask == DepthSide.UNCHANGED ? bid : Math.min(bid, ask);
    }

    private int resyncSide(DepthSide levels, DepthSnapshot snapshot) {
        boolean bid = levels.side == Side.BUY;
        int given = bid ? snapshot.bidLevels() : snapshot.askLevels();
        int touched = DepthSide.UNCHANGED;
        for (int rank = levels.levels() - 1; rank >= 0; rank--) {
            long price = levels.price(rank);
            boolean kept = false;
            for (int level = 0; level < given && !kept; level++) {
                kept = (bid ? snapshot.bidPrice(level) : snapshot.askPrice(level)) == price;
            }
            if (!kept) {
                touched = lower(touched, onLevel(levels.side, price, 0, 0));
            }
        }
        for (int level = 0; level < given; level++) {
            touched = lower(touched, bid
                ? onLevel(Side.BUY, snapshot.bidPrice(level), snapshot.bidQuantity(level), snapshot.bidCount(level))
                : onLevel(Side.SELL, snapshot.askPrice(level), snapshot.askQuantity(level), snapshot.askCount(level)));
        }
        return touched;
    }

    private static int lower(int touched, int rank) {
        if (rank == DepthSide.UNCHANGED) {
            return touched;
        }
        return touched == DepthSide.UNCHANGED ? rank : Math.min(touched, rank);
    }

    void record(Side side, long price, long quantity, int count) {
        Long2IntOpenHashMap index = side == Side.BUY ? pendingBids : pendingAsks;
        int entry = index.get(price);
        if (entry < 0) {
            entry = pendingSize++;
            if (entry == pendingPrices.length) {
                int grown = entry * 2;
                pendingSides = Arrays.copyOf(pendingSides, grown);
                pendingPrices = Arrays.copyOf(pendingPrices, grown);
                pendingQuantities = Arrays.copyOf(pendingQuantities, grown);
                pendingCounts = Arrays.copyOf(pendingCounts, grown);
            }
            index.put(price, entry);
            pendingSides[entry] = side.code();
            pendingPrices[entry] = price;
        }
        pendingQuantities[entry] = quantity;
        pendingCounts[entry] = count;
    }

    boolean drain(DepthDeltaVisitor visitor) {
        if (!visitPendingDelta(visitor)) {
            return false;
        }
        clearPending();
        return true;
    }

    void clearPending() {
        pendingSize = 0;
        pendingBids.clear();
        pendingAsks.clear();
        lastDrainedUpdateId = lastUpdateId;
    }

    @Override
    public long lastUpdateId() {
        return lastUpdateId;
    }

    @Override
    public long pendingFirstUpdateId() {
        return lastDrainedUpdateId + 1;
    }

    @Override
    public int pendingLevels() {
        return pendingSize;
    }

    @Override
    public int levelCount(Side side) {
        return side(side).levels();
    }

    @Override
    public long price(Side side, int rank) {
        return side(checkRank(side, rank)).price(rank);
    }

    @Override
    public long quantity(Side side, int rank) {
        return side(checkRank(side, rank)).quantity(rank);
    }

    @Override
    public int orderCount(Side side, int rank) {
        return side(checkRank(side, rank)).count(rank);
    }

    @Override
    public long quantityAt(Side side, long price) {
        DepthSide levels = side(side);
        int rank = levels.rankOf(price);
        return rank < 0 ? 0 : levels.quantity(rank);
    }

    private Side checkRank(Side side, int rank) {
        int levels = side(side).levels();
        if (rank < 0 || rank >= levels) {
            throw new IndexOutOfBoundsException(side + " rank=" + rank + " must be in 0.." + (levels - 1));
        }
        return side;
    }

    @Override
    public DepthSnapshot depth(DepthSnapshot reuse) {
        reuse.clear();
        int bidLevels = Math.min(bids.levels(), reuse.capacity());
        for (int rank = 0; rank < bidLevels; rank++) {
            reuse.addBid(bids.price(rank), bids.quantity(rank), bids.count(rank));
        }
        int askLevels = Math.min(asks.levels(), reuse.capacity());
        for (int rank = 0; rank < askLevels; rank++) {
            reuse.addAsk(asks.price(rank), asks.quantity(rank), asks.count(rank));
        }
        return reuse;
    }

    @Override
    public int visitLevels(DepthLevelVisitor visitor) {
        for (int rank = 0; rank < bids.levels(); rank++) {
            visitor.onLevel(Side.BUY, rank, bids.price(rank), bids.quantity(rank), bids.count(rank));
        }
        for (int rank = 0; rank < asks.levels(); rank++) {
            visitor.onLevel(Side.SELL, rank, asks.price(rank), asks.quantity(rank), asks.count(rank));
        }
        return bids.levels() + asks.levels();
    }

    @Override
    public boolean visitPendingDelta(DepthDeltaVisitor visitor) {
        if (pendingSize == 0) {
            return false;
        }
        visitor.onBatch(lastDrainedUpdateId + 1, lastUpdateId, pendingSize);
        for (int entry = 0; entry < pendingSize; entry++) {
            visitor.onLevel(Side.fromCode(pendingSides[entry]), pendingPrices[entry], pendingQuantities[entry],
                pendingCounts[entry]);
        }
        return true;
    }
}
