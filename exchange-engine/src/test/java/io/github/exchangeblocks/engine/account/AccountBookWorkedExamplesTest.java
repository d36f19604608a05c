package io.github.exchangeblocks.engine.account;

import static io.github.exchangeblocks.api.Offset.CLOSE;
import static io.github.exchangeblocks.api.Offset.CLOSETODAY;
import static io.github.exchangeblocks.api.Offset.OPEN;
import static io.github.exchangeblocks.api.OrderType.LIMIT;
import static io.github.exchangeblocks.api.Side.BUY;
import static io.github.exchangeblocks.api.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.risk.RiskChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Worked examples on copper (SHFE, close-today explicit, commission on notional); numbers in cents, worked out in
 * the comments. Tick value 5000 cents: notional = priceTicks x lots x 5000.
 */
class AccountBookWorkedExamplesTest {
    private static final int CU = 0;
    private AccountBook book;
    private int alice;

    @BeforeEach
    void setUp() {
        book = new AccountBook(Fixtures.registry(), RiskChain.standard(Long.MAX_VALUE, 1_000, 100),
                AccountConventions.legacy());
        alice = book.openAccount("alice");
        assertThat(book.deposit(alice, 100_000_000)).isTrue();
    }

    private Account alice() {
        return book.account(alice);
    }

