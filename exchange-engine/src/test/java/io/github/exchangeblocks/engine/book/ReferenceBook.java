package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The oracle: a deliberately naive order book. All resting orders live in one list; every question (best price,
 * priority order, level totals) is answered by filtering and sorting that list from scratch. Slow and obviously
 * correct, it defines the behaviour the real book must reproduce event for event (reject messages excepted).
 *
 * <p>Call auction: a market order without protection rests with price 0, ahead of every priced order of its side
 * and outside every level (no level events); one with protection rests like a limit order at that price. An
 * order's minimum quantity is kept until the uncross.
 */
final class ReferenceBook {
    private final OrderBookSettings settings;
    private final ReferenceRules rules;
    private final OrderBookListener out;
    final List<ReferenceOrder> resting = new ArrayList<>();
    TradingPhase phase;
    long bandLow;
    long bandHigh;
    long reference;
    long lastArrival;
    long lastTradeId;
    long lastLevelSeq;

    ReferenceBook(OrderBookSettings settings, OrderBookListener out) {
        this.settings = settings;
        this.rules = new ReferenceRules(settings);
        this.out = out;
        phase = settings.initialPhase();
        bandLow = settings.priceBandLow();
        bandHigh = settings.priceBandHigh();
    }

    private ReferenceBook(ReferenceBook other) {
        settings = other.settings;
        rules = other.rules;
        out = OrderBookListener.NO_OP;
        for (ReferenceOrder o : other.resting) {
            resting.add(o.copy());
        }
        phase = other.phase;
        reference = other.reference;
    }

    /**
     * Resting orders of a side in priority order: price 0 (auction market orders) first, then best price first,
     * then earlier arrival first.
     */
    List<ReferenceOrder> sorted(Side side) {
        Comparator<ReferenceOrder> byPrice = Comparator.comparingLong(o -> o.price);
        if (side == Side.BUY) {
            byPrice = byPrice.reversed();
        }
        byPrice = Comparator.<ReferenceOrder>comparingInt(o -> o.price == 0 ? 0 : 1).thenComparing(byPrice);
        List<ReferenceOrder> list = new ArrayList<>();
        for (ReferenceOrder o : resting) {
            if (o.side == side) {
                list.add(o);
            }
        }
        list.sort(byPrice.thenComparingLong(o -> o.arrival));
        return list;
    }

    ReferenceOrder find(long id) {
        for (ReferenceOrder o : resting) {
            if (o.id == id) {
                return o;
            }
        }
        return null;
    }

    private void level(long ts, Side side, long price) {
        if (price == 0) {
            return;
        }
        long qty = 0;
        int count = 0;
        for (ReferenceOrder o : resting) {
            if (o.side == side && o.price == price) {
                qty += o.remaining;
                count++;
            }
        }
        out.onLevelChanged(ts, ++lastLevelSeq, side, price, qty, count);
    }

    private boolean reject(long ts, long id, long owner, RejectCode code) {
        out.onRejected(ts, id, owner, code, code.description());
        return false;
    }

    private static boolean crosses(Side takerSide, long limit, long restingPrice) {
        return takerSide == Side.BUY ? restingPrice <= limit : restingPrice >= limit;
    }

    private static long limitOf(ReferenceOrder taker) {
        if (taker.type == OrderType.MARKET && taker.price == 0) {
            return taker.side == Side.BUY ? Long.MAX_VALUE : 0;
        }
        return taker.price;
    }

    private boolean wouldTake(Side side, long price) {
        List<ReferenceOrder> opposite = sorted(side == Side.BUY ? Side.SELL : Side.BUY);
        return !opposite.isEmpty() && crosses(side, price, opposite.get(0).price);
    }

