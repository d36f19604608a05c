package io.github.exchangeblocks.examples.exchange;

import java.util.Arrays;

/**
 * An insert-only map from 64-bit fingerprints to non-negative {@code int}s, by open addressing with linear probing,
 * each key stored beside its value in one {@code long[]}: a slot is two longs (16 bytes, never split across a
 * 64-byte cache line), so an insert into a table far larger than the caches misses the cache once, where a map
 * with separate key and value arrays misses it twice. Every {@code long} is a valid key, 0 included (a slot is
 * empty when its value word is 0; values are stored plus one). Grows (doubling) before an insert would make it
 * more than half full, so probe runs stay short; {@link #clear()} keeps the capacity.
 *
 * <p>Not thread-safe. Allocates only when it grows.
 */
final class FingerprintTable {
    /** What {@link #putIfAbsent} returns when the key was not there. */
    static final int ABSENT = -1;

    private static final int INITIAL_SLOTS = 16;
    private static final int MAX_SLOTS = 1 << 29;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] slots = new long[2 * INITIAL_SLOTS];
    private int shift = 64 - Integer.numberOfTrailingZeros(INITIAL_SLOTS);
    private int mask = INITIAL_SLOTS - 1;
    private int size;

    /**
     * Stores {@code value} under {@code key} unless the key is already there.
     *
     * @param key   any fingerprint
     * @param value {@code >= 0}
     * @return the value already stored under {@code key}, or {@link #ABSENT} after storing {@code value}
     * @throws IllegalArgumentException if {@code value} is negative
     * @throws IllegalStateException    if the table would need more than 2^29 slots (nothing is stored then)
     */
    int putIfAbsent(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value=" + value + " must be >= 0");
        }
        if (size >= (mask + 1) >>> 1) {
            grow();
        }
        long[] table = slots;
        int slot = home(key);
        long stored;
        while ((stored = table[2 * slot + 1]) != 0) {
            if (table[2 * slot] == key) {
                return (int) (stored - 1);
            }
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = value + 1L;
        size++;
        return ABSENT;
    }

    /** @return the number of keys stored */
    int size() {
        return size;
    }

    /** Removes every key; the capacity stays. */
    void clear() {
        if (size > 0) {
            Arrays.fill(slots, 0L);
            size = 0;
        }
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    private void grow() {
        int capacity = mask + 1;
        if (capacity >= MAX_SLOTS) {
            throw new IllegalStateException("more than " + (MAX_SLOTS >>> 1) + " fingerprints in one table");
        }
        long[] old = slots;
        slots = new long[4 * capacity];
        mask = 2 * capacity - 1;
        shift--;
        for (int i = 0; i < old.length; i += 2) {
            long stored = old[i + 1];
            if (stored != 0) {
                int slot = home(old[i]);
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = stored;
            }
        }
    }
}
