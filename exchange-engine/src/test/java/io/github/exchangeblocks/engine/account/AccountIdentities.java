package io.github.exchangeblocks.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the QIFI identities and the aggregate-vs-positions consistency of a whole book. */
final class AccountIdentities {
    private AccountIdentities() {
    }

    static void assertConsistent(AccountBook book) {
        long[] frozenMargin = new long[book.accountCount()];
        long[] frozenCommission = new long[book.accountCount()];
        for (OpenOrder order : book.orders.values()) {
            int id = order.position.account.accountId();
            frozenMargin[id] += order.frozenMargin;
            frozenCommission[id] += order.frozenCommission;
            assertThat(order.remaining).isPositive();
            assertThat(order.frozenMargin).isNotNegative();
            assertThat(order.frozenCommission).isNotNegative();
        }
        for (Account a : book.accounts) {
            assertThat(a.staticBalance()).isEqualTo(a.preBalance() + a.deposit() - a.withdraw());
            assertThat(a.balance()).isEqualTo(a.staticBalance() + a.closeProfit() - a.commission()
                    + a.positionProfit());
            assertThat(a.available()).isEqualTo(a.balance() - a.margin() - a.frozenMargin() - a.frozenCommission());
            long expectedRatio = a.margin() == 0 ? 0 : a.balance() <= 0 ? Long.MAX_VALUE
                    : AccountOracle.ceilDiv(a.margin(), 100_000_000L, a.balance());
            assertThat(a.riskRatioE8()).isEqualTo(expectedRatio);
            assertThat(a.deposit()).isNotNegative();
            assertThat(a.withdraw()).isNotNegative();
            assertThat(a.commission()).isNotNegative();
            assertThat(a.margin()).isNotNegative();
            assertThat(a.frozenMargin()).isEqualTo(frozenMargin[a.accountId()]);
            assertThat(a.frozenCommission()).isEqualTo(frozenCommission[a.accountId()]);
            long margin = 0;
            long positionProfit = 0;
            long floatProfit = 0;
            for (Position p : a.positions) {
                for (int b = 0; b < 4; b++) {
                    assertThat(p.volume[b]).isNotNegative();
                    assertThat(p.frozen[b]).isBetween(0L, p.volume[b]);
                    assertThat(p.margin[b]).isNotNegative();
                    assertThat(p.positionCost[b]).isNotNegative();
                    assertThat(p.openCost[b]).isNotNegative();
                }
                margin += p.marginLong() + p.marginShort();
                positionProfit += p.positionProfitLong() + p.positionProfitShort();
                floatProfit += p.floatProfitLong() + p.floatProfitShort();
                if (p.volumeLong() + p.volumeShort() > 0) {
                    long mark = book.markPriceTicks(p.instrument().index());
                    assertThat(p.lastPriceTicks()).isEqualTo(mark);
                    long longValue = p.instrument().notional(mark, p.volumeLong());
                    long shortValue = p.instrument().notional(mark, p.volumeShort());
                    assertThat(p.positionProfitLong()).isEqualTo(longValue - p.positionCostLong());
                    assertThat(p.positionProfitShort()).isEqualTo(p.positionCostShort() - shortValue);
                }
            }
            assertThat(a.margin()).isEqualTo(margin);
            assertThat(a.positionProfit()).isEqualTo(positionProfit);
            assertThat(a.floatProfit()).isEqualTo(floatProfit);
        }
    }
}
