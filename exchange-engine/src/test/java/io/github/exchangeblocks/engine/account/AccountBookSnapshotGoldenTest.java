package io.github.exchangeblocks.engine.account;

import static io.github.exchangeblocks.api.Offset.CLOSE;
import static io.github.exchangeblocks.api.Offset.OPEN;
import static io.github.exchangeblocks.api.OrderType.LIMIT;
import static io.github.exchangeblocks.api.Side.BUY;
import static io.github.exchangeblocks.api.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The snapshot layouts are pinned by golden files written once and never rewritten: version 1
 * ({@code src/test/resources/golden/account-book-v1.bin}, written by earlier releases, still read with the legacy
 * conventions) and version 2 ({@code account-book-v2.bin}, conventions and order types included).
 */
class AccountBookSnapshotGoldenTest {

    /** A small book touching every snapshot section: settled day, history and today lots, open orders. */
    static AccountBook goldenBook(InstrumentRegistry registry) {
        return goldenBook(registry, AccountConventions.legacy());
    }

    static AccountBook goldenBook(InstrumentRegistry registry, AccountConventions conventions) {
        AccountBook book = new AccountBook(registry, RiskChain.standard(Long.MAX_VALUE, 1_000, 100), conventions);
        int a = book.openAccount("alice");
        int b = book.openAccount("bob");
        book.deposit(a, 100_000_000);
        book.deposit(b, 100_000_000);
        book.placeOrder(a, 1, 1, BUY, OPEN, LIMIT, 3000, 3);
        book.placeOrder(b, 2, 1, SELL, OPEN, LIMIT, 3000, 3);
        book.fill(1, 3000, 3);
        book.fill(2, 3000, 3);
        book.settle(20251201, new long[] {0, 3010, 0}, null);
        book.placeOrder(a, 3, 0, BUY, OPEN, LIMIT, 7000, 2);
        book.placeOrder(b, 4, 0, SELL, OPEN, LIMIT, 7000, 2);
        book.fill(3, 7000, 1);
        book.fill(4, 7000, 1);
        book.placeOrder(a, 5, 1, SELL, CLOSE, LIMIT, 3020, 2);
        book.markPrice(0, 7050);
        book.withdraw(b, 1_000);
        return book;
    }

    /**
     * The version-2 golden book: the version-1 book's commands under non-default conventions (margin HALF_EVEN,
     * closing commission frozen, flat positions dropped), plus a MARKET order with a protection price.
     */
    static AccountBook goldenBookV2(InstrumentRegistry registry) {
        AccountBook book = goldenBook(registry, AccountConventions.builder().marginRounding(
                io.github.exchangeblocks.api.instrument.Rounding.HALF_EVEN).freezeCloseCommission(true)
                .retainFlatPositions(false).build());
        assertThat(book.placeOrder(1, 6, 0, SELL, OPEN, io.github.exchangeblocks.api.OrderType.MARKET, 7040, 1))
                .isTrue();
        return book;
    }

    private static byte[] golden() throws IOException {
        return golden("/golden/account-book-v1.bin");
    }

    static byte[] golden(String name) throws IOException {
        try (InputStream in = AccountBookSnapshotGoldenTest.class.getResourceAsStream(name)) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void shouldWriteExactlyTheVersion2GoldenBytesWhenStateMatches() throws IOException {
        assertThat(goldenBookV2(Fixtures.registry()).snapshot()).isEqualTo(golden("/golden/account-book-v2.bin"));
    }

    @Test
    void shouldRestoreVersion2GoldenFileWithItsConventionsAndOrderTypes() throws IOException {
        InstrumentRegistry registry = Fixtures.registry();
        AccountBook original = goldenBookV2(registry);
        AccountBook restored = AccountBook.restore(golden("/golden/account-book-v2.bin"), registry, RiskChain.none());
        assertThat(restored.conventions()).isEqualTo(original.conventions());
        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        assertThat(restored.order(6).type()).isEqualTo(io.github.exchangeblocks.api.OrderType.MARKET);
        assertThat(restored.order(6).limitPriceTicks()).isEqualTo(7040);
        assertThat(restored.snapshot()).isEqualTo(golden("/golden/account-book-v2.bin"));
        AccountIdentities.assertConsistent(restored);
    }

    @Test
    void shouldRestoreVersion1GoldenFileWithLegacyConventionsAndWriteItAsVersion2() throws IOException {
        InstrumentRegistry registry = Fixtures.registry();
        AccountBook restored = AccountBook.restore(golden(), registry, RiskChain.none());
        assertThat(restored.conventions()).isEqualTo(AccountConventions.legacy());
        assertThat(restored.order(5).type()).isEqualTo(io.github.exchangeblocks.api.OrderType.LIMIT);
        assertThat(restored.order(5).limitPriceTicks()).isEqualTo(3020);
        byte[] rewritten = restored.snapshot();
        assertThat(rewritten[7]).isEqualTo((byte) 2);
        assertThat(AccountBook.restore(rewritten, registry, RiskChain.none()).stateHash())
                .isEqualTo(restored.stateHash());
    }

    @Test
    void shouldRestoreGoldenFileToTheSameState() throws IOException {
        InstrumentRegistry registry = Fixtures.registry();
        AccountBook original = goldenBook(registry);
        AccountBook restored = AccountBook.restore(golden(), registry, RiskChain.none());
        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        assertThat(restored.account(1).withdraw()).isEqualTo(1_000);
        assertThat(restored.remainingVolume(5)).isEqualTo(2);
        assertThat(restored.position(0, 1).volumeLongFrozenHis()).isEqualTo(2);
        AccountIdentities.assertConsistent(restored);
        assertThat(restored.cancelOrder(5)).isTrue();
        assertThat(restored.fill(3, 7000, 1)).isTrue();
    }

    @Test
    void shouldRefuseCorruptOrTruncatedSnapshots() throws IOException {
        byte[] bytes = golden();
        InstrumentRegistry registry = Fixtures.registry();
        assertThatThrownBy(() -> AccountBook.restore(Arrays.copyOf(bytes, bytes.length - 3), registry,
                RiskChain.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        byte[] wrongVersion = bytes.clone();
        wrongVersion[7] = 9;
        assertThatThrownBy(() -> AccountBook.restore(wrongVersion, registry, RiskChain.none()))
                .hasMessage("snapshot: version=9 must be 1 or 2");
        assertThatThrownBy(() -> AccountBook.restore(new byte[] {1, 2, 3, 4, 5}, registry, RiskChain.none()))
                .hasMessage("snapshot: magic is not EBAB");
    }
}