    boolean place(long ts, long id, long owner, Side side, OrderType type, TimeInForce tif, long price, long qty,
                  long minQty, boolean postOnly, SelfTradePrevention stp) {
        if (side == null || type == null || tif == null || stp == null) {
            return reject(ts, id, owner, RejectCode.BOOK_MISSING_FIELD);
        }
        if (id <= 0) {
            return reject(ts, id, owner, RejectCode.BOOK_INVALID_ORDER_ID);
        }
        if (phase != TradingPhase.CONTINUOUS && phase != TradingPhase.PRE_OPEN) {
            return reject(ts, id, owner, RejectCode.BOOK_WRONG_PHASE);
        }
        boolean resting = tif == TimeInForce.GTC || tif == TimeInForce.GFD;
        if (type == OrderType.MARKET && resting) {
            return reject(ts, id, owner, RejectCode.BOOK_INVALID_ORDER_COMBINATION);
        }
        if (postOnly && (type == OrderType.MARKET || !resting)) {
            return reject(ts, id, owner, RejectCode.BOOK_INVALID_ORDER_COMBINATION);
        }
        boolean auction = phase == TradingPhase.PRE_OPEN;
        RejectCode code;
        if (type == OrderType.LIMIT || (auction && price != 0)) {
            // In the auction a protected market order rests at its protection price, so it must be a limit price.
            code = rules.limitPriceError(price, bandLow, bandHigh);
        } else {
            code = price < 0 ? RejectCode.BOOK_PRICE_NOT_POSITIVE
                : price % settings.tickSize() != 0 ? RejectCode.BOOK_PRICE_OFF_TICK : null;
        }
        if (code == null) {
            code = rules.quantityError(qty);
        }
        boolean restsAtAPrice = auction ? price != 0 : type == OrderType.LIMIT && resting;
        if (code == null && restsAtAPrice) {
            code = rules.spanError(this.resting, side, price);
        }
        if (code != null) {
            return reject(ts, id, owner, code);
        }
        if (minQty != 0 && (minQty < 0 || minQty > qty || minQty % settings.lotSize() != 0)) {
            return reject(ts, id, owner, RejectCode.BOOK_INVALID_MIN_QUANTITY);
        }
        if (find(id) != null) {
            return reject(ts, id, owner, RejectCode.BOOK_DUPLICATE_ORDER_ID);
        }
        if (postOnly && phase == TradingPhase.CONTINUOUS && wouldTake(side, price)) {
            return reject(ts, id, owner, RejectCode.BOOK_POST_ONLY_WOULD_TAKE);
        }
        out.onAccepted(ts, id, owner, side, type, tif, price, qty);
        ReferenceOrder o = new ReferenceOrder();
        o.id = id; o.owner = owner; o.side = side; o.type = type; o.tif = tif; o.postOnly = postOnly;
        o.stp = stp == SelfTradePrevention.BOOK_DEFAULT ? settings.selfTradePrevention() : stp;
        o.price = price; o.remaining = qty;
        if (auction) {
            o.minQty = minQty;
            addResting(o, ts);
            return true;
        }
        if (tif == TimeInForce.FOK || minQty > 0) {
            long needed = tif == TimeInForce.FOK ? qty : minQty;
            // Dry run: the same matching on a throw-away copy of the book, counting what trades.
            ReferenceBook copy = new ReferenceBook(this);
            ReferenceOrder probe = o.copy();
            long traded = copy.matchCountingTrades(probe, ts);
            if (traded < needed) {
                out.onCancelled(ts, id, owner, side, price, qty, 0, tif == TimeInForce.FOK
                    ? CancelReason.FOK_UNFILLABLE : CancelReason.MIN_QUANTITY_UNFILLABLE);
                return true;
            }
        }
        enter(o, ts);
        return true;
    }

    private void addResting(ReferenceOrder o, long ts) {
        o.timestamp = ts;
        o.arrival = ++lastArrival;
        resting.add(o);
        level(ts, o.side, o.price);
    }

    private void enter(ReferenceOrder o, long ts) {
        matchCountingTrades(o, ts);
        if (o.remaining == 0) {
            return;
        }
        if (o.type == OrderType.LIMIT && (o.tif == TimeInForce.GTC || o.tif == TimeInForce.GFD)) {
            addResting(o, ts);
        } else {
            CancelReason reason = o.type == OrderType.MARKET ? CancelReason.MARKET_NO_LIQUIDITY
                : o.tif == TimeInForce.FOK ? CancelReason.FOK_UNFILLABLE : CancelReason.IOC_REMAINDER;
            out.onCancelled(ts, o.id, o.owner, o.side, o.price, o.remaining, 0, reason);
        }
    }

