package io.github.exchangeblocks.bench.engine.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline: the plain book most Java code would start with. {@code TreeMap<Long, ArrayDeque<Order>>} per
 * side, a {@code HashMap<Long, Order>} by id, a new object per order, boxed keys. Same matching rules as the
 * exchange-blocks book for the commands of the mixed stream (limit GTC/IOC, cancel, amend with the same priority
 * rules, trades at the resting price); no events beyond a trade counter, no validation, no self-trade prevention.
 */
final class TreeMapBook {
    private static final class Order {
        final long id;
        final long owner;
        final Side side;
        long price;
        long remaining;

        Order(long id, long owner, Side side, long price, long remaining) {
            this.id = id;
            this.owner = owner;
            this.side = side;
            this.price = price;
            this.remaining = remaining;
        }
    }

    private TreeMap<Long, ArrayDeque<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
    private TreeMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
    private Map<Long, Order> orders = new HashMap<>();
    long trades;
    long tradedQuantity;

    void reset() {
        bids = new TreeMap<>(Comparator.reverseOrder());
        asks = new TreeMap<>();
        orders = new HashMap<>();
    }

    int orderCount() {
        return orders.size();
    }

    boolean place(long id, long owner, Side side, TimeInForce tif, long price, long quantity) {
        if (orders.containsKey(id)) {
            return false;
        }
        enter(new Order(id, owner, side, price, quantity), tif);
        return true;
    }

    private void enter(Order order, TimeInForce tif) {
        TreeMap<Long, ArrayDeque<Order>> opposite = order.side == Side.BUY ? asks : bids;
        while (order.remaining > 0 && !opposite.isEmpty()) {
            Map.Entry<Long, ArrayDeque<Order>> best = opposite.firstEntry();
            long levelPrice = best.getKey();
            if (order.side == Side.BUY ? levelPrice > order.price : levelPrice < order.price) {
                break;
            }
            ArrayDeque<Order> queue = best.getValue();
            while (order.remaining > 0 && !queue.isEmpty()) {
                Order maker = queue.peekFirst();
                long quantity = Math.min(order.remaining, maker.remaining);
                order.remaining -= quantity;
                maker.remaining -= quantity;
                trades++;
                tradedQuantity += quantity;
                if (maker.remaining == 0) {
                    queue.pollFirst();
                    orders.remove(maker.id);
                }
            }
            if (queue.isEmpty()) {
                opposite.pollFirstEntry();
            }
        }
        if (order.remaining > 0 && tif == TimeInForce.GTC) {
            TreeMap<Long, ArrayDeque<Order>> own = order.side == Side.BUY ? bids : asks;
            own.computeIfAbsent(order.price, p -> new ArrayDeque<>()).addLast(order);
            orders.put(order.id, order);
        }
    }

    boolean cancel(long id, long owner) {
        Order order = orders.get(id);
        if (order == null || order.owner != owner) {
            return false;
        }
        orders.remove(id);
        unlink(order);
        return true;
    }

    private void unlink(Order order) {
        TreeMap<Long, ArrayDeque<Order>> own = order.side == Side.BUY ? bids : asks;
        ArrayDeque<Order> queue = own.get(order.price);
        queue.remove(order);
        if (queue.isEmpty()) {
            own.remove(order.price);
        }
    }

    boolean amend(long id, long owner, long price, long quantity) {
        Order order = orders.get(id);
        return order != null && change(order, owner, price, quantity);
    }

    boolean move(long id, long owner, long price) {
        Order order = orders.get(id);
        return order != null && change(order, owner, price, order.remaining);
    }

    private boolean change(Order order, long owner, long price, long quantity) {
        if (order.owner != owner) {
            return false;
        }
        if (price == order.price && quantity <= order.remaining) {
            order.remaining = quantity;
            return true;
        }
        orders.remove(order.id);
        unlink(order);
        order.price = price;
        order.remaining = quantity;
        enter(order, TimeInForce.GTC);
        return true;
    }

    /** Applies command {@code i} of the stream. */
    boolean apply(MixedStream s, int i) {
        switch (s.op(i)) {
            case MixedStream.PASSIVE:
            case MixedStream.CROSS_GTC:
                return place(s.id(i), s.owner(i), s.side(i), TimeInForce.GTC, s.price(i), s.quantity(i));
            case MixedStream.CROSS_IOC:
                return place(s.id(i), s.owner(i), s.side(i), TimeInForce.IOC, s.price(i), s.quantity(i));
            case MixedStream.CANCEL:
                return cancel(s.id(i), s.owner(i));
            case MixedStream.MOVE:
                return move(s.id(i), s.owner(i), s.price(i));
            default:
                return amend(s.id(i), s.owner(i), s.price(i), s.quantity(i));
        }
    }
}
