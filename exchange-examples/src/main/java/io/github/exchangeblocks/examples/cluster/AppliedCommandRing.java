package io.github.exchangeblocks.examples.cluster;

/**
 * The most recent applied commands as their stream messages ({@link StreamMessages#COMMAND}), so that a replica
 * which missed some (a leader change, a slow session) can get "everything after sequence N" from any member: every
 * member applies the same commands, so every member's ring holds the same messages for the sequences it holds. A
 * member that started from a cluster snapshot holds only what it applied since.
 *
 * <p>Slots keep their arrays and grow them when a longer message comes, so appending allocates nothing once the
 * ring has seen its longest message. Not thread-safe (the service thread).
 */
final class AppliedCommandRing {
    private final byte[][] slots;
    private final int[] lengths;
    private long newest;
    private int size;

    /**
     * @param capacity the most messages held, at least 1
     * @param newest   the sequence of the last command already applied (0 for none); the ring starts empty
     */
    AppliedCommandRing(int capacity, long newest) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity=" + capacity + " must be >= 1");
        }
        this.slots = new byte[capacity][];
        this.lengths = new int[capacity];
        this.newest = newest;
    }

    /**
     * Adds the message of the next applied command, dropping the oldest if the ring is full.
     *
     * @param sequence must be {@link #newest()} + 1
     * @param message  the stream message; {@code length} bytes are copied
     */
    void append(long sequence, byte[] message, int length) {
        if (sequence != newest + 1) {
            throw new IllegalArgumentException("sequence=" + sequence + " must be " + (newest + 1));
        }
        int slot = slot(sequence);
        byte[] bytes = slots[slot];
        if (bytes == null || bytes.length < length) {
            bytes = new byte[Math.max(length, 64)];
            slots[slot] = bytes;
        }
        System.arraycopy(message, 0, bytes, 0, length);
        lengths[slot] = length;
        newest = sequence;
        size = Math.min(size + 1, slots.length);
    }

    /** @return the sequence of the last applied command */
    long newest() {
        return newest;
    }

    /** @return the sequence of the oldest message held ({@link #newest()} + 1 when empty) */
    long oldest() {
        return newest - size + 1;
    }

    /**
     * @param after a sequence a replica has applied
     * @return whether this ring holds every command after it (true when nothing came after it)
     */
    boolean covers(long after) {
        return after >= newest - size && after <= newest;
    }

    /**
     * @param sequence a sequence from {@link #oldest()} to {@link #newest()}
     * @return the array holding its message (valid until the ring wraps past it), from index 0
     */
    byte[] message(long sequence) {
        check(sequence);
        return slots[slot(sequence)];
    }

    /** @return the length of the message of {@code sequence} (from {@link #oldest()} to {@link #newest()}) */
    int length(long sequence) {
        check(sequence);
        return lengths[slot(sequence)];
    }

    private void check(long sequence) {
        if (sequence < oldest() || sequence > newest) {
            throw new IllegalArgumentException("sequence=" + sequence + " must be in " + oldest() + ".." + newest);
        }
    }

    private int slot(long sequence) {
        return (int) Math.floorMod(sequence, (long) slots.length);
    }
}
