package io.github.exchangeblocks.engine.marketdata;

/**
 * The bars of one duration in a preallocated ring of primitive arrays, oldest at {@code head}. A trade either
 * updates the newest bar (same id) or opens a new one, dropping the oldest when the ring is full; since market-data
 * time never goes backward, ids only grow. Allocates nothing after construction.
 */
final class KlineSeries implements KlineSeriesView {
    final long durationNs;
    final int capacity;
    final long[] ids;
    final long[] opens;
    final long[] highs;
    final long[] lows;
    final long[] closes;
    final long[] volumes;
    final long[] amounts;
    final long[] openOis;
    final long[] closeOis;
    final long[] versions;
    int head;
    int size;
    /** Where the newest bar's period ends (exclusive): a later time in it needs no division to find its bar. */
    private long currentEndNs;

    KlineSeries(long durationNs, int capacity) {
        this.durationNs = durationNs;
        this.capacity = capacity;
        ids = new long[capacity];
        opens = new long[capacity];
        highs = new long[capacity];
        lows = new long[capacity];
        closes = new long[capacity];
        volumes = new long[capacity];
        amounts = new long[capacity];
        openOis = new long[capacity];
        closeOis = new long[capacity];
        versions = new long[capacity];
    }

    long idOf(long timestampNs) {
        return Math.floorDiv(timestampNs, durationNs);
    }

    /** The ring slot of the bar at logical position {@code index} (0 = oldest). */
    int slot(int index) {
        int slot = head + index;
        return slot >= capacity ? slot - capacity : slot;
    }

    /**
     * True when a trade at {@code timestampNs} (not before the newest bar's trades: market-data time never goes
     * backward) falls in the newest bar.
     */
    boolean joinsCurrentBar(long timestampNs) {
        return size > 0 && timestampNs < currentEndNs;
    }

    /** Recomputes the newest bar's end after its ids were loaded from a snapshot. */
    void restored() {
        if (size > 0) {
            currentEndNs = (ids[slot(size - 1)] + 1) * durationNs;
        }
    }

    long currentAmount() {
        return amounts[slot(size - 1)];
    }

    void onTrade(long timestampNs, long price, long volume, long amount, long openInterest, long version) {
        if (joinsCurrentBar(timestampNs)) {
            int last = slot(size - 1);
            highs[last] = Math.max(highs[last], price);
            lows[last] = Math.min(lows[last], price);
            closes[last] = price;
            volumes[last] += volume;
            amounts[last] += amount;
            versions[last] = version;
            return;
        }
        long id = idOf(timestampNs);
        currentEndNs = (id + 1) * durationNs;
        int slot;
        if (size == capacity) {
            slot = head;
            head = slot(1);
        } else {
            slot = slot(size);
            size++;
        }
        ids[slot] = id;
        opens[slot] = price;
        highs[slot] = price;
        lows[slot] = price;
        closes[slot] = price;
        volumes[slot] = volume;
        amounts[slot] = amount;
        openOis[slot] = openInterest;
        closeOis[slot] = openInterest;
        versions[slot] = version;
    }

    void onOpenInterest(long timestampNs, long openInterest, long version) {
        if (joinsCurrentBar(timestampNs)) {
            int last = slot(size - 1);
            if (closeOis[last] != openInterest) {
                closeOis[last] = openInterest;
                versions[last] = version;
            }
        }
    }

    @Override
    public long durationNs() {
        return durationNs;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long firstId() {
        return size == 0 ? NULL_ID : ids[head];
    }

    @Override
    public long lastId() {
        return size == 0 ? NULL_ID : ids[slot(size - 1)];
    }

    @Override
    public long lastChangedVersion() {
        return size == 0 ? 0 : versions[slot(size - 1)];
    }

    @Override
    public int visit(long fromId, long toId, KlineVisitor visitor) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ids[slot(mid)] < fromId) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int visited = 0;
        for (int index = low; index < size; index++) {
            int slot = slot(index);
            if (ids[slot] > toId) {
                break;
            }
            emit(slot, visitor);
            visited++;
        }
        return visited;
    }

    @Override
    public int visitLast(int count, KlineVisitor visitor) {
        int first = size - Math.max(0, Math.min(count, size));
        for (int index = first; index < size; index++) {
            emit(slot(index), visitor);
        }
        return size - first;
    }

    @Override
    public int visitChangedSince(long version, KlineVisitor visitor) {
        int first = size;
        while (first > 0 && versions[slot(first - 1)] > version) {
            first--;
        }
        for (int index = first; index < size; index++) {
            emit(slot(index), visitor);
        }
        return size - first;
    }

    private void emit(int slot, KlineVisitor visitor) {
        visitor.onBar(durationNs, ids[slot], opens[slot], highs[slot], lows[slot], closes[slot], volumes[slot],
            amounts[slot], openOis[slot], closeOis[slot]);
    }
}
