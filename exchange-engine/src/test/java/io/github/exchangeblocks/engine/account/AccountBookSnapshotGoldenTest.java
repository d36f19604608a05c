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
 * The version-1 snapshot layout is pinned by a golden file written once and never rewritten
 * ({@code src/test/resources/golden/account-book-v1.bin}).
 */
class AccountBookSnapshotGoldenTest {

    /** A small book touching every snapshot section: settled day, history and today lots, open orders. */
    static AccountBook goldenBook(InstrumentRegistry registry) {
        AccountBook book = new AccountBook(registry, RiskChain.standard(Long.MAX_VALUE, 1_000, 100));
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

    private static byte[] golden() throws IOException {
        try (InputStream in = AccountBookSnapshotGoldenTest.class.getResourceAsStream("/golden/account-book-v1.bin")) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void shouldWriteExactlyTheGoldenBytesWhenStateMatches() throws IOException {
        assertThat(goldenBook(Fixtures.registry()).snapshot()).isEqualTo(golden());
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
                .hasMessage("snapshot: version=9 must be 1");
        assertThatThrownBy(() -> AccountBook.restore(new byte[] {1, 2, 3, 4, 5}, registry, RiskChain.none()))
                .hasMessage("snapshot: magic is not EBAB");
    }
}
