package io.github.exchangeblocks.examples.exchange;

/**
 * A map from 64-bit fingerprints to non-negative {@code int} values that grows in small steps: an extendible hash
 * table. Keys live in segments of at most {@code segmentSlots} slots, found through a directory by the key's top
 * bits; a full segment splits in two by one more bit (rehashing only its own entries, a few microseconds), and
 * the directory doubles when a segment outgrows it (copying references only). A table that doubles as a whole
 * instead stops its thread for milliseconds once it holds some hundred thousand entries (rehashing all of them
 * into a freshly zeroed array of twice the size), which an engine thread cannot afford.
 *
 * <p>Each slot is two adjacent {@code long}s, key and value, so a probe reads one cache line. Keys are mixed by a
 * bijection before they are placed (any set of distinct fingerprints spreads over the directory and the slots,
 * even fingerprints that differ only in their low bits); the mixed key 0 marks an empty slot, so the one
 * fingerprint that mixes to 0 is stored as the one that mixes to 1: the two share an entry, as colliding
 * fingerprints do, and the caller tells them apart as it does any collision. A segment that can no longer split
 * ({@code maxDepth} bits) doubles instead, so no set of keys makes an insert fail.
 *
 * <p>Not thread-safe. Allocates when a segment grows or splits and when the directory doubles.
 */
final class FingerprintTable {
    /** Returned by {@link #putIfAbsent} when the key was not there. */
    static final int NOT_FOUND = -1;

    /** 4,096 slots of 16 bytes: a split moves at most 3,072 entries. */
    static final int DEFAULT_SEGMENT_SLOTS = 4096;
    /** A directory of at most 65,536 segments (some 200 million entries before segments grow whole). */
    static final int DEFAULT_MAX_DEPTH = 16;
    private static final int FIRST_SLOTS = 16;

    private final int segmentSlots;
    private final int maxDepth;
    private Segment[] directory;
    private int globalDepth;
    private int size;

    FingerprintTable() {
        this(DEFAULT_SEGMENT_SLOTS, DEFAULT_MAX_DEPTH);
    }

    /**
     * @param segmentSlots the slots of a segment that splits when full, a power of two {@code >= 16}
     * @param maxDepth     the most key bits the directory uses, {@code 1..20} (a directory of {@code 2^maxDepth}
     *                     references at most); tests use few to make segments that cannot split
     */
    FingerprintTable(int segmentSlots, int maxDepth) {
        if (segmentSlots < FIRST_SLOTS || Integer.bitCount(segmentSlots) != 1 || maxDepth < 1 || maxDepth > 20) {
            throw new IllegalArgumentException("segmentSlots=" + segmentSlots + " must be a power of two >= "
                    + FIRST_SLOTS + " and maxDepth=" + maxDepth + " in 1..20");
        }
        this.segmentSlots = segmentSlots;
        this.maxDepth = maxDepth;
        clear();
    }

    /**
     * Puts the value under the fingerprint unless the fingerprint is there.
     *
     * @param fingerprint any {@code long}
     * @param value       {@code >= 0}
     * @return the value already under the fingerprint, or {@link #NOT_FOUND} after putting {@code value}
     */
    int putIfAbsent(long fingerprint, int value) {
        long key = mix(fingerprint);
        if (key == 0) {
            key = 1;
        }
        while (true) {
            Segment segment = directory[directoryIndex(key)];
            long[] slots = segment.slots;
            int mask = (slots.length >> 1) - 1;
            int slot = (int) key & mask;
            long k;
            while ((k = slots[slot << 1]) != 0) {
                if (k == key) {
                    return (int) slots[(slot << 1) + 1];
                }
                slot = (slot + 1) & mask;
            }
            if (segment.size < (slots.length >> 1) - (slots.length >> 3)) {
                slots[slot << 1] = key;
                slots[(slot << 1) + 1] = value;
                segment.size++;
                size++;
                return NOT_FOUND;
            }
            grow(segment, key);
        }
    }

    /** The directory entry of a mixed key: its top {@code globalDepth} bits. */
    private int directoryIndex(long key) {
        return globalDepth == 0 ? 0 : (int) (key >>> (64 - globalDepth));
    }

    /** @return how many fingerprints are held */
    int size() {
        return size;
    }

    /** Removes every entry and gives back the memory beyond one small segment. */
    void clear() {
        directory = new Segment[] {new Segment(0, FIRST_SLOTS)};
        globalDepth = 0;
        size = 0;
    }

    /**
     * Makes room in a full segment: a larger one while small or unsplittable, otherwise two by one more bit.
     *
     * @param key a mixed key whose directory entry points at {@code full}
     */
    private void grow(Segment full, long key) {
        int capacity = full.slots.length >> 1;
        if (capacity < segmentSlots || full.depth == maxDepth) {
            Segment larger = new Segment(full.depth, capacity * 2);
            full.moveTo(larger, null, 0);
            replace(full, key, larger, larger);
            return;
        }
        if (full.depth == globalDepth) {
            Segment[] doubled = new Segment[directory.length * 2];
            for (int i = 0; i < doubled.length; i++) {
                doubled[i] = directory[i >> 1];
            }
            directory = doubled;
            globalDepth++;
        }
        int depth = full.depth + 1;
        Segment zero = new Segment(depth, capacity);
        Segment one = new Segment(depth, capacity);
        full.moveTo(zero, one, 64 - depth);
        replace(full, key, zero, one);
    }

    /**
     * Points the directory's entries for {@code old} at {@code zero} or {@code one} by the bit that the new
     * segments' depth adds (the same segment twice when it did not split). Those entries are the
     * {@code 2^(globalDepth - old.depth)} that share the top {@code old.depth} bits of {@code key}: the first half
     * has the added bit clear.
     */
    private void replace(Segment old, long key, Segment zero, Segment one) {
        int span = 1 << (globalDepth - old.depth);
        int start = directoryIndex(key) & -span;
        int half = start + (span >> 1);
        for (int i = start; i < start + span; i++) {
            directory[i] = i < half ? zero : one;
        }
    }

    /** A bijection on longs (two xor-shift-multiply rounds), so distinct fingerprints stay distinct. */
    private static long mix(long x) {
        x = (x ^ (x >>> 32)) * 0xd6e8feb86659fd93L;
        x = (x ^ (x >>> 32)) * 0xd6e8feb86659fd93L;
        return x ^ (x >>> 32);
    }

    /** Open-addressing slots with linear probing: key at {@code 2i}, value at {@code 2i + 1}. */
    private static final class Segment {
        final int depth;
        final long[] slots;
        int size;

        Segment(int depth, int capacity) {
            this.depth = depth;
            this.slots = new long[capacity * 2];
        }

        /**
         * Inserts every entry into {@code zero}, or into {@code one} when the key's bit {@code bit} is set.
         *
         * @param one {@code null} to move everything into {@code zero}
         */
        void moveTo(Segment zero, Segment one, int bit) {
            for (int i = 0; i < slots.length; i += 2) {
                long key = slots[i];
                if (key != 0) {
                    (one != null && ((key >>> bit) & 1) != 0 ? one : zero).insert(key, slots[i + 1]);
                }
            }
        }

        private void insert(long key, long value) {
            int mask = (slots.length >> 1) - 1;
            int slot = (int) key & mask;
            while (slots[slot << 1] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot << 1] = key;
            slots[(slot << 1) + 1] = value;
            size++;
        }
    }
}
