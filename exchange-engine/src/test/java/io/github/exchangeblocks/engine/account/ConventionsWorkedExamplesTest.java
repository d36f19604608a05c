package io.github.exchangeblocks.engine.account;

import static io.github.exchangeblocks.api.Offset.CLOSE;
import static io.github.exchangeblocks.api.Offset.CLOSETODAY;
import static io.github.exchangeblocks.api.Offset.OPEN;
import static io.github.exchangeblocks.api.OrderType.LIMIT;
import static io.github.exchangeblocks.api.Side.BUY;
import static io.github.exchangeblocks.api.Side.SELL;
import static io.github.exchangeblocks.engine.account.ConventionsFixtures.IF_HISTORY_FIRST;
import static io.github.exchangeblocks.engine.account.ConventionsFixtures.IF_TODAY_EXPLICIT;
import static io.github.exchangeblocks.engine.account.ConventionsFixtures.IF_TODAY_FIRST;
import static io.github.exchangeblocks.engine.account.ConventionsFixtures.TIE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.account.FillView;
import io.github.exchangeblocks.api.instrument.Rounding;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of every {@link AccountConventions} setting, cents computed by hand in the comments (see
 * {@link ConventionsFixtures} for the instruments).
 */
class ConventionsWorkedExamplesTest {
    private AccountBook book;
    private int alice;

    private void open(AccountConventions conventions) {
        book = new AccountBook(ConventionsFixtures.registry(), RiskChain.standard(Long.MAX_VALUE, 1_000, 100),
                conventions);
        alice = book.openAccount("alice");
        assertThat(book.deposit(alice, 100_000_000)).isTrue();
    }

    private static AccountConventions commission(Rounding rounding) {
        return AccountConventions.builder().commissionRounding(rounding).build();
    }

    private long openFee(AccountConventions conventions, long priceTicks) {
        open(conventions);
        assertThat(book.placeOrder(alice, 1, IF_TODAY_FIRST, BUY, OPEN, LIMIT, priceTicks, 1)).isTrue();
        long frozen = book.order(1).frozenCommission();
        assertThat(book.fill(1, priceTicks, 1)).isTrue();
        assertThat(book.lastFill().commission()).isEqualTo(frozen);
        assertThat(book.account(alice).commission()).isEqualTo(frozen);
        return frozen;
    }

    @Test
    void shouldRoundCommissionTieByModeWhenFeeIsExactlyHalfACent() {
        // 19250 x 0.138 = 2656.5 cents: a tie whose lower neighbour is even
        assertThat(openFee(commission(Rounding.UP), 19_250)).isEqualTo(2_657);
        assertThat(openFee(commission(Rounding.HALF_UP), 19_250)).isEqualTo(2_657);
        assertThat(openFee(commission(Rounding.HALF_EVEN), 19_250)).isEqualTo(2_656);
        // 19750 x 0.138 = 2725.5: the lower neighbour is odd, so HALF_EVEN rounds up too
        assertThat(openFee(commission(Rounding.HALF_EVEN), 19_750)).isEqualTo(2_726);
    }

    @Test
    void shouldRoundCommissionDownOnlyWhenModeIsNotUpAndFractionIsBelowHalf() {
        // 19001 x 0.138 = 2622.138 cents
        assertThat(openFee(commission(Rounding.UP), 19_001)).isEqualTo(2_623);
        assertThat(openFee(commission(Rounding.HALF_UP), 19_001)).isEqualTo(2_622);
        assertThat(openFee(commission(Rounding.HALF_EVEN), 19_001)).isEqualTo(2_622);
        assertThat(openFee(AccountConventions.defaults(), 19_001)).isEqualTo(2_622);
        assertThat(openFee(AccountConventions.legacy(), 19_001)).isEqualTo(2_623);
    }

    private long margin(Rounding rounding, long priceTicks) {
        open(AccountConventions.builder().marginRounding(rounding).build());
        assertThat(book.placeOrder(alice, 1, TIE, BUY, OPEN, LIMIT, priceTicks, 1)).isTrue();
        long frozen = book.order(1).frozenMargin();
        assertThat(book.fill(1, priceTicks, 1)).isTrue();
        assertThat(book.lastFill().marginBooked()).isEqualTo(frozen);
        assertThat(book.account(alice).margin()).isEqualTo(frozen);
        return frozen;
    }

