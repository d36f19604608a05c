package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.FillView;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.Rates;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.account.CloseSplit;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.instrument.Instrument;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import java.util.ArrayDeque;

/**
 * The order path of a {@link Venue}: a request is validated, its offset resolved, frozen in the accounts, placed in
 * the book; every book event is mirrored into the accounts and reported once to the venue's listener. Rolls the
 * accounts back when the book refuses. Venue-thread only; allocation-free in steady state.
 */
final class OrderFlow {
    private final Venue venue;
    private final AccountBook accounts;
    private final VenueRejects rejects;
    private final Long2ObjectOpenHashMap<VenueOrder> orders = new Long2ObjectOpenHashMap<>();
    private final ArrayDeque<VenueOrder> pool = new ArrayDeque<>();
    private final FillReport makerFill = new FillReport();
    private final FillReport takerFill = new FillReport();
    private final StringBuilder bookRejectMessage = new StringBuilder(128);
    private RejectCode bookRejectCode;
    long nextOrderId = 1;
    long nextTradeId = 1;

    OrderFlow(Venue venue) {
        this.venue = venue;
        this.accounts = venue.accounts;
        this.rejects = venue.rejects;
    }

    long place(OrderRequest r) {
        if (!validRequest(r)) {
            venue.listener.onOrderRejected(r.timestampNs, Venue.NULL_ORDER_ID, r.accountId, r.instrumentIndex,
                    rejects.code(), rejects.message());
            return Venue.NULL_ORDER_ID;
        }
        int index = r.instrumentIndex;
        OrderBook book = venue.books.get(index);
        long freezePrice = r.type == OrderType.MARKET && r.priceTicks == 0 ? marketProtection(index, r.side)
                : r.priceTicks;
        if (freezePrice <= 0) {
            return refuse(r, RejectCode.VENUE_NO_MARKET_PRICE, "priceTicks=0 of a MARKET order needs a price band or"
                    + " an opposite best price to protect it; none on instrumentIndex=" + index);
        }
        Offset offset = r.offset == Offset.AUTO ? resolveAuto(r) : r.offset;
        long orderId = nextOrderId;
        if (!accounts.placeOrder(r.accountId, orderId, index, r.side, offset, r.type, freezePrice, r.volume)) {
            return refuse(r, accounts.lastRejectCode(), accounts.lastRejectMessage());
        }
        nextOrderId++;
        VenueOrder order = pool.isEmpty() ? new VenueOrder() : pool.pop();
        order.orderId = orderId;
        order.accountId = r.accountId;
        order.instrumentIndex = index;
        order.side = r.side;
        order.offset = offset;
        order.type = r.type;
        order.timeInForce = r.timeInForce;
        order.priceTicks = freezePrice;
        order.volume = r.volume;
        order.remaining = r.volume;
        orders.put(orderId, order);
        bookRejectCode = null;
        if (!book.placeOrder(r.timestampNs, orderId, r.accountId, r.side, r.type, r.timeInForce, freezePrice,
                r.volume, r.minVolume, false, SelfTradePrevention.BOOK_DEFAULT)) {
            if (!accounts.cancelOrder(orderId)) {
                throw new IllegalStateException("accounts refused to release orderId=" + orderId + " after a book"
                        + " reject: " + accounts.lastRejectMessage());
            }
            release(order);
            return refuse(r, bookRejectCode, bookRejectMessage);
        }
        return orderId;
    }

    boolean cancel(long timestampNs, int accountId, long orderId) {
        VenueOrder order = ownedOrder(timestampNs, accountId, orderId);
        if (order == null) {
            return false;
        }
        int index = order.instrumentIndex;
        bookRejectCode = null;
        if (!venue.books.get(index).cancelOrder(timestampNs, orderId, accountId)) {
            return reportReject(timestampNs, orderId, accountId, index, bookRejectCode, bookRejectMessage);
        }
        return true;
    }

