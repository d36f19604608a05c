package io.github.exchangeblocks.examples.exchange;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An append-only list in fixed chunks of {@value #CHUNK} elements: adding never copies the elements already held,
 * where an {@code ArrayList} of a day's orders copies all of them each time it grows by half (a million references
 * and more in one step, some milliseconds on the engine thread at a busy user's day). Only the small array of
 * chunk references grows by copying.
 *
 * <p>Supports {@link #add}, {@link #get}, {@link #size}, {@link #clear} and what {@link AbstractList} builds on
 * them (iteration, {@code forEach}, equality); not thread-safe, and not for {@code null} elements.
 *
 * @param <E> the element type
 */
final class ChunkedList<E> extends AbstractList<E> implements RandomAccess {
    private static final int SHIFT = 12;
    static final int CHUNK = 1 << SHIFT;

    private Object[][] chunks = new Object[0][];
    private int size;

    @Override
    public boolean add(E element) {
        int chunk = size >>> SHIFT;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(4, chunks.length * 2));
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Object[CHUNK];
        }
        chunks[chunk][size & (CHUNK - 1)] = element;
        size++;
        modCount++;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index=" + index + " must be in [0, " + size + ")");
        }
        return (E) chunks[index >>> SHIFT][index & (CHUNK - 1)];
    }

    @Override
    public int size() {
        return size;
    }

    /** Empties the list and lets go of its chunks. */
    @Override
    public void clear() {
        chunks = new Object[0][];
        size = 0;
        modCount++;
    }
}
