package io.github.exchangeblocks.engine.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.risk.LiquidationOrder;
import io.github.exchangeblocks.api.risk.LiquidationPlan;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.account.ScenarioAccess;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * After random trading, every account's liquidation plan (threshold at its current risk ratio, target a random
 * fraction of it), executed through a restored copy of the book (cancels,
 * then the closing orders filled at their planned prices), lands exactly on the plan's margin, balance and ratio.
 */
class LiquidationProperties {

    @Provide
    Arbitrary<List<int[]>> operations() {
        return ScenarioAccess.operations();
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void shouldLandOnPlannedFiguresWhenPlanIsExecuted(@ForAll("operations") List<int[]> ops,
                                                      @ForAll @IntRange(min = 0, max = 100) int targetPercent,
                                                      @ForAll boolean closeAll) {
        check(ops, targetPercent, closeAll);
    }

    /**
     * The same property from the seed that found plans with orders above the instrument's maximum volume (the
     * planner now splits them), kept so that case is tried on every run.
     */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE, seed = "-1201988227320382567")
    void shouldLandOnPlannedFiguresFromTheSeedThatFoundOversizedOrders(
        @ForAll("operations") List<int[]> ops, @ForAll @IntRange(min = 0, max = 100) int targetPercent,
        @ForAll boolean closeAll) {
        check(ops, targetPercent, closeAll);
    }

    private void check(List<int[]> ops, int targetPercent, boolean closeAll) {
        AccountBook book = ScenarioAccess.run(ops);
        boolean planned = false;
        for (int id = 0; id < book.accountCount(); id++) {
            long ratio = book.account(id).riskRatioE8();
            long target = ratio == Long.MAX_VALUE ? 0 : ratio / 100 * targetPercent;
            LiquidationPolicy policy = new LiquidationPolicy(Math.max(1, ratio), target, closeAll);
            LiquidationPlan plan = new LiquidationPlanner(book, policy).plan(id);
            if (plan == null) {
                assertThat(book.account(id).riskRatioE8()).isLessThan(policy.thresholdE8());
                continue;
            }
            planned |= !plan.orders().isEmpty();
            AccountBook copy = AccountBook.restore(book.snapshot(), book.registry(), RiskChain.none());
            for (long orderId : plan.ordersToCancel()) {
                assertThat(copy.cancelOrder(orderId)).isTrue();
            }
            long orderId = 1_000_000;
            for (LiquidationOrder o : plan.orders()) {
                int index = copy.registry().indexOf(o.instrumentId());
                assertThat(copy.placeOrder(id, orderId, index, o.side(), o.offset(), OrderType.LIMIT, o.priceTicks(),
                        o.volume())).as("%s", copy.lastRejection()).isTrue();
                assertThat(copy.fill(orderId++, o.priceTicks(), o.volume())).isTrue();
            }
            Account after = copy.account(id);
            assertThat(after.margin()).isEqualTo(plan.marginAfter());
            assertThat(after.balance()).isEqualTo(plan.balanceAfter());
            assertThat(after.riskRatioE8()).isEqualTo(plan.riskRatioAfterE8());
            assertThat(plan.targetReached()).isEqualTo(plan.riskRatioAfterE8() <= target);
            if (closeAll || !plan.targetReached()) {
                assertThat(after.margin()).isZero();
            }
        }
        Statistics.label("plan with orders").collect(planned);
        Statistics.label("plan with orders").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }
}