    boolean amend(long timestampNs, int accountId, long orderId, long newPriceTicks, long newVolume) {
        VenueOrder order = ownedOrder(timestampNs, accountId, orderId);
        if (order == null) {
            return false;
        }
        int index = order.instrumentIndex;
        long oldPrice = order.priceTicks;
        long oldRemaining = order.remaining;
        if (!accounts.amendOrder(orderId, newPriceTicks, newVolume)) {
            return reportReject(timestampNs, orderId, accountId, index, accounts.lastRejectCode(),
                    accounts.lastRejectMessage());
        }
        bookRejectCode = null;
        if (!venue.books.get(index).amendOrder(timestampNs, orderId, accountId, newPriceTicks, newVolume)) {
            // Back to the freeze the order had: it was admitted with it in this same command, so this cannot fail.
            if (!accounts.amendOrder(orderId, oldPrice, oldRemaining)) {
                throw new IllegalStateException("accounts refused to restore orderId=" + orderId + " to "
                        + oldRemaining + " at " + oldPrice + ": " + accounts.lastRejectMessage());
            }
            return reportReject(timestampNs, orderId, accountId, index, bookRejectCode, bookRejectMessage);
        }
        return true;
    }

    void onBookAmended(long timestampNs, int index, long orderId, long priceTicks, long remainingVolume,
                       boolean priorityKept) {
        VenueOrder order = orders.get(orderId);
        order.priceTicks = priceTicks;
        order.remaining = remainingVolume;
        venue.listener.onOrderAmended(timestampNs, index, orderId, order.accountId, priceTicks, remainingVolume,
                priorityKept);
    }

    /** The account's working order with this id, or {@code null} after reporting the reject. */
    private VenueOrder ownedOrder(long timestampNs, int accountId, long orderId) {
        VenueOrder order = orders.get(orderId);
        if (order == null || order.accountId != accountId) {
            rejects.start(RejectCode.UNKNOWN_ORDER).append("orderId=").append(orderId)
                    .append(" must be a working order of accountId=").append(accountId);
            venue.listener.onOrderRejected(timestampNs, orderId, accountId, -1, rejects.code(), rejects.message());
            return null;
        }
        return order;
    }

    /** The working order with this id, or {@code null}. */
    VenueOrder order(long orderId) {
        return orders.get(orderId);
    }

    /** Live orders by id (venue-thread reads only). */
    Long2ObjectOpenHashMap<VenueOrder> orders() {
        return orders;
    }

    /** Restores a working order from a snapshot. */
    void restore(VenueOrder order) {
        orders.put(order.orderId, order);
    }

    void clearBookReject() {
        bookRejectCode = null;
    }

    /** Copies the book's last reject into the venue's reject channel; returns false. */
    boolean bookRejected() {
        return rejects.set(bookRejectCode, bookRejectMessage);
    }

    // Book events, routed by BookEvents.

    void onBookAccepted(long timestampNs, long orderId) {
        VenueOrder o = orders.get(orderId);
        venue.listener.onOrderAccepted(timestampNs, orderId, o.accountId, o.instrumentIndex, o.side, o.offset,
                o.type, o.timeInForce, o.priceTicks, o.volume);
    }

    void onBookRejected(RejectCode code, CharSequence message) {
        bookRejectCode = code;
        bookRejectMessage.setLength(0);
        bookRejectMessage.append(message);
    }

