package io.github.exchangeblocks.engine.settlement;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.account.Rejection;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * End-of-day settlement driver: collects one settlement price per instrument, then settles the account book for a
 * trading day (see {@link AccountBook#settle}) and sets each priced instrument's previous settlement price (and so
 * tomorrow's band). A day is settled at most once; a refused settlement changes nothing and keeps the prices.
 *
 * <p>Single writer: call on the book's thread.
 */
public final class DailySettlement {
    private final AccountBook book;
    private final InstrumentRegistry registry;
    private long[] prices = new long[16];
    private Rejection lastRejection;

    /**
     * Creates a driver for one book.
     *
     * @param book the account book, not {@code null}
     */
    public DailySettlement(AccountBook book) {
        this.book = book;
        this.registry = book.registry();
    }

    /**
     * Sets (or replaces) an instrument's settlement price for the coming settlement.
     *
     * @param instrumentIndex the instrument
     * @param priceTicks      the price, {@code 1..AccountBook.MAX_PRICE_TICKS}
     * @return true if set
     */
    public boolean setSettlementPrice(int instrumentIndex, long priceTicks) {
        if (!registry.contains(instrumentIndex)) {
            lastRejection = new Rejection(RejectCode.UNKNOWN_INSTRUMENT, "instrumentIndex=" + instrumentIndex
                    + " is not listed");
            return false;
        }
        if (priceTicks <= 0 || priceTicks > AccountBook.MAX_PRICE_TICKS) {
            lastRejection = new Rejection(RejectCode.INVALID_AMOUNT, "settlementPriceTicks=" + priceTicks
                    + " must be in 1.." + AccountBook.MAX_PRICE_TICKS);
            return false;
        }
        if (prices.length <= instrumentIndex) {
            prices = Arrays.copyOf(prices, Math.max(instrumentIndex + 1, prices.length * 2));
        }
        prices[instrumentIndex] = priceTicks;
        return true;
    }

    /**
     * The settlement price set for an instrument.
     *
     * @param instrumentIndex the instrument
     * @return ticks, {@code 0} if none
     */
    public long settlementPrice(int instrumentIndex) {
        return instrumentIndex >= 0 && instrumentIndex < prices.length ? prices[instrumentIndex] : 0;
    }

    /**
     * Settles a trading day and clears the collected prices.
     *
     * @param tradingDay {@code yyyymmdd}, after the last settled day
     * @return one statement per account in id order, or {@code null} if refused (see {@link #lastRejection()})
     */
    public List<AccountStatement> settle(int tradingDay) {
        List<AccountStatement> statements = new ArrayList<>(book.accountCount());
        long[] snapshot = Arrays.copyOf(prices, Math.max(prices.length, registry.size()));
        if (!book.settle(tradingDay, snapshot, statements)) {
            lastRejection = book.lastRejection();
            return null;
        }
        for (int i = 0; i < registry.size(); i++) {
            if (snapshot[i] > 0) {
                registry.setPreSettlementPrice(i, snapshot[i]);
            }
        }
        Arrays.fill(prices, 0);
        return statements;
    }

    /**
     * Why the last refused call was refused.
     *
     * @return the rejection, or {@code null}
     */
    public Rejection lastRejection() {
        return lastRejection;
    }
}
