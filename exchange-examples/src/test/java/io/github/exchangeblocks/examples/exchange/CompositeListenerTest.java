package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompositeListenerTest {

    @Test
    void shouldForwardEveryEventToEachListenerInOrderWhenFannedOut() {
        List<String> seen = new ArrayList<>();
        ExchangeListener first = recorder("first", seen);
        ExchangeListener second = recorder("second", seen);
        CompositeListener composite = new CompositeListener(List.of(first, second));
        composite.onLevel(2, 7, Side.BUY, 100, 3, 1);
        composite.onAccount("alice", 0);
        composite.onBatchEnd();
        assertThat(seen).containsExactly("first level 2", "second level 2", "first account alice",
                "second account alice", "first batch", "second batch");
    }

    @Test
    void shouldRefuseANullListenerWhenBuilt() {
        List<ExchangeListener> targets = new ArrayList<>();
        targets.add(new ExchangeListener() {
        });
        targets.add(null);
        assertThatThrownBy(() -> new CompositeListener(targets)).hasMessage("targets[1] must not be null");
    }

    private static ExchangeListener recorder(String name, List<String> seen) {
        return new ExchangeListener() {
            @Override
            public void onLevel(int instrumentIndex, long sequence, Side side, long priceTicks, long volume,
                                int orderCount) {
                seen.add(name + " level " + instrumentIndex);
            }

            @Override
            public void onAccount(String user, int accountId) {
                seen.add(name + " account " + user);
            }

            @Override
            public void onBatchEnd() {
                seen.add(name + " batch");
            }
        };
    }
}
