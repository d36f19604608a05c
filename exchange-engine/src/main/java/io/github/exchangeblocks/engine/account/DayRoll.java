package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Daily settlement of an {@link AccountBook}: every held instrument is marked at its settlement price, each
 * account's position profit is realised into the balance, positions' cost moves to the settlement price, margins
 * are recomputed there, today's lots join history, {@code pre_balance} becomes the balance and the day's fields
 * (deposit, withdraw, close_profit, commission) restart from zero. Balances do not change; margins (and so
 * available) do. Flat positions are dropped from the holder index, unless the conventions retain them (then they
 * stay, rolled with zero volumes, until {@link AccountBook#purgeFlatPositions()}).
 *
 * <p>Refused, with nothing changed, if the day is not after the last settled day, if open orders remain (the host
 * cancels or expires them first), or if a held instrument has no settlement price. The change listener hears
 * every account and every position (including dropped flat ones).
 */
final class DayRoll {
    private static final Comparator<PositionStatement> BY_INSTRUMENT =
            Comparator.comparing(PositionStatement::instrumentId);

    private DayRoll() {
    }

    static boolean check(AccountBook book, int tradingDay, long[] prices) {
        if (tradingDay <= book.lastSettledDay) {
            book.refuse(RejectCode.ALREADY_SETTLED).append("tradingDay=").append(tradingDay)
                    .append(" must be > lastSettledDay=").append(book.lastSettledDay);
            return false;
        }
        if (prices == null) {
            book.refuse(RejectCode.SETTLEMENT_PRICE_MISSING).append("settlementPriceTicks=null must not be null");
            return false;
        }
        if (!book.orders.isEmpty()) {
            book.refuse(RejectCode.SETTLEMENT_OPEN_ORDERS).append("openOrders=").append(book.orders.size())
                    .append(" must be 0 at settlement: cancel or expire them first");
            return false;
        }
        for (int i = 0; i < book.index.instrumentCount(); i++) {
            long price = i < prices.length ? prices[i] : 0;
            String id = book.registry.get(i).instrumentId();
            if (price < 0 || price > AccountBook.MAX_PRICE_TICKS) {
                book.refuse(RejectCode.SETTLEMENT_PRICE_MISSING).append(id).append(" settlementPriceTicks=")
                        .append(price).append(" must be in 0..").append(AccountBook.MAX_PRICE_TICKS);
                return false;
            }
            if (price > 0 && !book.index.markFits(book.registry.get(i), price)) {
                book.refuse(RejectCode.SETTLEMENT_PRICE_MISSING).append(id).append(" settlementPriceTicks=")
                        .append(price).append(" takes a notional out of range");
                return false;
            }
            if (price == 0 && book.index.holdsVolume(i)) {
                book.refuse(RejectCode.SETTLEMENT_PRICE_MISSING).append(id)
                        .append(" has positions but settlementPriceTicks=0");
                return false;
            }
        }
        return true;
    }

    static int purge(AccountBook book) {
        int removed = 0;
        for (Account account : book.accounts) {
            int write = 0;
            for (int i = 0, n = account.positions.size(); i < n; i++) {
                Position position = account.positions.get(i);
                if (position.isFlat()) {
                    book.dropPosition(position);
                    book.listener.onPositionChanged(account.accountId(), position.instrument.index());
                    removed++;
                } else {
                    account.positions.set(write++, position);
                }
            }
            for (int i = account.positions.size() - 1; i >= write; i--) {
                account.positions.remove(i);
            }
        }
        book.index.compact();
        return removed;
    }

    static void apply(AccountBook book, int tradingDay, long[] prices, List<AccountStatement> statements) {
        for (int i = 0, n = Math.min(prices.length, book.registry.size()); i < n; i++) {
            if (prices[i] > 0) {
                book.markPrice(i, prices[i]);
            }
        }
        List<PositionStatement> lines = statements == null ? null : new ArrayList<>();
        boolean retain = book.conventions.retainFlatPositions();
        for (Account account : book.accounts) {
            long balance = account.balance();
            long settledProfit = account.positionProfit;
            long margin = 0;
            int write = 0;
            for (int i = 0, n = account.positions.size(); i < n; i++) {
                Position position = account.positions.get(i);
                if (position.isFlat() && !retain) {
                    book.dropPosition(position);
                    book.listener.onPositionChanged(account.accountId(), position.instrument.index());
                    continue;
                }
                boolean flat = position.isFlat();
                long price = flat ? 0 : prices[position.instrument.index()];
                long profit = position.positionProfitLong + position.positionProfitShort;
                margin += flat ? 0 : position.roll(price, book.conventions.marginRounding());
                if (lines != null && !flat) {
                    lines.add(new PositionStatement(position.instrumentId(), price, position.volumeLong(),
                            position.volumeShort(), profit, position.marginLong(), position.marginShort()));
                }
                account.positions.set(write++, position);
                book.listener.onPositionChanged(account.accountId(), position.instrument.index());
            }
            for (int i = account.positions.size() - 1; i >= write; i--) {
                account.positions.remove(i);
            }
            if (statements != null) {
                lines.sort(BY_INSTRUMENT);
                statements.add(new AccountStatement(tradingDay, account.accountId(), account.userName(),
                        account.preBalance, account.deposit, account.withdraw, account.closeProfit, account.commission,
                        settledProfit, balance, margin, balance - margin, Account.riskRatioE8(margin, balance), lines));
                lines.clear();
            }
            account.margin = margin;
            account.preBalance = balance;
            account.deposit = 0;
            account.withdraw = 0;
            account.closeProfit = 0;
            account.commission = 0;
            book.listener.onAccountChanged(account.accountId());
        }
        book.index.compact();
        book.lastSettledDay = tradingDay;
    }
}
