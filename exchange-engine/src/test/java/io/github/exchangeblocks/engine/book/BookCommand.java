package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One generated command, applicable to the real book and to the oracle alike. */
interface BookCommand {

    /** Applies the command to the real book; returns a comparable outcome. */
    long applyTo(OrderBook book, long ts);

    /** Applies the command to the oracle; returns a comparable outcome. */
    long applyTo(ReferenceBook oracle, long ts);

    /** The concrete command to apply, given the oracle's current state (only references to live orders vary). */
    default BookCommand resolve(ReferenceBook oracle) {
        return this;
    }

    static long bool(boolean value) {
        return value ? 1 : 0;
    }

    /** A new order. */
    record Place(long id, long owner, Side side, OrderType type, TimeInForce tif, long price, long qty, long minQty,
                 boolean postOnly, SelfTradePrevention stp) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return bool(book.placeOrder(ts, id, owner, side, type, tif, price, qty, minQty, postOnly, stp));
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return bool(oracle.place(ts, id, owner, side, type, tif, price, qty, minQty, postOnly, stp));
        }
    }

    /** A cancel by id. */
    record Cancel(long id, long owner) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return bool(book.cancelOrder(ts, id, owner));
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return bool(oracle.cancel(ts, id, owner));
        }
    }

    /** An amend. */
    record Amend(long id, long owner, long price, long qty) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return bool(book.amendOrder(ts, id, owner, price, qty));
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return bool(oracle.amend(ts, id, owner, price, qty));
        }
    }

    /** A price-only move. */
    record Move(long id, long owner, long price) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return bool(book.moveOrder(ts, id, owner, price));
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return bool(oracle.move(ts, id, owner, price));
        }
    }

    /** A replace: an amend that always loses priority. */
    record Replace(long id, long owner, long price, long qty) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return bool(book.replaceOrder(ts, id, owner, price, qty));
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return bool(oracle.replace(ts, id, owner, price, qty));
        }
    }

    /** What an {@link OnLive} command does to the live order it picks. */
    enum LiveAction {
        CANCEL, AMEND, MOVE, REPLACE
    }

    /**
     * A cancel, amend, move or replace of the {@code pick}-th live order (by id), by its owner or by
     * {@code wrongOwner}; an amend, move or replace moves the price by {@code tickDelta} ticks, and an amend or
     * replace sets quantity {@code qty}. With no live order it names id 1.
     */
    record OnLive(LiveAction action, int pick, boolean rightOwner, long wrongOwner, long tickDelta, long qty)
        implements BookCommand {
        @Override
        public BookCommand resolve(ReferenceBook oracle) {
            List<ReferenceOrder> live = new ArrayList<>(oracle.resting);
            live.sort(Comparator.comparingLong(o -> o.id));
            long id = 1;
            long owner = wrongOwner;
            long price = 100;
            if (!live.isEmpty()) {
                ReferenceOrder order = live.get(pick % live.size());
                id = order.id;
                owner = rightOwner ? order.owner : wrongOwner;
                price = order.price + tickDelta * BookCommands.TICK;
            }
            switch (action) {
                case AMEND:
                    return new Amend(id, owner, price, qty);
                case MOVE:
                    return new Move(id, owner, price);
                case REPLACE:
                    return new Replace(id, owner, price, qty);
                default:
                    return new Cancel(id, owner);
            }
        }

        @Override
        public long applyTo(OrderBook book, long ts) {
            throw new IllegalStateException("resolve first");
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            throw new IllegalStateException("resolve first");
        }
    }

    /** Mass cancel: everything when owner is 0, else one owner's orders. */
    record MassCancel(long owner) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return owner == 0 ? book.massCancel(ts) : book.massCancelByOwner(ts, owner);
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return oracle.cancelAll(ts, o -> owner == 0 || o.owner == owner, CancelReason.MASS_CANCEL);
        }
    }

    /** End of day expiry of GFD orders. */
    record Expire() implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return book.expireDayOrders(ts);
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return oracle.cancelAll(ts, o -> o.tif == TimeInForce.GFD, CancelReason.EXPIRED);
        }
    }

    /** A phase change. */
    record Phase(TradingPhase phase) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return bool(book.setPhase(ts, phase));
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return bool(oracle.setPhase(ts, phase));
        }
    }

    /** A price band change. */
    record Band(long low, long high) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return bool(book.setPriceBand(ts, low, high));
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return bool(oracle.setBand(ts, low, high));
        }
    }

    /** A reference price change. */
    record Reference(long price) implements BookCommand {
        @Override
        public long applyTo(OrderBook book, long ts) {
            return bool(book.setReferencePrice(ts, price));
        }

        @Override
        public long applyTo(ReferenceBook oracle, long ts) {
            return bool(oracle.setReference(ts, price));
        }
    }
}