    void onBookTrade(long timestampNs, int index, long makerOrderId, long takerOrderId, Side aggressorSide,
                     long priceTicks, long volume, long makerRemaining, long takerRemaining) {
        long tradeId = nextTradeId++;
        VenueOrder maker = orders.get(makerOrderId);
        VenueOrder taker = orders.get(takerOrderId);
        book(maker, makerFill, tradeId, priceTicks, volume, makerRemaining, true);
        book(taker, takerFill, tradeId, priceTicks, volume, takerRemaining, false);
        // Open interest: two opening sides add the volume, two closing sides remove it, a mix moves it.
        int opening = (makerFill.offset == Offset.OPEN ? 1 : 0) + (takerFill.offset == Offset.OPEN ? 1 : 0);
        venue.onTraded(timestampNs, index, tradeId, aggressorSide, priceTicks, volume, (opening - 1) * volume);
        venue.listener.onTrade(timestampNs, index, tradeId, aggressorSide, priceTicks, volume, makerOrderId,
                maker.accountId, takerOrderId, taker.accountId);
        venue.listener.onFill(timestampNs, makerFill);
        venue.listener.onFill(timestampNs, takerFill);
        if (maker.remaining == 0) {
            release(maker);
        }
        if (taker.remaining == 0) {
            release(taker);
        }
    }

    void onBookCancelled(long timestampNs, int index, long orderId, long cancelledVolume, long remainingVolume,
                         CancelReason reason) {
        VenueOrder order = orders.get(orderId);
        boolean released = remainingVolume == 0 ? accounts.cancelOrder(orderId)
                : accounts.reduceOrder(orderId, cancelledVolume);
        if (!released) {
            throw new IllegalStateException("accounts refused to release " + cancelledVolume + " lots of orderId="
                    + orderId + ": " + accounts.lastRejectCode() + " " + accounts.lastRejectMessage());
        }
        order.remaining = remainingVolume;
        venue.listener.onOrderCancelled(timestampNs, index, orderId, order.accountId, cancelledVolume,
                remainingVolume, reason);
        if (remainingVolume == 0) {
            release(order);
        }
    }

    private void book(VenueOrder order, FillReport report, long tradeId, long priceTicks, long volume,
                      long remaining, boolean maker) {
        if (!accounts.fill(order.orderId, priceTicks, volume)) {
            throw new IllegalStateException("accounts refused the fill of orderId=" + order.orderId + ": "
                    + accounts.lastRejectCode() + " " + accounts.lastRejectMessage());
        }
        FillView fill = accounts.lastFill();
        order.remaining = remaining;
        report.instrumentIndex = order.instrumentIndex;
        report.tradeId = tradeId;
        report.orderId = order.orderId;
        report.accountId = order.accountId;
        report.side = order.side;
        report.offset = order.offset;
        report.maker = maker;
        report.priceTicks = priceTicks;
        report.volume = volume;
        report.remainingVolume = remaining;
        report.commission = fill.commission();
        report.closeProfit = fill.closeProfit();
        report.marginChange = fill.marginBooked() - fill.marginReleased();
        report.closedToday = fill.closedTodayVolume();
        report.closedHistory = fill.closedHisVolume();
        venue.totals.ensure(order.accountId);
        venue.totals.fees[order.accountId] += report.commission;
        venue.totals.fills[order.accountId]++;
        venue.totals.lotsTraded[order.accountId] += volume;
    }

    private boolean validRequest(OrderRequest r) {
        if (r.side == null || r.offset == null || r.type == null || r.timeInForce == null) {
            rejects.start(RejectCode.VENUE_INVALID_REQUEST).append("side=").append(r.side).append(" offset=")
                    .append(r.offset).append(" type=").append(r.type).append(" timeInForce=").append(r.timeInForce)
                    .append(" must all be set");
            return false;
        }
        if (accounts.account(r.accountId) == null) {
            rejects.start(RejectCode.UNKNOWN_ACCOUNT).append("accountId=").append(r.accountId).append(" is not open");
            return false;
        }
        if (!venue.listed(r.instrumentIndex)) {
            rejects.start(RejectCode.UNKNOWN_INSTRUMENT).append("instrumentIndex=").append(r.instrumentIndex)
                    .append(" is not listed");
            return false;
        }
        if (r.priceTicks < 0 || (r.type == OrderType.LIMIT && r.priceTicks == 0)) {
            rejects.start(RejectCode.VENUE_INVALID_REQUEST).append("priceTicks=").append(r.priceTicks)
                    .append(r.type == OrderType.LIMIT ? " must be > 0 for a LIMIT order" : " must be >= 0");
            return false;
        }
        if (r.type == OrderType.MARKET && r.timeInForce.canRest()) {
            rejects.start(RejectCode.VENUE_INVALID_REQUEST).append("timeInForce=").append(r.timeInForce)
                    .append(" must be IOC or FOK for a MARKET order");
            return false;
        }
        if (r.minVolume < 0 || r.minVolume > r.volume) {
            rejects.start(RejectCode.VENUE_INVALID_REQUEST).append("minVolume=").append(r.minVolume)
                    .append(" must be in 0..volume=").append(r.volume);
            return false;
        }
        return true;
    }

