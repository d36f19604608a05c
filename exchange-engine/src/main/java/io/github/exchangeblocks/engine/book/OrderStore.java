package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import java.util.Arrays;

/**
 * Every working order of one book as a fixed-size record of eight {@code long}s in one primitive array, addressed
 * by an {@code int} handle, plus the order's FIFO links in a second, dense array. Records are recycled through a
 * free list threaded through the links.
 *
 * <p>Why primitives: the book's records live as long as the host, so they end up in the old generation, where
 * every object reference stored into them would pass the collector's card-marking write barrier. Here linking,
 * unlinking and filling orders store only {@code long}s, and one order's fields share one or two cache lines.
 * The array grows by doubling (the only allocation) when more orders are live than ever before.
 *
 * <pre>
 *   record (8 longs)  0 orderId | 1 ownerId | 2 price | 3 remaining
 *                     4 terms: side, type, timeInForce, selfTradePrevention ordinals and postOnly, 4 bits each
 *                     5 timestampNs | 6 arrival | 7 unused (keeps the stride a power of two: one cache line)
 *   links (1 long)    previous handle in the high 32 bits, next handle in the low 32 bits
 * </pre>
 *
 * <p>The links live apart because linking and unlinking an order rewrites its neighbours' links: in the dense
 * array those are eight bytes each, which stay in cache far better than the neighbours' whole records would. The
 * fields a command reads (id, owner, price, remaining, terms) come first in the record.
 *
 * <p>Handle {@link #NIL} (0) is never issued: it ends lists. At most about 2^28 orders can be live at once (the
 * array's limit); acquiring beyond that throws {@link IllegalStateException}. Touched only by the book's thread.
 */
final class OrderStore {
    /** The handle that names no order. */
    static final int NIL = 0;

    private static final int SHIFT = 3;
    private static final int ORDER_ID = 0;
    private static final int OWNER_ID = 1;
    private static final int PRICE = 2;
    private static final int REMAINING = 3;
    private static final int TERMS = 4;
    private static final int TIMESTAMP = 5;
    private static final int ARRIVAL = 6;
    private static final long LOW = 0xFFFF_FFFFL;
    /** The most records one {@code long[]} can hold (handle 0 included). */
    private static final int MAX_RECORDS = (Integer.MAX_VALUE - 8) >> SHIFT;

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();
    private static final SelfTradePrevention[] STPS = SelfTradePrevention.values();

    private long[] records;
    private long[] links;
    private int issued = 1;
    private int free = NIL;

    OrderStore(int expectedOrders) {
        int capacity = Math.min(Math.max(16, expectedOrders) + 1, MAX_RECORDS);
        records = new long[capacity << SHIFT];
        links = new long[capacity];
    }

    /** A record for a new order, its fields stale until set. */
    int acquire() {
        int order = free;
        if (order != NIL) {
            free = next(order);
            return order;
        }
        if (issued == links.length) {
            grow();
        }
        return issued++;
    }

    private void grow() {
        int count = links.length;
        if (count == MAX_RECORDS) {
            throw new IllegalStateException("order store full: " + (MAX_RECORDS - 1) + " live orders is the limit");
        }
        int grown = (int) Math.min(count * 2L, MAX_RECORDS);
        records = Arrays.copyOf(records, grown << SHIFT);
        links = Arrays.copyOf(links, grown);
    }

    /** Returns a record to the free list. */
    void release(int order) {
        links[order] = free & LOW;
        free = order;
    }

    long orderId(int order) {
        return records[(order << SHIFT) + ORDER_ID];
    }

    long ownerId(int order) {
        return records[(order << SHIFT) + OWNER_ID];
    }

    /** Limit price, or the protection price of a market order (NULL_PRICE for none). */
    long price(int order) {
        return records[(order << SHIFT) + PRICE];
    }

    long remaining(int order) {
        return records[(order << SHIFT) + REMAINING];
    }

    /** Timestamp of the command that gave the order its current priority. */
    long timestampNs(int order) {
        return records[(order << SHIFT) + TIMESTAMP];
    }

    /** Book-wide arrival sequence of the current priority: smaller arrived earlier. */
    long arrival(int order) {
        return records[(order << SHIFT) + ARRIVAL];
    }

    Side side(int order) {
        return SIDES[sideOrdinal(order)];
    }

    /** {@code side(order).ordinal()}, without decoding the enum. */
    int sideOrdinal(int order) {
        return (int) records[(order << SHIFT) + TERMS] & 1;
    }

    OrderType type(int order) {
        return TYPES[(int) (records[(order << SHIFT) + TERMS] >>> 4) & 0xF];
    }

    TimeInForce timeInForce(int order) {
        return TIMES_IN_FORCE[(int) (records[(order << SHIFT) + TERMS] >>> 8) & 0xF];
    }

    /** The resolved self-trade prevention mode (never BOOK_DEFAULT). */
    SelfTradePrevention selfTradePrevention(int order) {
        return STPS[(int) (records[(order << SHIFT) + TERMS] >>> 12) & 0xF];
    }

    boolean postOnly(int order) {
        return (records[(order << SHIFT) + TERMS] & (1L << 16)) != 0;
    }

    /** The next order in the level's FIFO (later priority), or {@link #NIL}. */
    int next(int order) {
        return (int) links[order];
    }

    /** The previous order in the level's FIFO (earlier priority), or {@link #NIL}. */
    int prev(int order) {
        return (int) (links[order] >>> 32);
    }

    /** Sets the identity and terms of a freshly acquired order; links are the level's business. */
    void set(int order, long orderId, long ownerId, Side side, OrderType type, TimeInForce timeInForce,
             SelfTradePrevention selfTradePrevention, boolean postOnly, long price, long remaining) {
        int base = order << SHIFT;
        records[base + ORDER_ID] = orderId;
        records[base + OWNER_ID] = ownerId;
        records[base + PRICE] = price;
        records[base + REMAINING] = remaining;
        records[base + TERMS] = side.ordinal() | type.ordinal() << 4 | timeInForce.ordinal() << 8
            | selfTradePrevention.ordinal() << 12 | (postOnly ? 1 << 16 : 0);
    }

    void price(int order, long price) {
        records[(order << SHIFT) + PRICE] = price;
    }

    void remaining(int order, long remaining) {
        records[(order << SHIFT) + REMAINING] = remaining;
    }

    /** Gives the order its priority: the command's timestamp and the book-wide arrival number. */
    void priority(int order, long timestampNs, long arrival) {
        int base = order << SHIFT;
        records[base + TIMESTAMP] = timestampNs;
        records[base + ARRIVAL] = arrival;
    }

    /** Sets both FIFO links of {@code order}. */
    void links(int order, int prev, int next) {
        links[order] = (long) prev << 32 | next & LOW;
    }

    void next(int order, int next) {
        links[order] = links[order] & ~LOW | next & LOW;
    }

    void prev(int order, int prev) {
        links[order] = links[order] & LOW | (long) prev << 32;
    }
}
