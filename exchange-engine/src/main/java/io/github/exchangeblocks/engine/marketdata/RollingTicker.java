package io.github.exchangeblocks.engine.marketdata;

/**
 * The rolling ticker: a ring of per-bucket open/high/low/close/volume/amount/count records covering the window,
 * running window totals (added on a trade, subtracted when a bucket leaves), and two monotonic deques of bucket
 * slots whose fronts are the window's highest and lowest buckets, so every operation is amortised O(1)
 * and exact. The deques hold ring slots: a slot is reused only after its bucket left the window, and a bucket
 * that leaves is the oldest, so it is either at the front of a deque (and popped with it) or in neither. Allocates
 * nothing after construction.
 */
final class RollingTicker implements TickerView {
    final long windowNs;
    final long bucketNs;
    final int capacity;
    final long[] bucketIds;
    final long[] opens;
    final long[] highs;
    final long[] lows;
    final long[] closes;
    final long[] volumes;
    final long[] amounts;
    final long[] counts;
    private final int[] maxDeque;
    private final int[] minDeque;
    private int maxHead;
    private int maxSize;
    private int minHead;
    private int minSize;
    /** The oldest bucket's slot. */
    int head;
    int size;
    long volume;
    long amount;
    long tradeCount;
    long lastPrice;
    long asOfNs;
    long version;
    /** Where the newest bucket ends (exclusive): a later trade before it joins that bucket without a division. */
    private long newestEndNs;

    RollingTicker(long windowNs, long bucketNs) {
        this.windowNs = windowNs;
        this.bucketNs = bucketNs;
        capacity = (int) (windowNs / bucketNs + 2);
        bucketIds = new long[capacity];
        opens = new long[capacity];
        highs = new long[capacity];
        lows = new long[capacity];
        closes = new long[capacity];
        volumes = new long[capacity];
        amounts = new long[capacity];
        counts = new long[capacity];
        maxDeque = new int[capacity];
        minDeque = new int[capacity];
    }

    /** The slot of the bucket at logical position {@code index} (0 = oldest). */
    int slot(int index) {
        int slot = head + index;
        return slot >= capacity ? slot - capacity : slot;
    }

    /** Moves the window's end to {@code nowNs}, dropping the buckets that left it. */
    void advance(long nowNs, long changeVersion) {
        asOfNs = nowNs;
        long horizon = nowNs - windowNs;
        while (size > 0) {
            if ((bucketIds[head] + 1) * bucketNs - 1 > horizon) {
                break;
            }
            dropOldest();
            version = changeVersion;
        }
    }

    private void dropOldest() {
        int slot = head;
        volume -= volumes[slot];
        amount -= amounts[slot];
        tradeCount -= counts[slot];
        if (maxSize > 0 && maxDeque[maxHead] == slot) {
            maxHead = next(maxHead);
            maxSize--;
        }
        if (minSize > 0 && minDeque[minHead] == slot) {
            minHead = next(minHead);
            minSize--;
        }
        head = next(head);
        size--;
    }

    /** Adds a trade at the window's end; {@link #advance} must have been called with its time. */
    void onTrade(long timestampNs, long price, long volume, long amount, long changeVersion) {
        int slot;
        if (size == 0 || timestampNs >= newestEndNs) {
            long bucketId = Math.floorDiv(timestampNs, bucketNs);
            newestEndNs = (bucketId + 1) * bucketNs;
            if (size == capacity) {
                dropOldest();
            }
            slot = slot(size);
            size++;
            bucketIds[slot] = bucketId;
            opens[slot] = price;
            highs[slot] = price;
            lows[slot] = price;
            volumes[slot] = 0;
            amounts[slot] = 0;
            counts[slot] = 0;
            pushMax(slot, price);
            pushMin(slot, price);
        } else {
            slot = slot(size - 1);
            if (price > highs[slot]) {
                highs[slot] = price;
                pushMax(slot, price);
            }
            if (price < lows[slot]) {
                lows[slot] = price;
                pushMin(slot, price);
            }
        }
        closes[slot] = price;
        volumes[slot] += volume;
        amounts[slot] += amount;
        counts[slot]++;
        this.volume += volume;
        this.amount += amount;
        tradeCount++;
        lastPrice = price;
        version = changeVersion;
    }

    private void pushMax(int slot, long high) {
        while (maxSize > 0 && highs[maxDeque[back(maxHead, maxSize)]] <= high) {
            maxSize--;
        }
        maxDeque[back(maxHead, maxSize + 1)] = slot;
        maxSize++;
    }

    private void pushMin(int slot, long low) {
        while (minSize > 0 && lows[minDeque[back(minHead, minSize)]] >= low) {
            minSize--;
        }
        minDeque[back(minHead, minSize + 1)] = slot;
        minSize++;
    }

    private int back(int head, int count) {
        int index = head + count - 1;
        return index >= capacity ? index - capacity : index;
    }

    private int next(int index) {
        return index + 1 == capacity ? 0 : index + 1;
    }

    /** Rebuilds the deques and the newest bucket's end from the bucket records (after a restore). */
    void rebuildDeques() {
        if (size > 0) {
            newestEndNs = (bucketIds[slot(size - 1)] + 1) * bucketNs;
        }
        maxHead = 0;
        maxSize = 0;
        minHead = 0;
        minSize = 0;
        for (int i = 0; i < size; i++) {
            int slot = slot(i);
            pushMax(slot, highs[slot]);
            pushMin(slot, lows[slot]);
        }
    }

    @Override
    public long windowNs() {
        return windowNs;
    }

    @Override
    public long bucketNs() {
        return bucketNs;
    }

    @Override
    public long asOfNs() {
        return asOfNs;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public long open() {
        return size == 0 ? QuoteView.NULL_PRICE : opens[head];
    }

    @Override
    public long high() {
        return size == 0 ? QuoteView.NULL_PRICE : highs[maxDeque[maxHead]];
    }

    @Override
    public long low() {
        return size == 0 ? QuoteView.NULL_PRICE : lows[minDeque[minHead]];
    }

    @Override
    public long last() {
        return lastPrice;
    }

    @Override
    public long volume() {
        return volume;
    }

    @Override
    public long amount() {
        return amount;
    }

    @Override
    public long tradeCount() {
        return tradeCount;
    }
}