    @Test
    void shouldRoundMarginTieByModeWhenMarginIsExactlyHalfACent() {
        // 7001 x 100 x 12.5% = 87512.5 cents (lower neighbour even); 7003: 87537.5 (lower neighbour odd)
        assertThat(margin(Rounding.UP, 7_001)).isEqualTo(87_513);
        assertThat(margin(Rounding.HALF_UP, 7_001)).isEqualTo(87_513);
        assertThat(margin(Rounding.HALF_EVEN, 7_001)).isEqualTo(87_512);
        assertThat(margin(Rounding.HALF_EVEN, 7_003)).isEqualTo(87_538);
        // 7000 x 100 x 12.5% = 87500 exactly: no mode changes it
        assertThat(margin(Rounding.UP, 7_000)).isEqualTo(87_500);
    }

    @Test
    void shouldRoundMarginAtSettlementWithTheSameMode() {
        open(AccountConventions.builder().marginRounding(Rounding.HALF_EVEN).build());
        book.placeOrder(alice, 1, TIE, BUY, OPEN, LIMIT, 7_000, 1);
        book.fill(1, 7_000, 1);
        // settled at 7001: 87512.5 rounds to the even 87512
        assertThat(book.settle(20251201, new long[] {0, 0, 0, 7_001}, null)).isTrue();
        assertThat(book.account(alice).margin()).isEqualTo(87_512);
    }

    /** One history lot (opened day 1 at 19000, settled at 19000) and one today lot (opened at 19000). */
    private void holdOneTodayAndOneHistoryLot(AccountConventions conventions, int instrument) {
        open(conventions);
        book.placeOrder(alice, 1, instrument, BUY, OPEN, LIMIT, 19_000, 1);
        book.fill(1, 19_000, 1);
        long[] prices = new long[4];
        prices[instrument] = 19_000;
        assertThat(book.settle(20251201, prices, null)).isTrue();
        book.placeOrder(alice, 2, instrument, BUY, OPEN, LIMIT, 19_000, 1);
        book.fill(2, 19_000, 1);
    }

    /**
     * Closing 1 today + 1 history lot at 19001: today's part 19001 x 1.38 = 26221.38, history's 19001 x 0.138 =
     * 2622.138; added first 28843.518.
     */
    private FillView closeBothLotsInOneFill(AccountConventions conventions, int instrument) {
        holdOneTodayAndOneHistoryLot(conventions, instrument);
        assertThat(book.placeOrder(alice, 3, instrument, SELL, CLOSE, LIMIT, 19_001, 2)).isTrue();
        assertThat(book.order(3).frozenTodayVolume()).isEqualTo(1);
        assertThat(book.order(3).frozenHisVolume()).isEqualTo(1);
        assertThat(book.fill(3, 19_001, 2)).isTrue();
        FillView fill = book.lastFill();
        assertThat(fill.closedTodayVolume()).isEqualTo(1);
        assertThat(fill.closedHisVolume()).isEqualTo(1);
        // both lots cost 19000 x 6000 = 114,000,000 (history at the settlement price): profit 6000 each
        assertThat(fill.closeProfit()).isEqualTo(12_000);
        // each lot held 12% x 114,000,000 = 13,680,000
        assertThat(fill.marginReleased()).isEqualTo(27_360_000);
        assertThat(fill.positionLongAfter()).isZero();
        return fill;
    }

    @Test
    void shouldRoundMixedCloseCommissionOnceAfterAddingWhenRuleIsTodayFirst() {
        // HALF_UP once: 28843.518 -> 28844; per part: 26221 + 2622 = 28843; UP per part (legacy): 26222 + 2623
        assertThat(closeBothLotsInOneFill(AccountConventions.defaults(), IF_TODAY_FIRST).commission())
                .isEqualTo(28_844);
        assertThat(closeBothLotsInOneFill(AccountConventions.builder().roundMixedCloseOnce(false).build(),
                IF_TODAY_FIRST).commission()).isEqualTo(28_843);
        assertThat(closeBothLotsInOneFill(AccountConventions.legacy(), IF_TODAY_FIRST).commission())
                .isEqualTo(28_845);
        assertThat(closeBothLotsInOneFill(AccountConventions.builder().commissionRounding(Rounding.UP).build(),
                IF_TODAY_FIRST).commission()).isEqualTo(28_844);
    }

