package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;

import java.util.Arrays;

/**
 * The sessions subscribed to one thing (an instrument's quote, a series, a user's trade data), in subscription
 * order, with O(1) add, remove and contains, so that closing N sessions costs O(N) in total, not O(N^2).
 *
 * <p>Storage: an insertion-ordered slot array (a removed session leaves an empty slot, reclaimed when the array is
 * compacted on a later add) and an open-addressing index keyed by the session id with backward-shift deletion.
 * Deterministic: hashing uses the id assigned in opening order, never an identity hash. Not thread-safe: the
 * manager's producer thread owns it.
 */
final class SessionSet {
    private static final int MIN_CAPACITY = 4;

    private DiffSession[] slots = new DiffSession[MIN_CAPACITY];
    private int[] index = new int[MIN_CAPACITY * 2];
    private int end;
    private int size;
    private int delivering;

    /**
     * Adds a session at the end of the order.
     *
     * @return {@code false} if it was already present
     */
    boolean add(DiffSession session) {
        if (find(session) >= 0) {
            return false;
        }
        if (end == slots.length) {
            if (size <= end / 2 && delivering == 0) {
                compact();
            } else {
                slots = Arrays.copyOf(slots, slots.length * 2);
                rebuildIndex();
            }
        }
        slots[end] = session;
        indexInsert(end);
        end++;
        size++;
        return true;
    }

    /**
     * Removes a session in O(1).
     *
     * @return {@code false} if it was not present
     */
    boolean remove(DiffSession session) {
        int position = find(session);
        if (position < 0) {
            return false;
        }
        slots[index[position] - 1] = null;
        size--;
        deleteIndexEntry(position);
        if (size == 0 && delivering == 0) {
            Arrays.fill(slots, 0, end, null);
            end = 0;
        }
        return true;
    }

    boolean contains(DiffSession session) {
        return find(session) >= 0;
    }

    int size() {
        return size;
    }

    /**
     * Composes one patch into every session, in subscription order. A session removed meanwhile (by a listener) is
     * skipped; one added meanwhile is not visited (its first answer already holds the change). A listener that
     * throws does not stop the others: the first exception is rethrown at the end, the rest suppressed in it.
     */
    void deliverToAll(JsonObject patch) {
        RuntimeException listenerFailure = null;
        int last = end;
        delivering++;
        try {
            for (int i = 0; i < last; i++) {
                DiffSession session = slots[i];
                if (session == null) {
                    continue;
                }
                try {
                    session.deliver(patch);
                } catch (RuntimeException e) {
                    if (listenerFailure == null) {
                        listenerFailure = e;
                    } else {
                        listenerFailure.addSuppressed(e);
                    }
                }
            }
        } finally {
            delivering--;
        }
        if (listenerFailure != null) {
            throw listenerFailure;
        }
    }

    private int find(DiffSession session) {
        int mask = index.length - 1;
        for (int h = home(session.id(), mask); ; h = (h + 1) & mask) {
            int entry = index[h];
            if (entry == 0) {
                return -1;
            }
            if (slots[entry - 1] == session) {
                return h;
            }
        }
    }

    private void indexInsert(int slot) {
        int mask = index.length - 1;
        int h = home(slots[slot].id(), mask);
        while (index[h] != 0) {
            h = (h + 1) & mask;
        }
        index[h] = slot + 1;
    }

    /** Linear-probing deletion that shifts later entries of the probe run back, so no tombstones are needed. */
    private void deleteIndexEntry(int position) {
        int mask = index.length - 1;
        int hole = position;
        index[hole] = 0;
        for (int j = (hole + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int home = home(slots[index[j] - 1].id(), mask);
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                index[hole] = index[j];
                index[j] = 0;
                hole = j;
            }
        }
    }

    private void compact() {
        int to = 0;
        for (int from = 0; from < end; from++) {
            if (slots[from] != null) {
                slots[to++] = slots[from];
            }
        }
        Arrays.fill(slots, to, end, null);
        end = to;
        rebuildIndex();
    }

    private void rebuildIndex() {
        index = new int[slots.length * 2];
        for (int i = 0; i < end; i++) {
            if (slots[i] != null) {
                indexInsert(i);
            }
        }
    }

    private static int home(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