    @Test
    void shouldFreezeMarginAndCommissionWhenOpenOrderIsAccepted() {
        assertThat(book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 2)).isTrue();
        // notional 7000*2*5000 = 70,000,000; margin 10% = 7,000,000; commission 0.5bp = 3,500
        assertThat(alice().frozenMargin()).isEqualTo(7_000_000);
        assertThat(alice().frozenCommission()).isEqualTo(3_500);
        assertThat(alice().available()).isEqualTo(100_000_000 - 7_000_000 - 3_500);
        assertThat(book.position(alice, CU).pendingOpenVolume(true)).isEqualTo(2);
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldBookMarginCommissionAndPositionWhenOpenOrderFills() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 2);
        assertThat(book.fill(1, 6990, 2)).isTrue();
        // fill notional 6990*2*5000 = 69,900,000: margin 6,990,000, commission 3,495; the fill seeds the mark
        Position p = book.position(alice, CU);
        assertThat(p.volumeLongToday()).isEqualTo(2);
        assertThat(p.openCostLong()).isEqualTo(69_900_000);
        assertThat(alice().margin()).isEqualTo(6_990_000);
        assertThat(alice().commission()).isEqualTo(3_495);
        assertThat(alice().frozenMargin()).isZero();
        assertThat(alice().frozenCommission()).isZero();
        assertThat(alice().balance()).isEqualTo(99_996_505);
        assertThat(alice().available()).isEqualTo(93_006_505);
        // ceil(6,990,000 * 10^8 / 99,996,505) = 6,990,245 (6.990245%)
        assertThat(alice().riskRatioE8()).isEqualTo(6_990_245);
        assertThat(book.remainingVolume(1)).isEqualTo(-1);
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldRoundCommissionUpWhenAddingToPosition() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 2);
        book.fill(1, 6990, 2);
        book.placeOrder(alice, 2, CU, BUY, OPEN, LIMIT, 7010, 1);
        book.fill(2, 7010, 1);
        // 7010*5000 = 35,050,000: margin 3,505,000; commission 1,752.5 rounds up to 1,753
        assertThat(alice().margin()).isEqualTo(6_990_000 + 3_505_000);
        assertThat(alice().commission()).isEqualTo(3_495 + 1_753);
        // marked at 6990: 3 lots worth 104,850,000 against cost 104,950,000
        assertThat(alice().positionProfit()).isEqualTo(-100_000);
        assertThat(book.markPrice(CU, 7100)).isTrue();
        // 7100*3*5000 = 106,500,000 - 104,950,000
        assertThat(alice().positionProfit()).isEqualTo(1_550_000);
        assertThat(alice().floatProfit()).isEqualTo(1_550_000);
        assertThat(alice().balance()).isEqualTo(100_000_000 - 5_248 + 1_550_000);
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldRefuseCloseOfTodayPositionWhenExchangeRequiresCloseToday() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 2);
        book.fill(1, 6990, 2);
        long hash = book.stateHash();
        assertThat(book.placeOrder(alice, 2, CU, SELL, CLOSE, LIMIT, 7100, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.INSUFFICIENT_POSITION);
        assertThat(book.lastRejection().message()).contains("volume=1", "closable=0", "TODAY_EXPLICIT");
        assertThat(book.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldClosePartOfTodayPositionProportionallyWhenClosingToday() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 2);
        book.fill(1, 6990, 2);
        book.placeOrder(alice, 2, CU, BUY, OPEN, LIMIT, 7010, 1);
        book.fill(2, 7010, 1);
        book.markPrice(CU, 7100);
        assertThat(book.placeOrder(alice, 3, CU, SELL, CLOSETODAY, LIMIT, 7100, 1)).isTrue();
        assertThat(book.position(alice, CU).volumeLongFrozenToday()).isEqualTo(1);
        assertThat(alice().frozenCommission()).isZero();
        assertThat(book.fill(3, 7100, 1)).isTrue();
        // removed cost floor(104,950,000 / 3) = 34,983,333; value 35,500,000; close profit 516,667
        // margin released floor(10,495,000 / 3) = 3,498,333; close-today commission is free on cu
        Position p = book.position(alice, CU);
        assertThat(p.volumeLongToday()).isEqualTo(2);
        assertThat(p.volumeLongFrozenToday()).isZero();
        assertThat(alice().closeProfit()).isEqualTo(516_667);
        assertThat(alice().margin()).isEqualTo(10_495_000 - 3_498_333);
        assertThat(p.positionCostLong()).isEqualTo(104_950_000 - 34_983_333);
        assertThat(alice().positionProfit()).isEqualTo(1_033_333);
        assertThat(alice().balance()).isEqualTo(100_000_000 - 5_248 + 1_550_000);
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldReleaseFreezeExactlyWhenFilledInPartsAtSeveralPrices() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 3);
        book.fill(1, 6980, 1);
        // the freeze is that of the 2 lots left at 7000: margin 7,000,000, commission 3,500
        assertThat(alice().frozenMargin()).isEqualTo(7_000_000);
        assertThat(alice().frozenCommission()).isEqualTo(3_500);
        assertThat(book.remainingVolume(1)).isEqualTo(2);
        book.fill(1, 6990, 2);
        // margins 3,490,000 + 6,990,000; commissions 1,745 + 3,495
        assertThat(alice().frozenMargin()).isZero();
        assertThat(alice().frozenCommission()).isZero();
        assertThat(alice().margin()).isEqualTo(10_480_000);
        assertThat(alice().commission()).isEqualTo(5_240);
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldReleaseEverythingWhenOrderIsCancelled() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 3);
        book.fill(1, 7000, 1);
        assertThat(book.cancelOrder(1)).isTrue();
        assertThat(alice().frozenMargin()).isZero();
        assertThat(alice().frozenCommission()).isZero();
        assertThat(alice().openOrderCount()).isZero();
        assertThat(book.position(alice, CU).pendingOpenVolume(true)).isZero();
        assertThat(book.cancelOrder(1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.UNKNOWN_ORDER);
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldRefuseWithdrawalWhenItExceedsAvailable() {
        int dave = book.openAccount("dave");
        book.deposit(dave, 5_000_000);
        book.placeOrder(dave, 9, CU, BUY, OPEN, LIMIT, 7000, 1);
        book.fill(9, 7000, 1);
        // margin 3,500,000 and commission 1,750 leave 1,498,250 available
        assertThat(book.account(dave).available()).isEqualTo(1_498_250);
        long hash = book.stateHash();
        assertThat(book.withdraw(dave, 1_498_251)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.INSUFFICIENT_AVAILABLE);
        assertThat(book.lastRejection().message()).isEqualTo("amount=14982.51 must be <= available=14982.50");
        assertThat(book.stateHash()).isEqualTo(hash);
        assertThat(book.withdraw(dave, 1_498_250)).isTrue();
        assertThat(book.account(dave).available()).isZero();
        assertThat(book.account(dave).staticBalance()).isEqualTo(5_000_000 - 1_498_250);
    }

    @Test
    void shouldRefuseOpenOrderWhenFundsAreShortAndLeaveNoTrace() {
        int erin = book.openAccount("erin");
        book.deposit(erin, 3_000_000);
        long hash = book.stateHash();
        assertThat(book.placeOrder(erin, 5, CU, BUY, OPEN, LIMIT, 7000, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(book.lastRejection().message())
                .isEqualTo("margin=35000.00 + commission=17.50 must be <= available=30000.00");
        assertThat(book.stateHash()).isEqualTo(hash);
        assertThat(book.position(erin, CU)).isNull();
    }

    @Test
    void shouldRefuseMalformedCommandsWithMessagesNamingTheField() {
        assertThat(book.deposit(alice, 0)).isFalse();
        assertThat(book.lastRejection().message()).startsWith("amount=0 must be in 1..");
        assertThat(book.deposit(99, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.UNKNOWN_ACCOUNT);
        assertThat(book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 0, 1)).isFalse();
        assertThat(book.lastRejection().message()).startsWith("priceTicks=0 must be in 1..");
        assertThat(book.placeOrder(alice, 1, 7, BUY, OPEN, LIMIT, 7000, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.UNKNOWN_INSTRUMENT);
        assertThat(book.placeOrder(alice, 1, CU, null, OPEN, LIMIT, 7000, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.INVALID_ORDER);
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 1);
        assertThat(book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.DUPLICATE_ORDER_ID);
        assertThat(book.fill(1, 7000, 2)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.INVALID_FILL);
        assertThat(book.openAccount("alice")).isEqualTo(-1);
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.ACCOUNT_EXISTS);
        AccountIdentities.assertConsistent(book);
    }
}
