package io.github.exchangeblocks.engine.settlement;

import static io.github.exchangeblocks.api.Offset.CLOSE;
import static io.github.exchangeblocks.api.Offset.CLOSETODAY;
import static io.github.exchangeblocks.api.Offset.OPEN;
import static io.github.exchangeblocks.api.OrderType.LIMIT;
import static io.github.exchangeblocks.api.Side.BUY;
import static io.github.exchangeblocks.api.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.account.AccountConventions;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement across two days with the two CLOSE rules that let CLOSE take today's lots: soybean meal on DCE
 * (history first, 1.50 per lot, 3.00 per lot close-today, tick value 1000 cents) and the CSI 300 future on CFFEX
 * (today first, 0.23 bp, 2.3 bp close-today, tick value 6000 cents). Money in cents.
 */
class SettlementWorkedExamplesTest {
    private static final int CU = 0;
    private static final int M = 1;
    private static final int IF = 2;
    private AccountBook book;
    private DailySettlement settlement;

    @BeforeEach
    void setUp() {
        book = new AccountBook(SettlementFixtures.registry(), RiskChain.standard(Long.MAX_VALUE, 1_000, 100),
                AccountConventions.legacy());
        settlement = new DailySettlement(book);
    }

    @Test
    void shouldSettleTwoDaysAndCloseHistoryFirstWhenRuleIsHistoryFirst() {
        int bob = book.openAccount("bob");
        book.deposit(bob, 10_000_000);
        book.placeOrder(bob, 1, M, BUY, OPEN, LIMIT, 3000, 3);
        book.fill(1, 3000, 3);
        // margin 3000*3*1000*8% = 720,000; commission 3*150 = 450
        assertThat(book.account(bob).margin()).isEqualTo(720_000);
        settlement.setSettlementPrice(M, 3010);
        List<AccountStatement> day1 = settlement.settle(20251201);
        AccountStatement s = day1.get(0);
        // position profit (3010-3000)*3*1000 = 30,000 realised: balance 10,000,000 - 450 + 30,000
        assertThat(s.positionProfit()).isEqualTo(30_000);
        assertThat(s.balance()).isEqualTo(10_029_550);
        assertThat(s.margin()).isEqualTo(722_400);
        assertThat(s.available()).isEqualTo(10_029_550 - 722_400);
        assertThat(s.positions()).containsExactly(new PositionStatement("DCE.m2601", 3010, 3, 0, 30_000, 722_400, 0));
        Account a = book.account(bob);
        assertThat(a.preBalance()).isEqualTo(10_029_550);
        assertThat(a.deposit()).isZero();
        assertThat(a.commission()).isZero();
        assertThat(a.positionProfit()).isZero();
        Position p = book.position(bob, M);
        assertThat(p.volumeLongHis()).isEqualTo(3);
        assertThat(p.volumeLongToday()).isZero();
        assertThat(p.positionCostLong()).isEqualTo(9_030_000);
        assertThat(p.openCostLong()).isEqualTo(9_000_000);
        assertThat(p.floatProfitLong()).isEqualTo(30_000);

        book.placeOrder(bob, 2, M, BUY, OPEN, LIMIT, 3020, 1);
        book.fill(2, 3020, 1);
        // CLOSE 2 takes history first: removed cost floor(9,030,000*2/3) = 6,020,000, value 6,060,000
        assertThat(book.placeOrder(bob, 3, M, SELL, CLOSE, LIMIT, 3030, 2)).isTrue();
        assertThat(p.volumeLongFrozenHis()).isEqualTo(2);
        assertThat(a.frozenCommission()).isEqualTo(300);
        book.fill(3, 3030, 2);
        assertThat(a.closeProfit()).isEqualTo(40_000);
        assertThat(a.margin()).isEqualTo(722_400 - 481_600 + 241_600);
        // CLOSE 2 more: 1 history lot (+30,000) then 1 today lot at close-today 3.00 (+20,000)
        assertThat(book.placeOrder(bob, 4, M, SELL, CLOSE, LIMIT, 3040, 2)).isTrue();
        assertThat(a.frozenCommission()).isEqualTo(150 + 300);
        book.fill(4, 3040, 2);
        assertThat(a.closeProfit()).isEqualTo(90_000);
        assertThat(a.commission()).isEqualTo(150 + 300 + 450);
        assertThat(a.margin()).isZero();
        assertThat(a.balance()).isEqualTo(10_029_550 + 90_000 - 900);

        List<AccountStatement> day2 = settlement.settle(20251202);
        assertThat(day2.get(0).preBalance()).isEqualTo(10_029_550);
        assertThat(day2.get(0).balance()).isEqualTo(10_118_650);
        assertThat(day2.get(0).positions()).isEmpty();
        assertThat(a.preBalance()).isEqualTo(10_118_650);
        assertThat(book.holderCount(M)).isZero();
        assertThat(book.position(bob, M)).isNull();
    }

