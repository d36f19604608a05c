package io.github.exchangeblocks.engine.account;

import static io.github.exchangeblocks.api.Offset.OPEN;
import static io.github.exchangeblocks.api.OrderType.LIMIT;
import static io.github.exchangeblocks.api.Side.BUY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.account.AccountChangeListener;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountChangeListenerTest {
    private final List<String> events = new ArrayList<>();
    private final AccountBook book = new AccountBook(Fixtures.registry(), RiskChain.none());

    AccountChangeListenerTest() {
        book.changeListener(new AccountChangeListener() {
            @Override
            public void onAccountChanged(int accountId) {
                events.add("account " + accountId);
            }

            @Override
            public void onPositionChanged(int accountId, int instrumentIndex) {
                events.add("position " + accountId + "/" + instrumentIndex);
            }
        });
    }

    @Test
    void shouldNotifyOnlyHoldersWhenInstrumentIsMarked() {
        for (int i = 0; i < 3; i++) {
            int id = book.openAccount("u" + i);
            book.deposit(id, 1_000_000_000);
            book.placeOrder(id, 10 + i, i == 2 ? 1 : 0, BUY, OPEN, LIMIT, i == 2 ? 3000 : 7000, 1);
            book.fill(10 + i, i == 2 ? 3000 : 7000, 1);
        }
        events.clear();
        book.markPrice(0, 7100);
        assertThat(events).containsExactly("position 0/0", "account 0", "position 1/0", "account 1");
    }

    @Test
    void shouldNotifyAccountAndPositionWhenCommandsApply() {
        int id = book.openAccount("u");
        book.deposit(id, 1_000_000_000);
        book.placeOrder(id, 1, 0, BUY, OPEN, LIMIT, 7000, 2);
        book.fill(1, 7000, 1);
        book.cancelOrder(1);
        assertThat(book.withdraw(id, 1)).isTrue();
        assertThat(book.withdraw(id, 0)).isFalse();
        assertThat(events).containsExactly("account 0", "position 0/0", "account 0", "position 0/0", "account 0",
                "position 0/0", "account 0", "account 0");
    }
}