    @Test
    void shouldRoundMixedCloseCommissionOnceAfterAddingWhenRuleIsHistoryFirst() {
        assertThat(closeBothLotsInOneFill(AccountConventions.defaults(), IF_HISTORY_FIRST).commission())
                .isEqualTo(28_844);
        assertThat(closeBothLotsInOneFill(AccountConventions.builder().roundMixedCloseOnce(false).build(),
                IF_HISTORY_FIRST).commission()).isEqualTo(28_843);
    }

    @Test
    void shouldRoundEachOrderAloneWhenRuleIsTodayExplicitBecauseNoFillMixesTodayAndHistory() {
        holdOneTodayAndOneHistoryLot(AccountConventions.defaults(), IF_TODAY_EXPLICIT);
        assertThat(book.placeOrder(alice, 3, IF_TODAY_EXPLICIT, SELL, CLOSE, LIMIT, 19_001, 2)).isFalse();
        assertThat(book.lastRejectCode()).isEqualTo(RejectCode.INSUFFICIENT_POSITION);
        assertThat(book.lastRejectMessage().toString())
                .isEqualTo("CLOSE volume=2 must be <= closable=1 under TODAY_EXPLICIT");
        book.placeOrder(alice, 3, IF_TODAY_EXPLICIT, SELL, CLOSE, LIMIT, 19_001, 1);
        book.fill(3, 19_001, 1);
        // 2622.138 -> 2622
        assertThat(book.lastFill().commission()).isEqualTo(2_622);
        assertThat(book.lastFill().closedHisVolume()).isEqualTo(1);
        book.placeOrder(alice, 4, IF_TODAY_EXPLICIT, SELL, CLOSETODAY, LIMIT, 19_001, 1);
        book.fill(4, 19_001, 1);
        // 26221.38 -> 26221: 28843 in all, a cent less than one mixed fill rounded once
        assertThat(book.lastFill().commission()).isEqualTo(26_221);
        // today's commission (settlement restarted it): the open at 19000 (2622.0) and the two closes
        assertThat(book.account(alice).commission()).isEqualTo(2_622 + 2_622 + 26_221);
    }

    @Test
    void shouldFreezeClosingCommissionOnlyWhenConventionsSaySo() {
        holdOneTodayAndOneHistoryLot(AccountConventions.builder().freezeCloseCommission(true).build(),
                IF_TODAY_FIRST);
        long available = book.account(alice).available();
        assertThat(book.placeOrder(alice, 3, IF_TODAY_FIRST, SELL, CLOSE, LIMIT, 19_001, 2)).isTrue();
        // frozen at the order price as the fill would charge it: 28843.518 -> 28844
        assertThat(book.order(3).frozenCommission()).isEqualTo(28_844);
        assertThat(book.account(alice).available()).isEqualTo(available - 28_844);
        assertThat(book.reduceOrder(3, 1)).isTrue();
        // TODAY_FIRST fills take today first, so the today lot stays frozen: 26221.38 -> 26221
        assertThat(book.order(3).frozenTodayVolume()).isEqualTo(1);
        assertThat(book.order(3).frozenHisVolume()).isZero();
        assertThat(book.order(3).frozenCommission()).isEqualTo(26_221);

        holdOneTodayAndOneHistoryLot(AccountConventions.defaults(), IF_TODAY_FIRST);
        available = book.account(alice).available();
        assertThat(book.placeOrder(alice, 3, IF_TODAY_FIRST, SELL, CLOSE, LIMIT, 19_001, 2)).isTrue();
        assertThat(book.order(3).frozenCommission()).isZero();
        assertThat(book.account(alice).available()).isEqualTo(available);
        assertThat(book.position(alice, IF_TODAY_FIRST).volumeLongFrozenToday()).isEqualTo(1);
        assertThat(book.position(alice, IF_TODAY_FIRST).volumeLongFrozenHis()).isEqualTo(1);
    }

