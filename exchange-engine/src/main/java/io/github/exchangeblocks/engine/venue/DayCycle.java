package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.risk.LiquidationOrder;
import io.github.exchangeblocks.api.risk.LiquidationPlan;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.settlement.LiquidationPlanner;

import java.util.ArrayList;
import java.util.List;

/**
 * The venue's day-level commands: end of day (expire, settle, roll) and forced liquidation. Both are rare, so they
 * may allocate (statements, plans). Venue-thread only.
 */
final class DayCycle {
    private final Venue venue;
    private final LiquidationPlanner planner;
    private final OrderRequest liquidation = new OrderRequest();

    DayCycle(Venue venue) {
        this.venue = venue;
        this.planner = new LiquidationPlanner(venue.accounts, venue.settings.liquidationPolicy());
    }

    static boolean validDay(int day) {
        int month = day / 100 % 100;
        int dayOfMonth = day % 100;
        return day >= 19700101 && day <= 99991231 && month >= 1 && month <= 12 && dayOfMonth >= 1
                && dayOfMonth <= 31;
    }

    /**
     * Ends the current trading day. Checks first, changing nothing if refused: the next day must be a valid date
     * after the current one, and every instrument with positions must have a settlement price (given, else the
     * day's last trade price, else the mark price, else the previous settlement price). Then every working order
     * leaves its book (GFD orders as EXPIRED, the rest as MASS_CANCEL: accounts settle without open orders), margin
     * rates scheduled by {@link Venue#updateRates} become current (so positions are re-margined at them), each
     * account is settled and its statement reported, the settlement prices become the instruments'
     * pre-settlement prices, every book returns to the opening phase and the new day is reported.
     */
    boolean endTradingDay(long timestampNs, int nextTradingDay, long[] givenPrices) {
        if (!validDay(nextTradingDay) || nextTradingDay <= venue.tradingDay) {
            venue.rejects.start(RejectCode.VENUE_INVALID_TRADING_DAY).append("nextTradingDay=")
                    .append(nextTradingDay).append(" must be a yyyymmdd date after tradingDay=")
                    .append(venue.tradingDay);
            return false;
        }
        int count = venue.books.size();
        if (givenPrices != null && givenPrices.length > count) {
            venue.rejects.start(RejectCode.VENUE_INVALID_REQUEST).append("settlementPriceTicks.length=")
                    .append(givenPrices.length).append(" must be <= instruments=").append(count);
            return false;
        }
        long[] prices = new long[count];
        for (int i = 0; i < count; i++) {
            long given = givenPrices != null && i < givenPrices.length ? givenPrices[i] : 0;
            if (given < 0) {
                venue.rejects.start(RejectCode.VENUE_INVALID_REQUEST).append("settlementPriceTicks[").append(i)
                        .append("]=").append(given).append(" must be >= 0");
                return false;
            }
            prices[i] = given > 0 ? given : defaultSettlementPrice(i);
            if (prices[i] == 0 && venue.accounts.holderCount(i) > 0) {
                venue.rejects.start(RejectCode.SETTLEMENT_PRICE_MISSING).append("settlementPriceTicks[").append(i)
                        .append("] (").append(venue.registry.get(i).instrumentId())
                        .append(") must be given: positions are held and the instrument has no last, mark or"
                                + " previous settlement price");
                return false;
            }
        }
        if (venue.tradingDay <= venue.accounts.lastSettledDay()) {
            venue.rejects.start(RejectCode.ALREADY_SETTLED).append("tradingDay=").append(venue.tradingDay)
                    .append(" is already settled");
            return false;
        }
        for (OrderBook book : venue.books) {
            book.expireDayOrders(timestampNs);
            book.massCancel(timestampNs);
        }
        for (int i = 0; i < count; i++) {
            if (prices[i] > 0) {
                venue.marketData.get(i).settle(timestampNs, prices[i]);
            }
        }
        venue.registry.applyPendingMarginRates();
        List<AccountStatement> statements = new ArrayList<>(venue.accounts.accountCount());
        if (!venue.accounts.settle(venue.tradingDay, prices, statements)) {
            throw new IllegalStateException("settlement refused after its checks passed: "
                    + venue.accounts.lastRejectMessage());
        }
        for (AccountStatement statement : statements) {
            venue.listener.onSettlement(timestampNs, statement);
        }
        venue.tradingDay = nextTradingDay;
        for (int i = 0; i < count; i++) {
            if (prices[i] > 0) {
                venue.registry.setPreSettlementPrice(i, prices[i]);
            }
            OrderBook book = venue.books.get(i);
            if (book.phase() != venue.settings.openingPhase()) {
                book.setPhase(timestampNs, venue.settings.openingPhase());
            }
            startDay(timestampNs, i);
            venue.listener.onInstrumentChanged(timestampNs, i);
        }
        venue.listener.onTradingDay(timestampNs, nextTradingDay);
        return true;
    }

    int liquidate(long timestampNs) {
        int liquidated = 0;
        for (int accountId = 0; accountId < venue.accounts.accountCount(); accountId++) {
            if (!planner.needsLiquidation(accountId)) {
                continue;
            }
            LiquidationPlan plan = planner.plan(accountId);
            for (long orderId : plan.ordersToCancel()) {
                venue.flow.cancel(timestampNs, accountId, orderId);
            }
            for (LiquidationOrder order : plan.orders()) {
                int index = venue.registry.indexOf(order.instrumentId());
                liquidation.clear().timestampNs(timestampNs).accountId(accountId).instrumentIndex(index)
                        .side(order.side()).offset(order.offset()).type(OrderType.LIMIT)
                        .timeInForce(TimeInForce.IOC).priceTicks(order.priceTicks()).volume(order.volume());
                venue.flow.place(liquidation);
            }
            liquidated++;
        }
        return liquidated;
    }

    private long defaultSettlementPrice(int index) {
        long last = venue.lastPriceTicks(index);
        if (last > 0) {
            return last;
        }
        long mark = venue.accounts.markPriceTicks(index);
        return mark > 0 ? mark : venue.registry.get(index).preSettlementPriceTicks();
    }

    /** Whether the instrument has daily price limits (from its limit rate and previous settlement price). */
    static boolean hasDailyLimits(Instrument instrument) {
        return instrument.upperLimitTicks() != Long.MAX_VALUE;
    }

    /**
     * Starts the new day's figures of one instrument: its book's band becomes the daily limits (when it has them)
     * and its market data rolls its day with the same limits.
     */
    private void startDay(long timestampNs, int index) {
        Instrument instrument = venue.registry.get(index);
        boolean limited = hasDailyLimits(instrument);
        long lower = limited ? instrument.lowerLimitTicks() : OrderBookView.NULL_PRICE;
        long upper = limited ? instrument.upperLimitTicks() : OrderBookView.NULL_PRICE;
        if (limited) {
            venue.books.get(index).setPriceBand(timestampNs, lower, upper);
        }
        venue.marketData.get(index).startDay(timestampNs, lower, upper);
    }
}