    /** Continuous matching of {@code taker}; returns the quantity it traded. */
    private long matchCountingTrades(ReferenceOrder taker, long ts) {
        long traded = 0;
        long limit = limitOf(taker);
        for (ReferenceOrder maker : sorted(taker.side == Side.BUY ? Side.SELL : Side.BUY)) {
            if (taker.remaining == 0 || !crosses(taker.side, limit, maker.price)) {
                break;
            }
            if (maker.owner == taker.owner && taker.stp != SelfTradePrevention.NONE) {
                SelfTradePrevention stp = taker.stp;
                if (stp == SelfTradePrevention.CANCEL_RESTING || stp == SelfTradePrevention.CANCEL_BOTH) {
                    removeWhole(maker, ts, CancelReason.SELF_TRADE);
                    if (stp == SelfTradePrevention.CANCEL_RESTING) {
                        continue;
                    }
                }
                long cut = taker.remaining;
                if (stp == SelfTradePrevention.DECREMENT_AND_CANCEL) {
                    cut = Math.min(taker.remaining, maker.remaining);
                    maker.remaining -= cut;
                    out.onCancelled(ts, maker.id, maker.owner, maker.side, maker.price, cut, maker.remaining,
                        CancelReason.SELF_TRADE);
                    if (maker.remaining == 0) {
                        resting.remove(maker);
                    }
                    level(ts, maker.side, maker.price);
                }
                taker.remaining -= cut;
                out.onCancelled(ts, taker.id, taker.owner, taker.side, taker.price, cut, taker.remaining,
                    CancelReason.SELF_TRADE);
                if (taker.remaining == 0) {
                    break;
                }
                continue;
            }
            long q = Math.min(taker.remaining, maker.remaining);
            taker.remaining -= q;
            maker.remaining -= q;
            traded += q;
            out.onTrade(ts, ++lastTradeId, maker.id, maker.owner, taker.id, taker.owner, taker.side, maker.price, q,
                maker.remaining, taker.remaining);
            reference = maker.price;
            if (maker.remaining == 0) {
                resting.remove(maker);
            }
            level(ts, maker.side, maker.price);
        }
        return traded;
    }

    private void removeWhole(ReferenceOrder o, long ts, CancelReason reason) {
        out.onCancelled(ts, o.id, o.owner, o.side, o.price, o.remaining, 0, reason);
        o.remaining = 0;
        resting.remove(o);
        level(ts, o.side, o.price);
    }

    boolean cancel(long ts, long id, long owner) {
        ReferenceOrder o = find(id);
        if (o == null) {
            return reject(ts, id, owner, RejectCode.BOOK_UNKNOWN_ORDER_ID);
        }
        if (o.owner != owner) {
            return reject(ts, id, owner, RejectCode.BOOK_WRONG_OWNER);
        }
        removeWhole(o, ts, CancelReason.USER);
        return true;
    }

    boolean amend(long ts, long id, long owner, long price, long qty) {
        return amend(ts, id, owner, price, qty, false);
    }

    /** A move: an amend to {@code price} with the order's own remaining quantity. */
    boolean move(long ts, long id, long owner, long price) {
        ReferenceOrder o = find(id);
        return amend(ts, id, owner, price, o == null ? 0 : o.remaining, false);
    }

    /** A replace: an amend that never keeps priority. */
    boolean replace(long ts, long id, long owner, long price, long qty) {
        return amend(ts, id, owner, price, qty, true);
    }

    private boolean amend(long ts, long id, long owner, long price, long qty, boolean requeue) {
        ReferenceOrder o = find(id);
        if (o == null) {
            return reject(ts, id, owner, RejectCode.BOOK_UNKNOWN_ORDER_ID);
        }
        if (o.owner != owner) {
            return reject(ts, id, owner, RejectCode.BOOK_WRONG_OWNER);
        }
        if (phase != TradingPhase.CONTINUOUS && phase != TradingPhase.PRE_OPEN) {
            return reject(ts, id, owner, RejectCode.BOOK_WRONG_PHASE);
        }
        RejectCode code;
        if (o.type == OrderType.MARKET) {
            // Only in the auction: a market order may only lower its quantity.
            code = rules.quantityError(qty);
            if (code == null && (price != o.price || qty > o.remaining)) {
                code = RejectCode.BOOK_MARKET_AMEND_NOT_ALLOWED;
            }
        } else {
            code = rules.limitPriceError(price, bandLow, bandHigh);
            if (code == null) {
                code = rules.quantityError(qty);
            }
            if (code == null) {
                code = rules.spanError(resting, o.side, price);
            }
        }
        if (code == null && qty < o.minQty) {
            code = RejectCode.BOOK_INVALID_MIN_QUANTITY;
        }
        if (code != null) {
            return reject(ts, id, owner, code);
        }
        boolean kept = !requeue && price == o.price && qty <= o.remaining;
        if (!kept && o.postOnly && phase == TradingPhase.CONTINUOUS && wouldTake(o.side, price)) {
            return reject(ts, id, owner, RejectCode.BOOK_POST_ONLY_WOULD_TAKE);
        }
        out.onAmended(ts, id, owner, o.side, price, qty, kept);
        if (kept) {
            if (qty < o.remaining) {
                o.remaining = qty;
                level(ts, o.side, o.price);
            }
            return true;
        }
        resting.remove(o);
        level(ts, o.side, o.price);
        o.price = price;
        o.remaining = qty;
        if (phase == TradingPhase.PRE_OPEN) {
            addResting(o, ts);
        } else {
            enter(o, ts);
        }
        return true;
    }