    @Test
    void shouldCloseTodayFirstAndChargeCloseTodayRateWhenRuleIsTodayFirst() {
        int carol = book.openAccount("carol");
        book.deposit(carol, 500_000_000);
        book.placeOrder(carol, 1, IF, BUY, OPEN, LIMIT, 20000, 2);
        book.fill(1, 20000, 2);
        // notional 240,000,000: margin 12% = 28,800,000, commission 0.23bp = 5,520
        assertThat(book.account(carol).margin()).isEqualTo(28_800_000);
        assertThat(book.account(carol).commission()).isEqualTo(5_520);
        settlement.setSettlementPrice(IF, 20100);
        settlement.settle(20251201);
        Account a = book.account(carol);
        assertThat(a.preBalance()).isEqualTo(500_000_000 - 5_520 + 1_200_000);
        assertThat(a.margin()).isEqualTo(28_944_000);

        book.placeOrder(carol, 2, IF, BUY, OPEN, LIMIT, 20200, 1);
        book.fill(2, 20200, 1);
        // 121,200,000 notional: margin 14,544,000; commission 2,787.6 rounds up to 2,788
        assertThat(a.commission()).isEqualTo(2_788);
        assertThat(book.placeOrder(carol, 3, IF, SELL, CLOSE, LIMIT, 20300, 2)).isTrue();
        // today lot at 2.3bp of 121,800,000 = 28,014; history lot at 0.23bp = 2,801.4 -> 2,802
        assertThat(a.frozenCommission()).isEqualTo(28_014 + 2_802);
        book.fill(3, 20300, 2);
        assertThat(a.closeProfit()).isEqualTo(600_000 + 1_200_000);
        assertThat(a.margin()).isEqualTo(14_472_000);
        assertThat(a.commission()).isEqualTo(2_788 + 30_816);
        assertThat(a.balance()).isEqualTo(502_960_876);
        Position p = book.position(carol, IF);
        assertThat(p.volumeLongToday()).isZero();
        assertThat(p.volumeLongHis()).isEqualTo(1);
    }

    @Test
    void shouldCloseHistoryWithCloseAndTodayOnlyWithCloseTodayWhenRuleIsTodayExplicit() {
        int dan = book.openAccount("dan");
        book.deposit(dan, 100_000_000);
        book.placeOrder(dan, 1, CU, BUY, OPEN, LIMIT, 7000, 2);
        book.fill(1, 7000, 2);
        settlement.setSettlementPrice(CU, 7100);
        settlement.settle(20251201);
        // history: 2 lots, position cost 7100*2*5000 = 71,000,000, margin 7,100,000
        book.placeOrder(dan, 2, CU, BUY, OPEN, LIMIT, 7150, 1);
        book.fill(2, 7150, 1);
        Account a = book.account(dan);
        // today: 1 lot at 35,750,000, margin 3,575,000, commission 1,787.5 -> 1,788
        assertThat(a.commission()).isEqualTo(1_788);
        assertThat(book.placeOrder(dan, 3, CU, SELL, CLOSE, LIMIT, 7200, 3)).isFalse();
        assertThat(book.lastRejection().message()).isEqualTo("CLOSE volume=3 must be <= closable=2 under TODAY_EXPLICIT");
        assertThat(book.placeOrder(dan, 3, CU, SELL, CLOSE, LIMIT, 7200, 2)).isTrue();
        Position p = book.position(dan, CU);
        assertThat(p.volumeLongFrozenHis()).isEqualTo(2);
        assertThat(p.volumeLongFrozenToday()).isZero();
        // close commission 0.5bp of 72,000,000 = 3,600
        assertThat(a.frozenCommission()).isEqualTo(3_600);
        book.fill(3, 7200, 2);
        assertThat(a.closeProfit()).isEqualTo(72_000_000 - 71_000_000);
        assertThat(a.margin()).isEqualTo(3_575_000);
        assertThat(book.placeOrder(dan, 4, CU, SELL, CLOSETODAY, LIMIT, 7200, 1)).isTrue();
        book.fill(4, 7200, 1);
        // close-today is free on cu: 36,000,000 - 35,750,000
        assertThat(a.closeProfit()).isEqualTo(1_000_000 + 250_000);
        assertThat(a.commission()).isEqualTo(1_788 + 3_600);
        assertThat(a.margin()).isZero();
        assertThat(p.volumeLong()).isZero();
        assertThat(a.balance()).isEqualTo(a.preBalance() + 1_250_000 - 5_388);
    }

