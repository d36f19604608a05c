package io.github.exchangeblocks.engine.venue;

import java.util.Arrays;

/**
 * Lifetime figures per account that settlement does not reset: fees paid, fills, lots traded, net deposits.
 * Indexed by account id; venue-thread only.
 */
final class AccountTotals {
    long[] fees = new long[16];
    long[] fills = new long[16];
    long[] lotsTraded = new long[16];
    long[] netDeposits = new long[16];

    void ensure(int accountId) {
        if (accountId >= fees.length) {
            int length = Math.max(accountId + 1, fees.length * 2);
            fees = Arrays.copyOf(fees, length);
            fills = Arrays.copyOf(fills, length);
            lotsTraded = Arrays.copyOf(lotsTraded, length);
            netDeposits = Arrays.copyOf(netDeposits, length);
        }
    }

    long hash(int accounts) {
        long hash = 17;
        for (int i = 0; i < accounts && i < fees.length; i++) {
            hash = hash * 31 + fees[i];
            hash = hash * 31 + fills[i];
            hash = hash * 31 + lotsTraded[i];
            hash = hash * 31 + netDeposits[i];
        }
        return hash;
    }
}
