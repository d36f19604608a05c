package io.github.exchangeblocks.examples.exchange;

import java.util.Arrays;

/**
 * A user's client order ids of the day that are a counter: one fixed prefix followed by a decimal number, as CTP's
 * {@code OrderRef}, most FIX gateways' {@code ClOrdID} and most trading programs make them ({@code "o1"},
 * {@code "o2"}, ...). Each is one bit in a window of numbers, so a day of a million such ids takes 125 KB (in cache)
 * where a hash table of their fingerprints takes some 16 MB (one cache miss per order) and stalls the engine for
 * milliseconds each time it doubles.
 *
 * <p><b>Which ids are held here</b> is fixed by the first id in counter form of the day: its prefix becomes the
 * counter's prefix and a window of {@code windowSize} numbers opens just below its number ({@code slack} numbers
 * below, for a counter that restarts a little lower). From then on an id is held here if and only if it is that
 * prefix followed by a number in the window, written without leading zeros (so each such string is exactly one
 * number, and each number one string) in at most 18 digits; {@link #add} answers {@link #NOT_HELD} for every other
 * id, which the caller keeps elsewhere. Because the rule never changes during the day, an id always finds the same
 * home. The bits are grown as the numbers reach them (doubling, at most {@code windowSize / 8} bytes).
 *
 * <p>Not thread-safe: the engine thread's alone. Allocates only when the bits grow.
 */
final class CounterIds {
    /** {@link #add}: the id was new and is now held. */
    static final int ADDED = 0;
    /** {@link #add}: the id is held already (used earlier today). */
    static final int TAKEN = 1;
    /** {@link #add}: the id is not in this counter's form or window; nothing recorded. */
    static final int NOT_HELD = 2;

    /** Numbers a day's counter may span: 16,777,216, at most 2 MiB of bits. */
    static final long DEFAULT_WINDOW = 1L << 24;
    /** How far below its first number a counter may go and still be held. */
    static final long DEFAULT_SLACK = 1 << 10;

    private static final int MAX_DIGITS = 18;
    private static final int FIRST_WORDS = 64;

    private final long windowSize;
    private final long slack;
    private String prefix;
    private long windowStart;
    private long[] words;

    CounterIds() {
        this(DEFAULT_WINDOW, DEFAULT_SLACK);
    }

    /**
     * @param windowSize how many numbers the counter may span, a positive multiple of 64
     * @param slack      how many numbers below the first one are held too, {@code 0 <= slack < windowSize}
     */
    CounterIds(long windowSize, long slack) {
        if (windowSize <= 0 || windowSize % 64 != 0 || slack < 0 || slack >= windowSize) {
            throw new IllegalArgumentException("windowSize=" + windowSize + " must be a positive multiple of 64 and "
                    + "slack=" + slack + " in [0, windowSize)");
        }
        this.windowSize = windowSize;
        this.slack = slack;
    }

    /**
     * Records the id if it is this counter's and new.
     *
     * @param id a client order id, not {@code null}
     * @return {@link #ADDED}, {@link #TAKEN} or {@link #NOT_HELD}
     */
    int add(String id) {
        int digits = id.length();
        while (digits > 0 && isDigit(id.charAt(digits - 1))) {
            digits--;
        }
        int length = id.length() - digits;
        if (length == 0 || length > MAX_DIGITS || length > 1 && id.charAt(digits) == '0') {
            return NOT_HELD;
        }
        if (prefix != null && (prefix.length() != digits || !id.startsWith(prefix))) {
            return NOT_HELD;
        }
        long number = 0;
        for (int i = digits; i < id.length(); i++) {
            number = number * 10 + (id.charAt(i) - '0');
        }
        if (prefix == null) {
            open(id.substring(0, digits), number);
        }
        long offset = number - windowStart;
        if (offset < 0 || offset >= windowSize) {
            return NOT_HELD;
        }
        int word = (int) (offset >>> 6);
        if (word >= words.length) {
            words = Arrays.copyOf(words, (int) Math.min(Math.max(words.length * 2L, word + 1L), windowSize / 64));
        }
        long bit = 1L << offset;
        if ((words[word] & bit) != 0) {
            return TAKEN;
        }
        words[word] |= bit;
        return ADDED;
    }

    /** Forgets every id and the counter's prefix: the next day's first counter id opens a new window. */
    void clear() {
        prefix = null;
        words = null;
    }

    private void open(String counterPrefix, long firstNumber) {
        prefix = counterPrefix;
        windowStart = Math.max(0, firstNumber - slack);
        words = new long[(int) Math.min(FIRST_WORDS, windowSize / 64)];
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