    @Test
    void shouldRefuseSecondSettlementOfTheSameDayAndMissingPrices() {
        int bob = book.openAccount("bob");
        book.deposit(bob, 10_000_000);
        book.placeOrder(bob, 1, M, BUY, OPEN, LIMIT, 3000, 1);
        assertThat(settlement.settle(20251201)).isNull();
        assertThat(settlement.lastRejection().code()).isEqualTo(RejectCode.SETTLEMENT_OPEN_ORDERS);
        book.fill(1, 3000, 1);
        long hash = book.stateHash();
        assertThat(settlement.settle(20251201)).isNull();
        assertThat(settlement.lastRejection().code()).isEqualTo(RejectCode.SETTLEMENT_PRICE_MISSING);
        assertThat(settlement.lastRejection().message()).contains("DCE.m2601");
        assertThat(book.stateHash()).isEqualTo(hash);
        settlement.setSettlementPrice(M, 3000);
        assertThat(settlement.settle(20251201)).hasSize(1);
        settlement.setSettlementPrice(M, 3000);
        assertThat(settlement.settle(20251201)).isNull();
        assertThat(settlement.lastRejection().code()).isEqualTo(RejectCode.ALREADY_SETTLED);
        assertThat(settlement.lastRejection().message()).isEqualTo("tradingDay=20251201 must be > lastSettledDay=20251201");
    }

    @Test
    void shouldSetTomorrowsBandFromSettlementPrice() {
        settlement.setSettlementPrice(CU, 7000);
        settlement.settle(20251201);
        // 8% of 7000 = 560 ticks
        assertThat(book.registry().get(CU).upperLimitTicks()).isEqualTo(7560);
        assertThat(book.registry().get(CU).lowerLimitTicks()).isEqualTo(6440);
        int bob = book.openAccount("bob");
        book.deposit(bob, 100_000_000);
        assertThat(book.placeOrder(bob, 1, CU, BUY, OPEN, LIMIT, 7561, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.PRICE_OUTSIDE_BAND);
        assertThat(book.lastRejection().message())
                .isEqualTo("priceTicks=7561 (75610) must be in 6440..7560 (64400..75600)");
        assertThat(book.placeOrder(bob, 1, CU, BUY, OPEN, LIMIT, 7560, 1)).isTrue();
    }

    @Test
    void shouldRenderStatementAsPlainText() {
        int bob = book.openAccount("bob");
        book.deposit(bob, 10_000_000);
        book.placeOrder(bob, 1, M, BUY, OPEN, LIMIT, 3000, 3);
        book.fill(1, 3000, 3);
        settlement.setSettlementPrice(M, 3010);
        String text = new StatementRenderer(2).render(settlement.settle(20251201).get(0));
        assertThat(text).startsWith("Settlement statement 20251201 account 0 (bob)\n")
                .contains("deposit                     100000.00\n")
                .contains("commission                       4.50\n")
                .contains("balance                     100295.50\n")
                .contains("risk_ratio                    7.2027%\n")
                .contains("DCE.m2601");
    }

    @Test
    void shouldRenderSettlementPricesAsDecimalsWhenRendererKnowsTheInstruments() {
        int bob = book.openAccount("bob");
        book.deposit(bob, 100_000_000);
        book.placeOrder(bob, 1, IF, BUY, OPEN, LIMIT, 19_001, 1);
        book.fill(1, 19_001, 1);
        // IF2512: tick 0.2, so 19,001 ticks settle at 3800.2 index points
        settlement.setSettlementPrice(IF, 19_001);
        String text = new StatementRenderer(book.registry()).render(settlement.settle(20251201).get(0));
        assertThat(text).contains("settle_price").contains("CFFEX.IF2512           3800.2        1        0");
    }
}