    int cancelAll(long ts, Predicate<ReferenceOrder> which, CancelReason reason) {
        List<ReferenceOrder> order = sorted(Side.BUY);
        order.addAll(sorted(Side.SELL));
        int n = 0;
        for (ReferenceOrder o : order) {
            if (which.test(o)) {
                removeWhole(o, ts, reason);
                n++;
            }
        }
        return n;
    }

    boolean setPhase(long ts, TradingPhase next) {
        if (next == null) {
            return reject(ts, 0, 0, RejectCode.BOOK_MISSING_FIELD);
        }
        if (next == phase) {
            return reject(ts, 0, 0, RejectCode.BOOK_WRONG_PHASE);
        }
        if (next == TradingPhase.CONTINUOUS) {
            uncross(ts);
        }
        TradingPhase previous = phase;
        phase = next;
        out.onPhaseChanged(ts, previous, next);
        return true;
    }

    /** Brute force equilibrium over the resting orders; returns {price, volume, buy, sell}. */
    long[] equilibrium() {
        return ReferenceEquilibrium.compute(resting, reference);
    }

    private void uncross(long ts) {
        long[] eq = equilibrium();
        ReferenceOrder unfillable = firstShort(eq[1]);
        while (unfillable != null) {
            removeWhole(unfillable, ts, unfillable.tif == TimeInForce.FOK ? CancelReason.FOK_UNFILLABLE
                : CancelReason.MIN_QUANTITY_UNFILLABLE);
            eq = equilibrium();
            unfillable = firstShort(eq[1]);
        }
        long left = eq[1];
        while (left > 0) {
            ReferenceOrder bid = sorted(Side.BUY).get(0);
            ReferenceOrder ask = sorted(Side.SELL).get(0);
            long q = Math.min(left, Math.min(bid.remaining, ask.remaining));
            ReferenceOrder maker = bid.arrival < ask.arrival ? bid : ask;
            ReferenceOrder taker = maker == bid ? ask : bid;
            bid.remaining -= q;
            ask.remaining -= q;
            out.onTrade(ts, ++lastTradeId, maker.id, maker.owner, taker.id, taker.owner, taker.side, eq[0], q,
                maker.remaining, taker.remaining);
            for (ReferenceOrder o : new ReferenceOrder[] {bid, ask}) {
                if (o.remaining == 0) {
                    resting.remove(o);
                }
                level(ts, o.side, o.price);
            }
            left -= q;
        }
        if (eq[1] > 0) {
            reference = eq[0];
        }
        List<ReferenceOrder> leftovers = sorted(Side.BUY);
        leftovers.addAll(sorted(Side.SELL));
        for (ReferenceOrder o : leftovers) {
            if (o.type == OrderType.MARKET) {
                removeWhole(o, ts, CancelReason.MARKET_NO_LIQUIDITY);
            } else if (o.tif == TimeInForce.IOC) {
                removeWhole(o, ts, CancelReason.IOC_REMAINDER);
            }
        }
        for (ReferenceOrder o : resting) {
            o.minQty = 0;
        }
    }

    /**
     * The first order (bids, then asks, in priority) that {@code volume} allocated in priority gives less than it
     * needs: a FOK all of it, another order its minimum quantity.
     */
    private ReferenceOrder firstShort(long volume) {
        for (Side side : Side.values()) {
            long filledAhead = 0;
            for (ReferenceOrder o : sorted(side)) {
                long share = Math.max(0, Math.min(o.remaining, volume - filledAhead));
                long needed = o.tif == TimeInForce.FOK ? o.remaining : o.minQty;
                if (share < needed) {
                    return o;
                }
                filledAhead += o.remaining;
            }
        }
        return null;
    }

    boolean setBand(long ts, long low, long high) {
        long tick = settings.tickSize();
        if (low < 0 || high < 0 || low % tick != 0 || high % tick != 0 || (low != 0 && high != 0 && low > high)) {
            return reject(ts, 0, 0, RejectCode.BOOK_INVALID_PRICE_BAND);
        }
        bandLow = low;
        bandHigh = high;
        return true;
    }

    boolean setReference(long ts, long price) {
        if (price < 0) {
            return reject(ts, 0, 0, RejectCode.BOOK_PRICE_NOT_POSITIVE);
        }
        if (price % settings.tickSize() != 0) {
            return reject(ts, 0, 0, RejectCode.BOOK_PRICE_OFF_TICK);
        }
        reference = price;
        return true;
    }
}