    private long refuse(OrderRequest r, RejectCode code, CharSequence message) {
        reportReject(r.timestampNs, Venue.NULL_ORDER_ID, r.accountId, r.instrumentIndex, code, message);
        return Venue.NULL_ORDER_ID;
    }

    /** Records a reject in the venue's channel and reports it to the listener; returns false. */
    private boolean reportReject(long timestampNs, long orderId, int accountId, int instrumentIndex, RejectCode code,
                                 CharSequence message) {
        rejects.set(code, message);
        venue.listener.onOrderRejected(timestampNs, orderId, accountId, instrumentIndex, rejects.code(),
                rejects.message());
        return false;
    }

    /** The price a MARKET order without protection freezes and is protected at; 0 if there is none. */
    private long marketProtection(int index, Side side) {
        Instrument instrument = venue.registry.get(index);
        if (DayCycle.hasDailyLimits(instrument)) {
            return side == Side.BUY ? instrument.upperLimitTicks() : instrument.lowerLimitTicks();
        }
        OrderBookView book = venue.books.get(index);
        long best = side == Side.BUY ? book.bestAskPrice() : book.bestBidPrice();
        if (best == OrderBookView.NULL_PRICE) {
            return 0;
        }
        long rate = venue.settings.marketCollarE8();
        // ceil(best * rate / 1e8) without overflow: best = q * 1e8 + r.
        long collar = Math.max(1, best / Rates.SCALE * rate + (best % Rates.SCALE * rate + Rates.SCALE - 1)
                / Rates.SCALE);
        long price = side == Side.BUY ? best + collar : best - collar;
        return side == Side.BUY ? Math.min(price, AccountBook.MAX_PRICE_TICKS) : Math.max(price, 1);
    }

    /**
     * AUTO: close if what the account can close on the opposite side covers the whole volume under the instrument's
     * close rule (counted as {@link CloseSplit} counts it; CLOSETODAY where today's lots need it), else open. Never
     * splits an order.
     */
    private Offset resolveAuto(OrderRequest r) {
        Position position = accounts.position(r.accountId, r.instrumentIndex);
        if (position == null) {
            return Offset.OPEN;
        }
        boolean buy = r.side == Side.BUY;
        long today = buy ? position.volumeShortToday() - position.volumeShortFrozenToday()
                : position.volumeLongToday() - position.volumeLongFrozenToday();
        long history = buy ? position.volumeShortHis() - position.volumeShortFrozenHis()
                : position.volumeLongHis() - position.volumeLongFrozenHis();
        CloseRule rule = venue.registry.get(r.instrumentIndex).closeRule();
        if (rule == CloseRule.TODAY_EXPLICIT
                && r.volume <= CloseSplit.closable(rule, Offset.CLOSETODAY, today, history)) {
            return Offset.CLOSETODAY;
        }
        return r.volume <= CloseSplit.closable(rule, Offset.CLOSE, today, history) ? Offset.CLOSE : Offset.OPEN;
    }

    /** Forgets a finished order and returns its object to the pool. */
    private void release(VenueOrder order) {
        orders.remove(order.orderId);
        order.clear();
        pool.push(order);
    }
}