    private List<String> flatPositionEvents(AccountConventions conventions) {
        open(conventions);
        book.placeOrder(alice, 1, TIE, BUY, OPEN, LIMIT, 7_000, 1);
        book.fill(1, 7_000, 1);
        book.placeOrder(alice, 2, TIE, SELL, CLOSETODAY, LIMIT, 7_000, 1);
        book.fill(2, 7_000, 1);
        List<String> events = new ArrayList<>();
        book.changeListener(new io.github.exchangeblocks.api.account.AccountChangeListener() {
            @Override
            public void onAccountChanged(int accountId) {
            }

            @Override
            public void onPositionChanged(int accountId, int instrumentIndex) {
                events.add(accountId + "/" + instrumentIndex);
            }
        });
        assertThat(book.settle(20251201, new long[] {0, 0, 0, 7_000}, null)).isTrue();
        return events;
    }

    @Test
    void shouldKeepFlatPositionThroughSettlementUntilPurgedWhenRetained() {
        // settlement marks the holder and tells about every position it rolls or keeps
        assertThat(flatPositionEvents(AccountConventions.defaults())).containsOnly("0/3");
        Position flat = book.position(alice, TIE);
        assertThat(flat).isNotNull();
        assertThat(flat.volumeLong() + flat.volumeShort()).isZero();
        assertThat(book.account(alice).positions()).containsExactly(flat);
        assertThat(book.holderCount(TIE)).isEqualTo(1);
        // a flat position needs no settlement price on the next day either
        assertThat(book.settle(20251202, new long[] {0}, null)).as("%s", book.lastRejection()).isTrue();
        assertThat(book.position(alice, TIE)).isSameAs(flat);
        List<String> purged = new ArrayList<>();
        book.changeListener(new io.github.exchangeblocks.api.account.AccountChangeListener() {
            @Override
            public void onAccountChanged(int accountId) {
            }

            @Override
            public void onPositionChanged(int accountId, int instrumentIndex) {
                purged.add(accountId + "/" + instrumentIndex);
            }
        });
        assertThat(book.purgeFlatPositions()).isEqualTo(1);
        assertThat(purged).containsExactly("0/3");
        assertThat(book.position(alice, TIE)).isNull();
        assertThat(book.account(alice).positions()).isEmpty();
        assertThat(book.holderCount(TIE)).isZero();
        assertThat(book.purgeFlatPositions()).isZero();
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldDropFlatPositionAtSettlementWhenNotRetained() {
        assertThat(flatPositionEvents(AccountConventions.legacy())).containsOnly("0/3");
        assertThat(book.position(alice, TIE)).isNull();
        assertThat(book.holderCount(TIE)).isZero();
    }

    @Test
    void shouldReportUnboundedRiskRatioWhenBalanceIsNotPositive() {
        assertThat(Account.riskRatioE8(1, 0)).isEqualTo(io.github.exchangeblocks.api.account.AccountView
                .RISK_RATIO_UNBOUNDED);
        assertThat(Account.riskRatioE8(1, -5)).isEqualTo(Long.MAX_VALUE);
        assertThat(Account.riskRatioE8(0, -5)).isZero();
    }

    @Test
    void shouldEncodeAndDecodeEveryCombinationAndNameTheFieldWhenNull() {
        for (Rounding c : Rounding.values()) {
            for (Rounding m : Rounding.values()) {
                for (int flags = 0; flags < 8; flags++) {
                    AccountConventions conventions = AccountConventions.builder().commissionRounding(c)
                            .marginRounding(m).freezeCloseCommission((flags & 1) != 0)
                            .retainFlatPositions((flags & 2) != 0).roundMixedCloseOnce((flags & 4) != 0).build();
                    assertThat(AccountConventions.decode(conventions.encode())).isEqualTo(conventions);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccountConventions.builder().marginRounding(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("marginRounding=null must be one of UP, HALF_UP, HALF_EVEN");
        assertThat(AccountConventions.defaults().toString()).isEqualTo("AccountConventions[commissionRounding=HALF_UP,"
                + " marginRounding=HALF_UP, freezeCloseCommission=false, retainFlatPositions=true,"
                + " roundMixedCloseOnce=true]");
    }
}
