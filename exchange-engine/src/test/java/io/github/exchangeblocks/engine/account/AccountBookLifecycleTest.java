package io.github.exchangeblocks.engine.account;

import static io.github.exchangeblocks.api.Offset.CLOSETODAY;
import static io.github.exchangeblocks.api.Offset.OPEN;
import static io.github.exchangeblocks.api.OrderType.LIMIT;
import static io.github.exchangeblocks.api.OrderType.MARKET;
import static io.github.exchangeblocks.api.Side.BUY;
import static io.github.exchangeblocks.api.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.risk.RiskChain;
import org.junit.jupiter.api.Test;

/** Instrument status and delisting as seen by the account book, MARKET orders, limits of the standard chain. */
class AccountBookLifecycleTest {
    private static final int CU = 0;
    private final InstrumentRegistry registry = Fixtures.registry();
    private final AccountBook book = new AccountBook(registry, RiskChain.standard(Long.MAX_VALUE, 5, 2),
                AccountConventions.legacy());
    private final int alice = book.openAccount("alice");

    AccountBookLifecycleTest() {
        book.deposit(alice, 1_000_000_000);
    }

    @Test
    void shouldFreezeAtProtectionPriceWhenOrderIsMarket() {
        registry.setPreSettlementPrice(CU, 7000);
        // MARKET BUY protected at limit up 7560: margin 7560*5000*10% = 3,780,000; commission 1,890
        assertThat(book.placeOrder(alice, 1, CU, BUY, OPEN, MARKET, 7560, 1)).isTrue();
        assertThat(book.account(alice).frozenMargin()).isEqualTo(3_780_000);
        assertThat(book.account(alice).frozenCommission()).isEqualTo(1_890);
        book.fill(1, 7010, 1);
        assertThat(book.account(alice).margin()).isEqualTo(3_505_000);
        assertThat(book.account(alice).frozenMargin()).isZero();
    }

    @Test
    void shouldRefuseNewOrdersButKeepFillsAndCancelsWhenSuspended() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 2);
        book.placeOrder(alice, 2, CU, BUY, OPEN, LIMIT, 6990, 1);
        registry.setStatus(CU, InstrumentStatus.SUSPENDED);
        assertThat(book.placeOrder(alice, 3, CU, BUY, OPEN, LIMIT, 7000, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.INSTRUMENT_NOT_TRADABLE);
        assertThat(book.fill(1, 7000, 2)).isTrue();
        assertThat(book.cancelOrder(2)).isTrue();
        AccountIdentities.assertConsistent(book);
    }

    @Test
    void shouldRefuseDelistingWhilePositionsOrOrdersRemain() {
        book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 1);
        assertThat(registry.delist(CU, book)).isFalse();
        book.fill(1, 7000, 1);
        assertThat(registry.delist(CU, book)).isFalse();
        assertThat(registry.lastRejection().code()).isEqualTo(RejectCode.INSTRUMENT_IN_USE);
        book.placeOrder(alice, 2, CU, SELL, CLOSETODAY, LIMIT, 7000, 1);
        book.fill(2, 7000, 1);
        assertThat(book.inUse(CU)).isFalse();
        assertThat(registry.delist(CU, book)).isTrue();
        assertThat(book.placeOrder(alice, 3, CU, BUY, OPEN, LIMIT, 7000, 1)).isFalse();
        assertThat(book.lastRejection().message()).isEqualTo("SHFE.cu2512 is delisted");
    }

    @Test
    void shouldApplyPositionAndOpenOrderLimitsOfTheStandardChain() {
        assertThat(book.placeOrder(alice, 1, CU, BUY, OPEN, LIMIT, 7000, 3)).isTrue();
        assertThat(book.placeOrder(alice, 2, CU, BUY, OPEN, LIMIT, 7000, 3)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.POSITION_LIMIT);
        assertThat(book.placeOrder(alice, 2, CU, BUY, OPEN, LIMIT, 7000, 2)).isTrue();
        assertThat(book.placeOrder(alice, 3, CU, SELL, OPEN, LIMIT, 7000, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.OPEN_ORDER_LIMIT);
        assertThat(book.openOrderIds(alice)).containsExactly(1L, 2L);
        assertThat(book.placeOrder(alice, 3, CU, BUY, OPEN, LIMIT, 7000, 501)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.INVALID_ORDER);
    }

    @Test
    void shouldRefuseFillsAndMarksThatWouldOverflowAndLeaveNoTrace() {
        // a (silly) contract whose tick is worth 10^12 cents: 10^6 ticks x 1 lot = 10^18 fits, 10^7 ticks does not
        int big = registry.list(new InstrumentSpec("TEST.big", 0, 1_000_000, 10_000, 1, 0, 0, CommissionRate.FREE,
                CommissionRate.FREE, CommissionRate.FREE, 0, 10, CloseRule.HISTORY_FIRST));
        registry.setStatus(big, InstrumentStatus.TRADING);
        assertThat(book.placeOrder(alice, 1, big, SELL, OPEN, LIMIT, 1_000_000, 2)).isTrue();
        long hash = book.stateHash();
        assertThat(book.fill(1, 10_000_000, 1)).isFalse();
        assertThat(book.lastRejection().code()).isEqualTo(RejectCode.INVALID_FILL);
        assertThat(book.lastRejection().message()).contains("out of range");
        assertThat(book.stateHash()).isEqualTo(hash);
        assertThat(book.fill(1, 1_000_000, 1)).isTrue();
        hash = book.stateHash();
        assertThat(book.markPrice(big, 10_000_000)).isFalse();
        assertThat(book.lastRejection().message())
                .isEqualTo("priceTicks=10000000 (10000000000000) x largest position 1 takes a notional out of range");
        assertThat(book.stateHash()).isEqualTo(hash);
        assertThat(book.settle(20251201, new long[] {0, 0, 0, 10_000_000}, null)).isFalse();
        assertThat(book.stateHash()).isEqualTo(hash);
        AccountIdentities.assertConsistent(book);
    }
}
