package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.instrument.Decimals;
import io.github.exchangeblocks.engine.instrument.Instrument;

/**
 * The account book's commands on money and prices: opening accounts, deposits, withdrawals (at most the available
 * funds) and mark prices (refused when a holder's notional would leave the range). Refusals go to the book's reject
 * channel and change nothing. Package-private; single writer.
 */
final class AccountFunds {
    private final AccountBook book;

    AccountFunds(AccountBook book) {
        this.book = book;
    }

    int open(String userName) {
        if (userName == null || userName.isBlank() || userName.length() > 64) {
            book.refuse(RejectCode.MALFORMED_INPUT).append("userName=").append(userName)
                    .append(" must be 1..64 characters, not blank");
            return -1;
        }
        if (book.accountIdByName.containsKey(userName)) {
            book.refuse(RejectCode.ACCOUNT_EXISTS).append("userName=").append(userName)
                    .append(" already has an account");
            return -1;
        }
        int id = book.accounts.size();
        book.accounts.add(new Account(id, userName));
        book.accountIdByName.put(userName, id);
        return id;
    }

    boolean deposit(int accountId, long amount) {
        Account account = fundable(accountId, amount);
        if (account == null) {
            return false;
        }
        account.deposit += amount;
        book.listener.onAccountChanged(accountId);
        return true;
    }

    boolean withdraw(int accountId, long amount) {
        Account account = fundable(accountId, amount);
        if (account == null) {
            return false;
        }
        long available = account.available();
        if (amount > available) {
            StringBuilder m = book.refuse(RejectCode.INSUFFICIENT_AVAILABLE);
            Decimals.append(m.append("amount="), amount, book.registry.moneyScale());
            Decimals.append(m.append(" must be <= available="), available, book.registry.moneyScale());
            return false;
        }
        account.withdraw += amount;
        book.listener.onAccountChanged(accountId);
        return true;
    }

    boolean mark(int instrumentIndex, long priceTicks) {
        if (!book.registry.contains(instrumentIndex)) {
            book.refuse(RejectCode.UNKNOWN_INSTRUMENT).append("instrumentIndex=").append(instrumentIndex)
                    .append(" is not listed");
            return false;
        }
        if (priceTicks <= 0 || priceTicks > AccountBook.MAX_PRICE_TICKS) {
            book.refuse(RejectCode.INVALID_AMOUNT).append("priceTicks=").append(priceTicks).append(" must be in 1..")
                    .append(AccountBook.MAX_PRICE_TICKS);
            return false;
        }
        Instrument instrument = book.registry.get(instrumentIndex);
        if (!book.index.markFits(instrument, priceTicks)) {
            StringBuilder m = book.refuse(RejectCode.INVALID_AMOUNT).append("priceTicks=").append(priceTicks)
                    .append(" (");
            Decimals.appendPrice(m, priceTicks, instrument).append(") x largest position ")
                    .append(book.index.maxSideVolume[instrumentIndex]).append(" takes a notional out of range");
            return false;
        }
        book.index.mark(instrumentIndex, priceTicks);
        return true;
    }

    private Account fundable(int accountId, long amount) {
        Account account = book.account(accountId);
        if (account == null) {
            book.refuse(RejectCode.UNKNOWN_ACCOUNT).append("accountId=").append(accountId).append(" is not open");
            return null;
        }
        if (amount <= 0 || amount > AccountBook.MAX_AMOUNT) {
            book.refuse(RejectCode.INVALID_AMOUNT).append("amount=").append(amount).append(" must be in 1..")
                    .append(AccountBook.MAX_AMOUNT).append(" minor units");
            return null;
        }
        return account;
    }
}
