package io.github.exchangeblocks.examples.server.diff;

import java.util.Objects;

/**
 * What was last published of one DIFF object (an account, a position, a working order, a quote), member by member,
 * so that a later publish carries only the members whose value changed: a fill then sends the handful of account
 * figures it moved instead of the whole account, and the JSON of unchanged members is neither built nor copied nor
 * encoded. Members are numbered by the caller (at most 64); each holds the exact input it was published from (a
 * {@code long} such as minor units or ticks, or a text), compared before any JSON is made.
 *
 * <p>It must describe what the DIFF snapshot holds: the publisher drops it whenever the object leaves the snapshot
 * or a publish may have failed, and an object without one is published whole. Engine thread only.
 */
final class PublishedValues {
    private final long[] numbers;
    private String[] texts;
    private long published;

    /** @param members the number of members, 1 to 64 */
    PublishedValues(int members) {
        if (members < 1 || members > Long.SIZE) {
            throw new IllegalArgumentException("members=" + members + " must be in 1..64");
        }
        this.numbers = new long[members];
    }

    /** @return true until the first member was published: the caller then writes the object's fixed members too */
    boolean isNew() {
        return published == 0;
    }

    /**
     * Records a member's value.
     *
     * @param member the member's number
     * @param value  its value now
     * @return true if it was never published or differs from what was (the caller publishes it)
     */
    boolean changed(int member, long value) {
        long bit = 1L << member;
        if ((published & bit) != 0 && numbers[member] == value) {
            return false;
        }
        numbers[member] = value;
        published |= bit;
        return true;
    }

    /**
     * Records a text member's value.
     *
     * @param member the member's number
     * @param value  its value now, not {@code null}
     * @return true if it was never published or differs from what was
     */
    boolean changed(int member, String value) {
        long bit = 1L << member;
        if (texts == null) {
            texts = new String[numbers.length];
        }
        if ((published & bit) != 0 && Objects.equals(texts[member], value)) {
            return false;
        }
        texts[member] = value;
        published |= bit;
        return true;
    }
}
