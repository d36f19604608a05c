package io.github.exchangeblocks.engine.settlement;

import static io.github.exchangeblocks.api.Offset.CLOSETODAY;
import static io.github.exchangeblocks.api.Offset.OPEN;
import static io.github.exchangeblocks.api.OrderType.LIMIT;
import static io.github.exchangeblocks.api.Side.BUY;
import static io.github.exchangeblocks.api.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.risk.LiquidationOrder;
import io.github.exchangeblocks.api.risk.LiquidationPlan;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.account.AccountConventions;
import io.github.exchangeblocks.engine.risk.RiskChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiquidationPlannerTest {
    private static final int CU = 0;
    private static final int M = 1;
    private static final int IF = 2;
    private AccountBook book;
    private int frank;

    @BeforeEach
    void setUp() {
        book = new AccountBook(SettlementFixtures.registry(), RiskChain.standard(Long.MAX_VALUE, 1_000, 100),
                AccountConventions.legacy());
        frank = book.openAccount("frank");
        book.deposit(frank, 40_000_000);
    }

    @Test
    void shouldCloseFewestLotsThatReachTargetWhenRiskRatioReachesThreshold() {
        book.placeOrder(frank, 1, CU, BUY, OPEN, LIMIT, 7000, 10);
        book.fill(1, 7000, 10);
        book.markPrice(CU, 6930);
        // margin 35,000,000; balance 40,000,000 - 17,500 - 3,500,000 = 36,482,500; ratio 95.936408%
        Account a = book.account(frank);
        assertThat(a.riskRatioE8()).isEqualTo(95_936_408);
        LiquidationPlanner planner = new LiquidationPlanner(book, new LiquidationPolicy(90_000_000, 50_000_000, false));
        LiquidationPlan plan = planner.plan(frank);
        // 50% of 36,482,500 = 18,241,250: 5 lots release 17,500,000 (4 would leave 21,000,000)
        assertThat(plan.orders()).containsExactly(
                new LiquidationOrder("SHFE.cu2512", SELL, CLOSETODAY, 5, 6930, 5, 0, 17_500_000, 0));
        assertThat(plan.marginAfter()).isEqualTo(17_500_000);
        assertThat(plan.balanceAfter()).isEqualTo(36_482_500);
        assertThat(plan.riskRatioAfterE8()).isEqualTo(47_968_204);
        assertThat(plan.targetReached()).isTrue();
        assertThat(plan.riskRatioBeforeE8()).isEqualTo(95_936_408);
        assertThat(new LiquidationPlanner(book, new LiquidationPolicy(96_000_000, 50_000_000, false)).plan(frank))
                .isNull();
    }

    @Test
    void shouldMatchPlannedEffectWhenPlanIsExecutedThroughTheBook() {
        book.placeOrder(frank, 1, M, BUY, OPEN, LIMIT, 3000, 60);
        book.fill(1, 3000, 60);
        book.placeOrder(frank, 2, IF, SELL, OPEN, LIMIT, 20000, 1);
        book.fill(2, 20000, 1);
        DailySettlement settlement = new DailySettlement(book);
        settlement.setSettlementPrice(M, 3000);
        settlement.setSettlementPrice(IF, 20000);
        settlement.settle(20251201);
        book.placeOrder(frank, 3, M, BUY, OPEN, LIMIT, 3000, 40);
        book.fill(3, 3000, 40);
        book.placeOrder(frank, 4, M, SELL, io.github.exchangeblocks.api.Offset.CLOSE, LIMIT, 3100, 5);
        book.markPrice(M, 2900);
        book.markPrice(IF, 20500);
        LiquidationPlanner planner = new LiquidationPlanner(book, LiquidationPolicy.standard());
        assertThat(planner.needsLiquidation(frank)).isTrue();
        LiquidationPlan plan = planner.plan(frank);
        assertThat(plan.ordersToCancel()).containsExactly(4L);
        assertThat(plan.orders()).isNotEmpty();
        long orderId = 100;
        for (long id : plan.ordersToCancel()) {
            assertThat(book.cancelOrder(id)).isTrue();
        }
        for (LiquidationOrder o : plan.orders()) {
            int index = book.registry().indexOf(o.instrumentId());
            assertThat(book.placeOrder(frank, orderId, index, o.side(), o.offset(), LIMIT, o.priceTicks(), o.volume()))
                    .as("%s", book.lastRejection()).isTrue();
            assertThat(book.fill(orderId++, o.priceTicks(), o.volume())).isTrue();
        }
        Account a = book.account(frank);
        assertThat(a.margin()).isEqualTo(plan.marginAfter());
        assertThat(a.balance()).isEqualTo(plan.balanceAfter());
        assertThat(a.riskRatioE8()).isEqualTo(plan.riskRatioAfterE8()).isLessThanOrEqualTo(80_000_000);
        assertThat(plan.targetReached()).isTrue();
    }

    @Test
    void shouldCloseEverythingWhenPolicyIsCloseAll() {
        book.placeOrder(frank, 1, CU, BUY, OPEN, LIMIT, 7000, 10);
        book.fill(1, 7000, 10);
        book.markPrice(CU, 6930);
        LiquidationPlan plan = new LiquidationPlanner(book, new LiquidationPolicy(90_000_000, 0, true)).plan(frank);
        assertThat(plan.orders()).singleElement().satisfies(o -> assertThat(o.volume()).isEqualTo(10));
        assertThat(plan.marginAfter()).isZero();
        assertThat(plan.riskRatioAfterE8()).isZero();
    }

    @Test
    void shouldSplitClosingOrdersAtTheMaximumOrderVolumeWhenAPositionIsLarger() {
        book.deposit(frank, 2_000_000_000);
        book.placeOrder(frank, 1, IF, SELL, OPEN, LIMIT, 20000, 20);
        book.fill(1, 20000, 20);
        book.placeOrder(frank, 2, IF, SELL, OPEN, LIMIT, 20000, 20);
        book.fill(2, 20000, 20);
        book.placeOrder(frank, 3, IF, SELL, OPEN, LIMIT, 20000, 5);
        book.fill(3, 20000, 5);
        book.markPrice(IF, 20100);
        LiquidationPlan plan = new LiquidationPlanner(book, new LiquidationPolicy(1, 0, true)).plan(frank);

        // CFFEX.IF2512 takes at most 20 lots an order: 45 short lots close as 20 + 20 + 5, today's lots (TODAY_FIRST).
        assertThat(plan.orders()).extracting(LiquidationOrder::volume).containsExactly(20L, 20L, 5L);
        assertThat(plan.orders()).allSatisfy(o -> {
            assertThat(o.side()).isEqualTo(BUY);
            assertThat(o.closedToday()).isEqualTo(o.volume());
        });
        long orderId = 100;
        for (LiquidationOrder o : plan.orders()) {
            int index = book.registry().indexOf(o.instrumentId());
            assertThat(book.placeOrder(frank, orderId, index, o.side(), o.offset(), LIMIT, o.priceTicks(), o.volume()))
                    .as("%s", book.lastRejection()).isTrue();
            assertThat(book.fill(orderId++, o.priceTicks(), o.volume())).isTrue();
        }
        Account a = book.account(frank);
        assertThat(a.margin()).isZero().isEqualTo(plan.marginAfter());
        assertThat(a.balance()).isEqualTo(plan.balanceAfter());
    }
}
