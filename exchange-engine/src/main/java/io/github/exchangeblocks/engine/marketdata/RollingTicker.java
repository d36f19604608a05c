package io.github.exchangeblocks.engine.marketdata;

/**
 * The rolling ticker: a ring of per-bucket open/high/low/close/volume/amount/count records covering the window,
 * running window totals (added on a trade, subtracted when a bucket leaves), and two monotonic deques of bucket
 * serial numbers whose fronts are the window's highest and lowest buckets, so every operation is amortised O(1)
 * and exact. Buckets are numbered by a serial that grows by one per bucket created; a bucket's ring slot is its
 * serial modulo the capacity. Allocates nothing after construction.
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
    private final long[] maxDeque;
    private final long[] minDeque;
    private int maxHead;
    private int maxSize;
    private int minHead;
    private int minSize;
    long oldestSerial;
    int size;
    long volume;
    long amount;
    long tradeCount;
    long lastPrice;
    long asOfNs;
    long version;

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
        maxDeque = new long[capacity];
        minDeque = new long[capacity];
    }

    int slot(long serial) {
        return (int) (serial % capacity);
    }

    /** Moves the window's end to {@code nowNs}, dropping the buckets that left it. */
    void advance(long nowNs, long changeVersion) {
        asOfNs = nowNs;
        long horizon = nowNs - windowNs;
        while (size > 0) {
            int slot = slot(oldestSerial);
            if ((bucketIds[slot] + 1) * bucketNs - 1 > horizon) {
                break;
            }
            dropOldest(slot);
            version = changeVersion;
        }
    }

    private void dropOldest(int slot) {
        volume -= volumes[slot];
        amount -= amounts[slot];
        tradeCount -= counts[slot];
        if (maxSize > 0 && maxDeque[maxHead] == oldestSerial) {
            maxHead = next(maxHead);
            maxSize--;
        }
        if (minSize > 0 && minDeque[minHead] == oldestSerial) {
            minHead = next(minHead);
            minSize--;
        }
        oldestSerial++;
        size--;
    }

    /** Adds a trade at the window's end; {@link #advance} must have been called with its time. */
    void onTrade(long timestampNs, long price, long volume, long amount, long changeVersion) {
        long bucketId = Math.floorDiv(timestampNs, bucketNs);
        long serial = oldestSerial + size - 1;
        int slot = slot(serial);
        if (size == 0 || bucketIds[slot] != bucketId) {
            if (size == capacity) {
                dropOldest(slot(oldestSerial));
            }
            serial = oldestSerial + size;
            slot = slot(serial);
            size++;
            bucketIds[slot] = bucketId;
            opens[slot] = price;
            highs[slot] = price;
            lows[slot] = price;
            volumes[slot] = 0;
            amounts[slot] = 0;
            counts[slot] = 0;
            pushMax(serial, price);
            pushMin(serial, price);
        } else {
            if (price > highs[slot]) {
                highs[slot] = price;
                pushMax(serial, price);
            }
            if (price < lows[slot]) {
                lows[slot] = price;
                pushMin(serial, price);
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

    private void pushMax(long serial, long high) {
        while (maxSize > 0 && highs[slot(maxDeque[back(maxHead, maxSize)])] <= high) {
            maxSize--;
        }
        maxDeque[back(maxHead, maxSize + 1)] = serial;
        maxSize++;
    }

    private void pushMin(long serial, long low) {
        while (minSize > 0 && lows[slot(minDeque[back(minHead, minSize)])] >= low) {
            minSize--;
        }
        minDeque[back(minHead, minSize + 1)] = serial;
        minSize++;
    }

    private int back(int head, int count) {
        int index = head + count - 1;
        return index >= capacity ? index - capacity : index;
    }

    private int next(int index) {
        return index + 1 == capacity ? 0 : index + 1;
    }

    /** Rebuilds the deques from the bucket records (after a restore). */
    void rebuildDeques() {
        maxHead = 0;
        maxSize = 0;
        minHead = 0;
        minSize = 0;
        for (int i = 0; i < size; i++) {
            long serial = oldestSerial + i;
            pushMax(serial, highs[slot(serial)]);
            pushMin(serial, lows[slot(serial)]);
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
        return size == 0 ? QuoteView.NULL_PRICE : opens[slot(oldestSerial)];
    }

    @Override
    public long high() {
        return size == 0 ? QuoteView.NULL_PRICE : highs[slot(maxDeque[maxHead])];
    }

    @Override
    public long low() {
        return size == 0 ? QuoteView.NULL_PRICE : lows[slot(minDeque[minHead])];
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
